/**
 * Where the cursor is in IAM terms (pure): inside an action, a condition operator or a condition key
 * of a policy statement — in the scenario or in a focused tab holding one policy document. The
 * completion and hover providers ask this before they ask the catalog.
 */
import {
  findNodeAtOffset,
  getLocation,
  getNodePath,
  parseTree,
  type JSONPath,
  type Node,
} from 'jsonc-parser';

/** What the cursor (or the hovered word) is. `start`/`end` are the offsets of the text to replace. */
export type IamSlot =
  | {
      readonly kind: 'action';
      readonly prefix: string;
      readonly start: number;
      readonly end: number;
      readonly quoted: boolean;
    }
  | {
      readonly kind: 'operator';
      readonly prefix: string;
      readonly start: number;
      readonly end: number;
      readonly quoted: boolean;
    }
  | {
      readonly kind: 'conditionKey';
      readonly prefix: string;
      readonly start: number;
      readonly end: number;
      readonly quoted: boolean;
      readonly services: readonly string[];
    };

/** The kinds of slot. */
export type IamSlotKind = IamSlot['kind'];

function isStatementPath(path: JSONPath): boolean {
  // `…Statement[n]` or `…Statement` (a single statement object).
  const last = path[path.length - 1];
  return last === 'Statement' || (typeof last === 'number' && path[path.length - 2] === 'Statement');
}

/** True when `path` (ending at a string value) is an action: a statement's Action/NotAction, or an assertion's `action`. */
function isActionPath(path: JSONPath): boolean {
  const end = typeof path[path.length - 1] === 'number' ? path.length - 1 : path.length;
  const key = path[end - 1];
  if (key === 'Action' || key === 'NotAction') return isStatementPath(path.slice(0, end - 1));
  return key === 'action' && end === path.length && path[0] === 'assertions' && path.length === 3;
}

/** The statement path above a Condition path (`…Statement[n]`), if any. */
function conditionAt(path: JSONPath): number {
  for (let i = path.length - 1; i >= 0; i--)
    if (path[i] === 'Condition' && isStatementPath(path.slice(0, i))) return i;
  return -1;
}

function servicesOf(root: Node | undefined, statementPath: JSONPath): string[] {
  if (root === undefined) return [];
  let node: Node | undefined = root;
  for (const step of statementPath) {
    if (node === undefined) break;
    node =
      node.type === 'array' && typeof step === 'number'
        ? node.children?.[step]
        : node.children?.find((p) => p.children?.[0]?.value === step)?.children?.[1];
  }
  const services = new Set<string>();
  for (const property of node?.children ?? []) {
    const key: unknown = property.children?.[0]?.value;
    if (key !== 'Action' && key !== 'NotAction') continue;
    const value = property.children?.[1];
    const strings = value?.type === 'array' ? (value.children ?? []) : value === undefined ? [] : [value];
    for (const s of strings)
      if (typeof s.value === 'string' && s.value.includes(':'))
        services.add(s.value.slice(0, s.value.indexOf(':')).toLowerCase());
  }
  return [...services];
}

function textSpan(
  text: string,
  offset: number,
  node: Node | undefined,
): { prefix: string; start: number; end: number; quoted: boolean } {
  if (
    (node?.type === 'string' || node?.type === 'property') &&
    offset > node.offset &&
    offset <= node.offset + node.length
  ) {
    const start = node.offset + 1;
    const closed = text[node.offset + node.length - 1] === '"' && node.length > 1;
    const end = closed ? node.offset + node.length - 1 : node.offset + node.length;
    return { prefix: text.slice(start, Math.min(offset, end)), start, end, quoted: true };
  }
  return { prefix: '', start: offset, end: offset, quoted: false };
}

/** The IAM slot at a cursor offset, for completion. */
export function slotAtCursor(text: string, offset: number): IamSlot | undefined {
  const location = getLocation(text, offset);
  const path = location.path;
  const span = textSpan(text, offset, location.previousNode);
  if (!location.isAtPropertyKey) return isActionPath(path) ? { kind: 'action', ...span } : undefined;
  const at = conditionAt(path);
  if (at < 0) return undefined;
  const depth = path.length - at;
  if (depth === 2) return { kind: 'operator', ...span };
  if (depth === 3)
    return { kind: 'conditionKey', ...span, services: servicesOf(parseTree(text), path.slice(0, at)) };
  return undefined;
}

/** The IAM word under the mouse, for hover: the whole string, its kind and its value. */
export function slotAtHover(
  text: string,
  offset: number,
): (IamSlot & { readonly value: string }) | undefined {
  const root = parseTree(text);
  if (root === undefined) return undefined;
  const node = findNodeAtOffset(root, offset);
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;
  const span = {
    prefix: node.value,
    start: node.offset + 1,
    end: node.offset + node.length - 1,
    quoted: true,
    value: node.value,
  };
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const path = getNodePath(node);
  if (!isKey) return isActionPath(path) ? { kind: 'action', ...span } : undefined;
  const at = conditionAt(path.slice(0, -1));
  if (at < 0) return undefined;
  const depth = path.length - at;
  if (depth === 2) return { kind: 'operator', ...span };
  if (depth === 3) return { kind: 'conditionKey', ...span, services: servicesOf(root, path.slice(0, at)) };
  return undefined;
}
