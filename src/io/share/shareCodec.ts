/**
 * Share links: `#s=<version><payload>`. Version `1`: the payload is base64url of raw DEFLATE (level 9,
 * preset dictionary `SHARE_DICTIONARY_V1`) of UTF-8 text `<view JSON>\n<minified scenario JSON>`.
 * The fragment never reaches a server (DESIGN.md "Share URLs").
 *
 * Decoding trusts nothing: the link length is capped before any work, decompression stops at a size
 * cap, the view is parsed by hand and the scenario goes through the model's parser. Every version ever
 * written keeps decoding (golden tests pin frozen links).
 */
import { deflateSync } from 'fflate';
import type { Diagnostic } from '../../model/diagnostics';
import { nodeValue, parseJsonText } from '../../model/json';
import { parseScenarioText } from '../../model/parseScenario';
import type { Scenario } from '../../model/types';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { inflateBounded } from './boundedInflate';
import { SHARE_DICTIONARY_V1 } from './dictionaryV1';
import { formatJson, minifyJson } from './jsonText';
import type { JsonValue } from './jsonValue';
import { err, ok, type Result } from './result';
import { shareError, type ShareError } from './shareError';
import { EMPTY_VIEW, parseShareView, serializeShareView, type ShareView } from './shareView';
import { decodeUtf8, encodeUtf8 } from './utf8';

/** The fragment parameter that holds a shared scenario. */
export const SHARE_PREFIX = 's=';
/** Versions this build reads; the last one is what it writes. */
export const SHARE_VERSIONS = ['1'] as const;
export type ShareVersion = (typeof SHARE_VERSIONS)[number];
/** The version new links are written in. */
export const CURRENT_SHARE_VERSION: ShareVersion = '1';

/** The longest fragment (without `#`) accepted, checked before any decoding. */
export const MAX_FRAGMENT_LENGTH = 131_072;
/** The largest decompressed payload accepted, in bytes; decompression stops there. */
export const MAX_CONTENT_BYTES = 4 * 1024 * 1024;

/** What to share: scenario text as the editor holds it, or a scenario value; and the view. */
export type ShareInput = ({ readonly scenarioText: string } | { readonly scenario: JsonValue }) & { readonly view?: ShareView };

/** What a share link holds once decoded and checked. */
export interface DecodedShare {
  readonly version: ShareVersion;
  /** The scenario as editor text: indented when it is JSON, otherwise exactly as shared. */
  readonly scenarioText: string;
  /** The parsed scenario; `undefined` when the text has blocking errors (see `scenarioDiagnostics`). */
  readonly scenario: Scenario | undefined;
  readonly scenarioDiagnostics: readonly Diagnostic[];
  readonly view: ShareView;
  /** Problems in the view part; the fields they concern were dropped. */
  readonly viewDiagnostics: readonly Diagnostic[];
}

/** Encodes a scenario and a view as a fragment (`s=1…`, without `#`). */
export function encodeShare(input: ShareInput): Result<string, ShareError> {
  const view = input.view ?? EMPTY_VIEW;
  const viewValue = serializeShareView(view);
  if (parseShareView(viewValue).diagnostics.length > 0) {
    return err(shareError('invalid-view', 'the view cannot be shared: a selection, request or lesson position is out of bounds'));
  }
  // Minify text that is JSON; anything else (a document mid-edit) travels verbatim so nothing typed is lost.
  const scenarioText = 'scenarioText' in input ? (minifyJson(input.scenarioText) ?? input.scenarioText) : JSON.stringify(input.scenario);
  const content = encodeUtf8(`${JSON.stringify(viewValue)}\n${scenarioText}`);
  if (content.length > MAX_CONTENT_BYTES) return err(contentTooLarge(content.length));
  const fragment = SHARE_PREFIX + CURRENT_SHARE_VERSION + encodeBase64Url(deflateSync(content, { level: 9, dictionary: SHARE_DICTIONARY_V1 }));
  if (fragment.length > MAX_FRAGMENT_LENGTH) return err(linkTooLong(fragment.length));
  return ok(fragment);
}

/** Decodes a share fragment (`s=…`, with or without the leading `#`). */
export function decodeShare(fragment: string): Result<DecodedShare, ShareError> {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!body.startsWith(SHARE_PREFIX)) return err(shareError('not-a-share-link', 'this is not a share link: it does not start with `#s=`'));
  if (body.length > MAX_FRAGMENT_LENGTH) return err(linkTooLong(body.length));
  const version = body.charAt(SHARE_PREFIX.length);
  if (version === '') return err(truncated());
  if (!isShareVersion(version)) {
    return err(shareError('unknown-version', `this link has format version \`${version}\`, which this version of AccessGraph cannot read; it may come from a newer version`, { version }));
  }
  return decodeVersion1(body.slice(SHARE_PREFIX.length + 1));
}

function isShareVersion(value: string): value is ShareVersion {
  return (SHARE_VERSIONS as readonly string[]).includes(value);
}

function decodeVersion1(payload: string): Result<DecodedShare, ShareError> {
  const decoded = decodeBase64Url(payload);
  if ('problem' in decoded) {
    // A link cut mid-character leaves an impossible length or stray bits in its last character.
    if (decoded.problem.kind !== 'bad-character') return err(truncated());
    return err(corrupted(`the link contains a character that is not part of a share link (character ${decoded.problem.offset + 1} after \`#s=1\`)`));
  }
  const inflated = inflateBounded(decoded.bytes, MAX_CONTENT_BYTES, SHARE_DICTIONARY_V1);
  if (!inflated.ok) {
    if (inflated.error === 'truncated') return err(truncated());
    if (inflated.error === 'too-large') return err(contentTooLarge(undefined));
    return err(corrupted('the compressed data in the link is damaged'));
  }
  const text = decodeUtf8(inflated.value);
  const newline = text?.indexOf('\n') ?? -1;
  if (text === undefined || newline < 0) return err(corrupted('the link decompresses to something that is not a shared scenario'));
  const viewJson = parseJsonText(text.slice(0, newline));
  if (viewJson.root === undefined || viewJson.diagnostics.length > 0) return err(corrupted('the view part of the link is not valid JSON'));
  const { view, diagnostics: viewDiagnostics } = parseShareView(nodeValue(viewJson.root));
  const shared = text.slice(newline + 1);
  const scenarioText = formatJson(shared) ?? shared;
  const { scenario, diagnostics } = parseScenarioText(scenarioText);
  return ok({ version: '1', scenarioText, scenario, scenarioDiagnostics: diagnostics, view, viewDiagnostics });
}

function truncated(): ShareError {
  return shareError('truncated', 'the link is incomplete: it was probably cut off when it was copied');
}

function corrupted(message: string): ShareError {
  return shareError('corrupted', message);
}

function linkTooLong(length: number): ShareError {
  return shareError('link-too-long', `the link is ${length} characters long; at most ${MAX_FRAGMENT_LENGTH} are accepted`, { length, limit: MAX_FRAGMENT_LENGTH });
}

function contentTooLarge(bytes: number | undefined): ShareError {
  const size = bytes === undefined ? 'more than' : `${bytes} bytes, over`;
  return shareError('content-too-large', `the scenario is too large for a link (${size} the limit of ${MAX_CONTENT_BYTES} bytes); share the file instead`, { limit: MAX_CONTENT_BYTES });
}
