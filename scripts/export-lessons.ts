/**
 * Writes every built-in lesson's scenario (with its checkpoints as `assertions`) to a folder, one
 * `<lesson-id>.json` per lesson, so that `npm run cli -- check <folder>/*.json` runs them:
 *
 *   node --import tsx scripts/export-lessons.ts <folder> [--lang en|ja]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLanguage, type Language } from '../src/io/share/languages';
import { LESSONS, lessonScenario } from '../src/lessons/index';

/** Writes the lesson scenarios into `folder` (created if needed); returns the files written. */
export function exportLessons(folder: string, language: Language = 'en'): string[] {
  mkdirSync(folder, { recursive: true });
  return LESSONS.map((lesson) => {
    const file = join(folder, `${lesson.id}.json`);
    writeFileSync(file, `${JSON.stringify(lessonScenario(lesson, language), null, 2)}\n`);
    return file;
  });
}

function main(argv: readonly string[]): number {
  const [folder, flag, language] = argv;
  if (folder === undefined || (flag !== undefined && (flag !== '--lang' || !isLanguage(language)))) {
    process.stderr.write('usage: node --import tsx scripts/export-lessons.ts <folder> [--lang en|ja]\n');
    return 2;
  }
  const files = exportLessons(folder, isLanguage(language) ? language : 'en');
  process.stdout.write(`${files.length} lessons written to ${folder}\n`);
  return 0;
}

if (process.argv[1] !== undefined && /export-lessons\.ts$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
