/**
 * `accessgraph share <scenario.json> [--base URL]` and `accessgraph unshare <url>`: the command-line side
 * of share links (DESIGN.md "Share URLs"). Exit 0 on success, 2 for invalid input.
 */
import { decodeShare, encodeShare, fragmentOf, parseLessonLink } from '../io/share/index';
import { formatJsonPath } from '../model/ids';
import type { Diagnostic } from '../model/diagnostics';
import { lessonById, lessonScenario } from '../lessons/index';
import { parseScenarioSource } from './readScenario';

/** Where the commands write, one line per call (the CLI's `CliIo`). */
export interface ShareIo {
  out(line: string): void;
  err(line: string): void;
}

/** Options of `share`: `base` is the app's address the link starts with; `file` names the input in messages. */
export interface ShareOptions {
  readonly base?: string;
  readonly file?: string;
}

const OK = 0;
const INVALID = 2;

/**
 * Prints the share link of a scenario file's text: `<base>#s=1…` (just `#s=1…` without `base`).
 * A scenario with blocking errors is not shared: its diagnostics are printed and the exit code is 2.
 */
export function runShare(text: string, io: ShareIo, options: ShareOptions = {}): number {
  const file = options.file ?? 'scenario';
  const read = parseScenarioSource(file, text);
  if (!read.ok) {
    read.lines.forEach((line) => io.err(line));
    return INVALID;
  }
  const encoded = encodeShare({ scenarioText: text });
  if (!encoded.ok) {
    io.err(`${file}: error: ${encoded.error.message} [${encoded.error.code}]`);
    return INVALID;
  }
  io.out(`${withoutFragment(options.base ?? '')}#${encoded.value}`);
  return OK;
}

function withoutFragment(base: string): string {
  const hash = base.indexOf('#');
  return hash < 0 ? base : base.slice(0, hash);
}

/**
 * Prints the scenario JSON a link holds (a share link, or a lesson link: the lesson's scenario).
 * A broken link, or a scenario with blocking errors, prints why and exits with 2; the scenario text is
 * printed even then, so nothing the sender wrote is lost.
 */
export function runUnshare(url: string, io: ShareIo): number {
  const fragment = fragmentOf(url);
  if (fragment.startsWith('lesson=')) return unshareLesson(fragment, io);
  const decoded = decodeShare(fragment);
  if (!decoded.ok) {
    io.err(`link: error: ${decoded.error.message} [${decoded.error.code}]`);
    return INVALID;
  }
  const share = decoded.value;
  for (const d of share.viewDiagnostics) io.err(`link: ${line(d, 'view')}`);
  io.out(share.scenarioText);
  const blocking = share.scenarioDiagnostics.filter((d) => d.severity === 'error');
  if (share.scenario === undefined) {
    for (const d of blocking) io.err(`link${d.range === undefined ? '' : `:${d.range.line}:${d.range.column}`}: ${line(d, 'scenario')}`);
    return INVALID;
  }
  return OK;
}

function unshareLesson(fragment: string, io: ShareIo): number {
  const link = parseLessonLink(fragment);
  if (!link.ok) {
    io.err(`link: error: ${link.error.message} [${link.error.code}]`);
    return INVALID;
  }
  const lesson = lessonById(link.value.id);
  if (lesson === undefined) {
    io.err(`link: error: there is no built-in lesson \`${link.value.id}\` [unknown-lesson]`);
    return INVALID;
  }
  io.out(JSON.stringify(lessonScenario(lesson, link.value.language ?? 'en'), null, 2));
  return OK;
}

function line(d: Diagnostic, part: string): string {
  const path = d.path.length === 0 ? '' : ` ${formatJsonPath(d.path)}:`;
  return `${d.severity}: ${part}${path} ${d.message} [${d.code}]`;
}
