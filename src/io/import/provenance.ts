/**
 * Where each part of the built scenario came from, so that the model's diagnostics on the scenario
 * (an invalid policy, a lint warning) are reported at the line and column of the input file.
 */
import type { JsonPath } from '../../model/ids';
import { child, type Origin } from './origin';

/** A map from scenario paths to input origins. */
export interface Provenance {
  /** `exact`: the scenario value at `path` is a verbatim copy of the input at `origin` (a policy document). */
  add(path: JsonPath, origin: Origin, exact: boolean): void;
  /** The input origin of a scenario path: the longest recorded prefix, refined when it is exact. */
  find(path: JsonPath): Origin | undefined;
}

/** An empty provenance map. */
export function createProvenance(): Provenance {
  const entries = new Map<string, { origin: Origin; exact: boolean }>();
  return {
    add(path, origin, exact) {
      entries.set(JSON.stringify(path), { origin, exact });
    },
    find(path) {
      for (let n = path.length; n >= 0; n--) {
        const entry = entries.get(JSON.stringify(path.slice(0, n)));
        if (entry !== undefined) return entry.exact ? child(entry.origin, ...path.slice(n)) : entry.origin;
      }
      return undefined;
    },
  };
}
