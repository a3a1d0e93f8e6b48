/**
 * What the app keeps in `localStorage`: the scenario text with the unapplied drafts of focused tabs
 * (autosave: nothing the user typed is lost on reload) and the view preferences. Both are versioned
 * and parsed on read like any input from outside (STYLE.md rule 1): a damaged entry is ignored, never
 * trusted.
 */
import { deflateSync } from 'fflate';
import type { JsonPath } from '../model/ids';
import { decodeBase64Url, encodeBase64Url } from '../io/share/base64url';
import { inflateBounded } from '../io/share/boundedInflate';
import { decodeUtf8, encodeUtf8 } from '../io/share/utf8';

/** The subset of the Web Storage API the app uses (injectable: tests pass a map). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Storage keys; the version is part of the key so an old build never reads a newer shape. */
export const AUTOSAVE_KEY = 'accessgraph:autosave:v1';
export const PREFS_KEY = 'accessgraph:prefs:v1';

/** A focused tab's text not yet written into the scenario. */
export interface Draft {
  readonly path: JsonPath;
  readonly text: string;
}

/** The autosaved document. */
export interface Autosave {
  readonly v: 1;
  readonly text: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
  /** By tab id. */
  readonly drafts: Readonly<Record<string, Draft>>;
  /** The undo and redo stacks (newest last), trimmed to `MAX_HISTORY_CHARS`, so undo works after a reload. */
  readonly history: { readonly past: readonly string[]; readonly future: readonly string[] };
}

/** At most this many characters of undo history are saved (localStorage holds a few megabytes per origin). */
export const MAX_HISTORY_CHARS = 2_000_000;

/** The newest entries of a stack whose total length fits in `budget` characters. */
export function trimStack(stack: readonly string[], budget: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (let i = stack.length - 1; i >= 0; i--) {
    const entry = stack[i] ?? '';
    if (used + entry.length > budget) break;
    used += entry.length;
    kept.unshift(entry);
  }
  return kept;
}

/** Caps that keep a damaged or hostile entry from costing much. */
const MAX_TEXT = 20_000_000;
const MAX_DRAFTS = 64;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(raw: string | null): unknown {
  if (raw === null || raw.length > MAX_TEXT * 2) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function parsePath(value: unknown): JsonPath | undefined {
  if (!Array.isArray(value) || value.length > 64) return undefined;
  const steps: (string | number)[] = [];
  for (const step of value as unknown[]) {
    if (typeof step === 'string' || (typeof step === 'number' && Number.isInteger(step) && step >= 0))
      steps.push(step);
    else return undefined;
  }
  return steps;
}

function parseDrafts(value: unknown): Record<string, Draft> {
  const drafts: Record<string, Draft> = Object.create(null) as Record<string, Draft>;
  if (!isRecord(value)) return drafts;
  for (const [id, draft] of Object.entries(value).slice(0, MAX_DRAFTS)) {
    if (!isRecord(draft) || typeof draft.text !== 'string' || draft.text.length > MAX_TEXT) continue;
    const path = parsePath(draft.path);
    if (path !== undefined) drafts[id] = { path, text: draft.text };
  }
  return drafts;
}

function parseStack(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const strings = (value as unknown[]).filter((entry): entry is string => typeof entry === 'string');
  return trimStack(strings, MAX_HISTORY_CHARS);
}

function parseHistory(value: unknown): Autosave['history'] {
  if (!isRecord(value)) return { past: [], future: [] };
  return { past: parseStack(value.past), future: parseStack(value.future) };
}

/**
 * The deflated form of an entry, `{"v":1,"deflated":"<base64url>"}`: a large organization's scenario is
 * several megabytes of JSON, more than `localStorage` holds as text, and JSON deflates about tenfold.
 */
interface PackedAutosave {
  readonly v: 1;
  readonly deflated: string;
}

function pack(save: Autosave): PackedAutosave {
  return { v: 1, deflated: encodeBase64Url(deflateSync(encodeUtf8(JSON.stringify(save)), { level: 6 })) };
}

/** The JSON text inside a packed entry, or `undefined` when it is damaged or inflates past the cap. */
function unpack(deflated: string): string | undefined {
  if (deflated.length > MAX_TEXT) return undefined;
  const decoded = decodeBase64Url(deflated);
  if (!('bytes' in decoded)) return undefined;
  const inflated = inflateBounded(decoded.bytes, MAX_TEXT * 3);
  return inflated.ok ? decodeUtf8(inflated.value) : undefined;
}

/**
 * Writes the autosave as plain JSON when storage takes it; else deflated; else deflated without the
 * undo history (the text and the drafts matter most). `false` when even that is refused.
 */
export function writeAutosave(storage: KeyValueStorage | undefined, save: Autosave): boolean {
  if (writeEntry(storage, AUTOSAVE_KEY, save)) return true;
  if (storage === undefined) return false;
  if (writeEntry(storage, AUTOSAVE_KEY, pack(save))) return true;
  return writeEntry(storage, AUTOSAVE_KEY, pack({ ...save, history: { past: [], future: [] } }));
}

/** Parses an autosave entry (plain or deflated); `undefined` when absent, of another version or damaged. */
export function parseAutosave(raw: string | null): Autosave | undefined {
  const outer = parseJson(raw);
  // A packed entry holds a plain one; it is never packed twice.
  const value = isRecord(outer) && outer.v === 1 && typeof outer.deflated === 'string' ? parseJson(unpack(outer.deflated) ?? null) : outer;
  if (!isRecord(value) || value.v !== 1 || typeof value.text !== 'string' || value.text.length > MAX_TEXT)
    return undefined;
  const savedAt = typeof value.savedAt === 'number' && Number.isFinite(value.savedAt) ? value.savedAt : 0;
  return {
    v: 1,
    text: value.text,
    savedAt,
    drafts: parseDrafts(value.drafts),
    history: parseHistory(value.history),
  };
}

/** Reads the autosave; storage errors (blocked storage) count as no autosave. */
export function readAutosave(storage: KeyValueStorage | undefined): Autosave | undefined {
  try {
    return parseAutosave(storage?.getItem(AUTOSAVE_KEY) ?? null);
  } catch {
    return undefined;
  }
}

/** Writes a value; `false` when storage refused it (quota, privacy mode). */
export function writeEntry(storage: KeyValueStorage | undefined, key: string, value: unknown): boolean {
  if (storage === undefined) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Reads a stored JSON value for a parser of its own; `undefined` when absent or unreadable. */
export function readEntry(storage: KeyValueStorage | undefined, key: string): unknown {
  try {
    return parseJson(storage?.getItem(key) ?? null);
  } catch {
    return undefined;
  }
}
