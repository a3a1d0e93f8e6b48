/**
 * What the user chose about how to look at the graph: filters, collapsed boxes, and the words the
 * graph draws itself. Plain data, structurally typed, so the state layer can hold it without
 * importing this module.
 */
import type { AccessLevel } from '../catalog/vocabulary';
import type { LeafType } from './vocabulary';

/**
 * Filters. Absent fields (or empty lists) filter nothing.
 * - `accounts`: only these accounts (their boxes and contents; the boxes above them stay);
 * - `types`: only these leaf types (accounts stay, so the organization keeps its shape);
 * - `accessLevels`, `action`: narrow effective access — what lights up on selection and which
 *   `effective-access` edges are drawn (`action` is a pattern: `s3:Get*`, case-insensitive);
 * - `onlyExternal`: external and public nodes and whatever is directly connected to them;
 * - `onlyFindings`: the subjects of findings;
 * - `showGrants`: draw every `grants` edge (otherwise only those touching the selection).
 */
export interface GraphFilters {
  readonly accounts?: readonly string[] | undefined;
  readonly types?: readonly LeafType[] | undefined;
  readonly accessLevels?: readonly AccessLevel[] | undefined;
  readonly action?: string | undefined;
  readonly onlyExternal?: boolean | undefined;
  readonly onlyFindings?: boolean | undefined;
  readonly showGrants?: boolean | undefined;
}

/** No filtering at all. */
export const NO_FILTERS: GraphFilters = {};

/** Words the graph draws on the canvas (the UI passes translated ones). */
export interface GraphStrings {
  readonly outside: string;
  readonly services: string;
  readonly organization: string;
  readonly anonymous: string;
  /** Edge label prefix for conditional edges: `needs` ExternalId. */
  readonly needs: string;
  /** Collapsed-box summary, `{n}` replaced by the number of hidden nodes. */
  readonly hidden: string;
  readonly pending: string;
  /** Short access-level names on effective-access edges. */
  readonly levelList: string;
  readonly levelRead: string;
  readonly levelWrite: string;
  readonly levelPermissions: string;
  readonly levelTagging: string;
}

/** English defaults. */
export const DEFAULT_STRINGS: GraphStrings = {
  outside: 'Outside the organization',
  services: 'AWS services and identity providers',
  organization: 'Organization',
  anonymous: 'Anyone (public)',
  needs: 'needs',
  hidden: '{n} inside',
  pending: 'pending',
  levelList: 'List',
  levelRead: 'Read',
  levelWrite: 'Write',
  levelPermissions: 'Perms',
  levelTagging: 'Tag',
};

/** Case-insensitive IAM-style wildcard match (`*` any run, `?` one character). */
export function matchesActionPattern(pattern: string, action: string): boolean {
  const source = pattern
    .trim()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(action);
}
