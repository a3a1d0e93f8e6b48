/**
 * Finds where a JSON path sits in a text (tolerantly, so it works while the text has an error
 * elsewhere), as offsets an editor model turns into positions.
 */
import { parseTree, type Node } from 'jsonc-parser';
import type { JsonPath } from '../../model/ids';
import { nodeAtPath } from '../../model/json';

/** Offsets of the value at a path. `exact` is false when only an ancestor exists. */
export interface Located {
  readonly offset: number;
  readonly length: number;
  readonly exact: boolean;
}

/** A parsed text that answers path lookups (parse once, locate many). */
export interface TextIndex {
  locate(path: JsonPath): Located | undefined;
}

function span(node: Node, exact: boolean): Located {
  // A property's key is the better target for a whole-object path: point at `"Statement": {` rather than `{`.
  const parent = node.parent;
  if (
    parent?.type === 'property' &&
    parent.children?.[1] === node &&
    (node.type === 'object' || node.type === 'array')
  ) {
    const key = parent.children[0];
    if (key !== undefined) return { offset: key.offset, length: key.length, exact };
  }
  return { offset: node.offset, length: node.length, exact };
}

/** Parses `text` for lookups. */
export function indexText(text: string): TextIndex {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return {
    locate(path) {
      if (root === undefined) return undefined;
      const { node, exact } = nodeAtPath(root, path);
      return span(node, exact);
    },
  };
}

/** True when `path` starts with every step of `prefix`. */
export function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step);
}
