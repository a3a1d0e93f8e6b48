/**
 * `Bool` [IAM-CONDOPS "Boolean condition operators"]: `true` / `false`, compared ignoring case
 * (SEMANTICS §4 choice, provisional case P05). Policy variables are substituted (§10 C2 choice). A value
 * other than `true` or `false` makes the condition false.
 */
import { joinParts, parseTemplate, substitute } from '../match/variables';
import { F, T, U } from '../context/keyValue';
import { INVALID, type TestResult, type ValueTest } from './valueTest';

function readBool(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** Compiles the policy values of a `Bool` condition. */
export function compileBoolTest(values: readonly string[], variablesEnabled: boolean): ValueTest {
  const templates = values.map((v) => parseTemplate(v, variablesEnabled));
  const fixed = templates.filter((t) => !t.hasVariables).map((t) => readBool(t.raw));
  if (fixed.some((b) => b === undefined)) return () => INVALID;
  const dynamic = templates.filter((t) => t.hasVariables);
  return (r, keys) => {
    const request = readBool(r);
    if (request === undefined) return INVALID;
    if (fixed.includes(request)) return T;
    let result: TestResult = F;
    for (const template of dynamic) {
      const parts = substitute(template, keys);
      if (parts === 'unknown') result = U;
      else if (parts !== 'unresolved') {
        const policy = readBool(joinParts(parts));
        if (policy === undefined) return INVALID;
        if (policy === request) return T;
      }
    }
    return result;
  };
}
