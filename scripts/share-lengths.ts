/**
 * Prints the share-link length of every built-in lesson under each candidate encoding, the table behind
 * the choice of version 1 (raw DEFLATE with a preset dictionary over minified JSON):
 *
 *   node --import tsx scripts/share-lengths.ts
 *
 * Lengths are characters of the payload (what follows `#s=1`); the view is empty.
 */
import { deflateSync } from 'fflate';
import LZString from 'lz-string';
import { encodeBase64Url } from '../src/io/share/base64url';
import { SHARE_DICTIONARY_V1 } from '../src/io/share/dictionaryV1';
import { encodeShare } from '../src/io/share/shareCodec';
import { encodeUtf8 } from '../src/io/share/utf8';
import type { JsonObject, JsonValue } from '../src/io/share/jsonValue';
import { LESSONS, lessonScenario } from '../src/lessons/index';

/** Key order that puts the format's and IAM's conventional keys first (the "canonical order" variant). */
const RANK = ['format', 'title', 'description', 'organization', 'accounts', 'users', 'groups', 'roles', 'policies', 'sessions', 'resources', 'resourceShares', 'assertions', 'lesson', 'Version', 'Statement', 'Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition', 'arn', 'id', 'name', 'principal', 'action', 'resource', 'context', 'expect'];

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ordered(value: JsonValue): JsonValue {
  if (!isObject(value)) return Array.isArray(value) ? (value as readonly JsonValue[]).map(ordered) : value;
  const rank = (k: string): number => (RANK.includes(k) ? RANK.indexOf(k) : RANK.length);
  return Object.fromEntries(Object.keys(value).sort((a, b) => rank(a) - rank(b)).map((k) => [k, ordered(value[k] ?? null)]));
}

function deflated(text: string, dictionary?: Uint8Array): number {
  return encodeBase64Url(deflateSync(encodeUtf8(text), dictionary === undefined ? { level: 9 } : { level: 9, dictionary })).length;
}

const COLUMNS = ['lz pretty', 'lz min', 'deflate pretty', 'deflate min', 'deflate min+order', 'dict pretty', 'dict min', 'dict min+order', 'chosen (s=1…)'];
const totals = COLUMNS.map(() => 0);
const rows: string[] = [];
for (const language of ['en', 'ja'] as const) {
  for (const lesson of LESSONS) {
    const scenario = lessonScenario(lesson, language);
    const pretty = `{}\n${JSON.stringify(scenario, null, 2)}`;
    const min = `{}\n${JSON.stringify(scenario)}`;
    const order = `{}\n${JSON.stringify(ordered(scenario))}`;
    const chosen = encodeShare({ scenario });
    const cells = [
      LZString.compressToEncodedURIComponent(pretty).length,
      LZString.compressToEncodedURIComponent(min).length,
      deflated(pretty),
      deflated(min),
      deflated(order),
      deflated(pretty, SHARE_DICTIONARY_V1),
      deflated(min, SHARE_DICTIONARY_V1),
      deflated(order, SHARE_DICTIONARY_V1),
      chosen.ok ? chosen.value.length : Number.NaN,
    ];
    cells.forEach((c, i) => (totals[i] = (totals[i] ?? 0) + c));
    rows.push(`| ${lesson.id} (${language}) | ${min.length} | ${cells.join(' | ')} |`);
  }
}
process.stdout.write(`| lesson | JSON chars (min) | ${COLUMNS.join(' | ')} |\n|${'---|'.repeat(COLUMNS.length + 2)}\n${rows.join('\n')}\n| total | | ${totals.join(' | ')} |\n`);
