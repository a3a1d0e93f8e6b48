/**
 * The conventions for what an export does not say about itself (see README.md): request parameters
 * given next to the output (`{"ParentId": …, "OrganizationalUnits": […]}`) or as the SDK's
 * `{"input": {…}, "output": {…}}` pair, and identifiers written into the file name.
 */
import { isObject } from '../../model/checkShape';
import { get, type Obj } from './fields';
import { child, type Origin } from './origin';

/** A request parameter and where it was found. */
export interface Parameter {
  readonly value: string;
  readonly origin: Origin;
  /** Names the source in messages: a key of the file, or its name. */
  readonly source: string;
}

/** The request parameters that came with an output: the SDK `input` object, else the output itself. */
export interface Request {
  readonly params: Obj;
  readonly origin: Origin;
}

/** Finds a string parameter by any of its names (the CLI, the SDK and the API spell some differently). */
export function parameter(request: Request, names: readonly string[]): Parameter | undefined {
  for (const name of names) {
    const value = get(request.params, name);
    if (typeof value === 'string' && value !== '') return { value, origin: child(request.origin, name), source: `\`${name}\`` };
  }
  return undefined;
}

/** The base name of a file path (either separator), without directories. */
export function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}

/** The directories of a file path, innermost last. */
export function directories(name: string): string[] {
  const parts = name.split(/[\\/]/);
  return parts.slice(0, -1).filter((p) => p !== '');
}

/** The dot-separated segments of the file's base name (`ous.r-a1b2.json` → `ous`, `r-a1b2`, `json`). */
export function nameSegments(name: string): string[] {
  return baseName(name).split('.');
}

/** The one segment of the file name that `test` accepts, when exactly one does. */
export function fromFileName(file: { readonly name: string }, origin: Origin, test: (segment: string) => boolean): Parameter | undefined {
  const found = [...new Set(nameSegments(file.name).filter(test))];
  if (found.length !== 1 || found[0] === undefined) return undefined;
  return { value: found[0], origin: { ...origin, path: [] }, source: `the file name \`${baseName(file.name)}\`` };
}

/** Unwraps an SDK example pair `{ "input": {…}, "output": {…} }`; other values are their own request. */
export function unwrap(value: unknown, origin: Origin): { readonly body: unknown; readonly bodyOrigin: Origin; readonly request: Request } {
  if (isObject(value) && isObject(get(value, 'output')) && (get(value, 'input') === undefined || get(value, 'input') === null || isObject(get(value, 'input')))) {
    const input = get(value, 'input');
    return {
      body: get(value, 'output'),
      bodyOrigin: child(origin, 'output'),
      request: isObject(input) ? { params: input, origin: child(origin, 'input') } : { params: Object.create(null) as Obj, origin },
    };
  }
  return { body: value, bodyOrigin: origin, request: { params: isObject(value) ? value : (Object.create(null) as Obj), origin } };
}
