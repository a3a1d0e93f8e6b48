/**
 * Raw DEFLATE decompression that stops as soon as the output would exceed a limit: the input is fed in
 * small chunks and the output counted as it appears, so a decompression bomb never gets to allocate
 * more than the limit plus what one chunk can expand to (DEFLATE's ratio is at most about 1032:1).
 */
import { Inflate } from 'fflate';
import { err, ok, type Result } from './result';

/** Why inflation failed. */
export const INFLATE_PROBLEMS = ['truncated', 'corrupted', 'too-large'] as const;
export type InflateProblem = (typeof INFLATE_PROBLEMS)[number];

/** Bytes fed to the decompressor at a time. */
const CHUNK = 1024;

/** fflate's error code for "unexpected EOF" (the stream ended before its final block did). */
const FLATE_UNEXPECTED_EOF = 0;

class OutputLimitReached extends Error {}

/** Inflates raw DEFLATE `input` (optionally with a preset dictionary) into at most `limit` bytes. */
export function inflateBounded(input: Uint8Array, limit: number, dictionary?: Uint8Array): Result<Uint8Array, InflateProblem> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflate = new Inflate(dictionary === undefined ? {} : { dictionary }, (data, final) => {
    total += data.length;
    if (total > limit) throw new OutputLimitReached();
    chunks.push(data);
    if (final) finished = true;
  });
  try {
    if (input.length === 0) return err('truncated');
    for (let at = 0; at < input.length; at += CHUNK) {
      const end = Math.min(at + CHUNK, input.length);
      inflate.push(input.subarray(at, end), end === input.length);
    }
  } catch (error) {
    if (error instanceof OutputLimitReached) return err('too-large');
    return err(flateCode(error) === FLATE_UNEXPECTED_EOF ? 'truncated' : 'corrupted');
  }
  if (!finished) return err('truncated');
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return ok(out);
}

function flateCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}
