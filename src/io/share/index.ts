/**
 * Share links and lesson links (DESIGN.md "Share URLs"): the pure codec the UI and the CLI use.
 */
export { encodeShare, decodeShare, CURRENT_SHARE_VERSION, SHARE_VERSIONS, MAX_CONTENT_BYTES, MAX_FRAGMENT_LENGTH, type DecodedShare, type ShareInput, type ShareVersion } from './shareCodec';
export { encodeLessonLink, parseLessonLink, type LessonLink } from './lessonLink';
export { parseFragment, fragmentOf, type FragmentRequest } from './parseFragment';
export { EMPTY_VIEW, parseShareView, serializeShareView, type LessonPosition, type ShareView, type SimulatedRequest } from './shareView';
export { SHARE_ERROR_CODES, type ShareError, type ShareErrorCode } from './shareError';
export { LANGUAGES, isLanguage, pickLanguage, type Language } from './languages';
export type { Result } from './result';
export type { JsonArray, JsonObject, JsonValue } from './jsonValue';
