/**
 * The `accessgraph` command line: argument parsing, file reading and exit codes (DESIGN.md
 * "Command line"). Each command's work lives in its own module; this file only dispatches.
 * Invalid input always prints the file, JSON path and line:column, never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { contextOptions, parseArgs, single, UsageError } from './args';
import { parseScenarioSource, readScenarioFile } from './readScenario';
import { runAnalysis } from '../analysis/analyzeScenario';
import { EXPORT_FORMATS, exportGraph, isExportFormat } from '../io/export';
import { prepareNodeEnv, runAnalyze } from './analyzeCommand';
import { runCheck } from './checkCommand';
import { nodeCheckHooks } from './checkHooks';
import { runDiff } from './diffCommand';
import { runEvaluate } from './evaluateCommand';
import { runImport } from './importCommand';
import { runPath, runReach, runWhoCanReach } from './queryCommands';
import { runShare, runUnshare } from './shareCommand';

/** Exit codes fixed by DESIGN.md. */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

/** Where a command writes. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: accessgraph <command> [options]

commands:
  check <scenario.json>…                       run every assertion; exit 1 when one fails
  evaluate <scenario.json> --principal P --action A --resource R [--context k=v]… [--json]
                                               one decision, explained; P and R an ARN or a declared name
  analyze <scenario.json> [--json | --format json|csv|graphml|cypher]
                                               the access graph, findings and reachability; --format exports it
  import <files…> -o <scenario.json>           build a scenario from AWS CLI exports
  diff <before.json> <after.json> [--json]     access added and removed
  reach <scenario.json> <principal> [--json]   every role and resource a principal reaches, and how
  who-can-reach <scenario.json> <resource|role> [--action A] [--json]
                                               every principal that reaches a resource (or assumes a role)
  path <scenario.json> --principal P --resource R --action A [--json]
                                               the best way P performs A on R, hop by hop; exit 1 when it cannot
  share <scenario.json> [--base URL]           print a share link
  unshare <url>                                print the scenario a link holds`;

/** Runs one command line and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'evaluate':
        return evaluate(rest, io);
      case 'analyze':
        return await analyze(rest, io);
      case 'import':
        return importCommand(rest, io);
      case 'diff':
        return await diff(rest, io);
      case 'reach':
        return await reachCommand(rest, io);
      case 'who-can-reach':
        return await whoCanReachCommand(rest, io);
      case 'path':
        return await pathCommand(rest, io);
      case 'share':
        return share(rest, io);
      case 'unshare':
        return unshare(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? EXIT.invalid : EXIT.ok;
      default:
        throw new UsageError(`unknown command \`${command}\``);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`accessgraph: ${error.message}`);
      io.err(USAGE);
      return EXIT.invalid;
    }
    // INVARIANT: commands return values for expected failures; anything else is a bug.
    io.err(`accessgraph: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.invalid;
  }
}

async function check(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {});
  if (args.positional.length === 0) throw new UsageError('`check` needs at least one scenario file');
  let passed = 0;
  let failed = 0;
  let invalid = false;
  for (const file of args.positional) {
    const read = readScenarioFile(file);
    if (!read.ok) {
      read.lines.forEach((line) => io.err(line));
      invalid = true;
      continue;
    }
    const result = runCheck(read.scenario, file, io, await nodeCheckHooks(read.scenario));
    passed += result.passed;
    failed += result.failed;
  }
  io.out(`${passed} passed, ${failed} failed`);
  if (invalid) return EXIT.invalid;
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

function evaluate(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { flags: ['json'], options: ['principal', 'action', 'resource', 'context'] });
  const [file, ...extra] = args.positional;
  if (file === undefined || extra.length > 0) throw new UsageError('`evaluate` takes exactly one scenario file');
  const request = { principal: single(args, 'principal', true), action: single(args, 'action', true), resource: single(args, 'resource', true), context: contextOptions(args), json: args.flags.has('json') };
  const read = readScenarioFile(file);
  if (!read.ok) {
    read.lines.forEach((line) => io.err(line));
    return EXIT.invalid;
  }
  return runEvaluate(read.scenario, request, io);
}

async function analyze(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['format'] });
  const [file, ...extra] = args.positional;
  if (file === undefined || extra.length > 0) throw new UsageError('`analyze` takes exactly one scenario file');
  const format = single(args, 'format');
  if (format !== undefined && !isExportFormat(format)) throw new UsageError(`\`--format\` takes ${EXPORT_FORMATS.map((f) => `\`${f}\``).join(', ')}, not \`${format}\``);
  if (format !== undefined && args.flags.has('json')) throw new UsageError('use `--json` or `--format`, not both');
  const read = readScenarioFile(file);
  if (!read.ok) {
    read.lines.forEach((line) => io.err(line));
    return EXIT.invalid;
  }
  if (format === undefined) return await runAnalyze(read.scenario, io, args.flags.has('json'));
  const { graph } = runAnalysis(read.scenario, await prepareNodeEnv([read.scenario]));
  // Every export ends with a newline (CRLF for CSV) and `io.out` adds one.
  io.out(exportGraph(format, graph).replace(/\r?\n$/, ''));
  return EXIT.ok;
}

async function diff(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'] });
  const [before, after, ...extra] = args.positional;
  if (before === undefined || after === undefined || extra.length > 0) throw new UsageError('`diff` takes two scenario files');
  const a = readScenarioFile(before);
  const b = readScenarioFile(after);
  for (const read of [a, b]) if (!read.ok) read.lines.forEach((line) => io.err(line));
  if (!a.ok || !b.ok) return EXIT.invalid;
  return await runDiff(a.scenario, b.scenario, io, args.flags.has('json'));
}

async function reachCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'] });
  const [file, principal, ...extra] = args.positional;
  if (file === undefined || principal === undefined || extra.length > 0) throw new UsageError('`reach` takes a scenario file and a principal');
  const read = readScenarioFile(file);
  if (!read.ok) {
    read.lines.forEach((line) => io.err(line));
    return EXIT.invalid;
  }
  return await runReach(read.scenario, file, principal, io, args.flags.has('json'));
}

async function whoCanReachCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['action'] });
  const [file, target, ...extra] = args.positional;
  if (file === undefined || target === undefined || extra.length > 0) throw new UsageError('`who-can-reach` takes a scenario file and a resource (or role)');
  const action = single(args, 'action');
  const read = readScenarioFile(file);
  if (!read.ok) {
    read.lines.forEach((line) => io.err(line));
    return EXIT.invalid;
  }
  return await runWhoCanReach(read.scenario, file, target, action, io, args.flags.has('json'));
}

async function pathCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['principal', 'action', 'resource'] });
  const [file, ...extra] = args.positional;
  if (file === undefined || extra.length > 0) throw new UsageError('`path` takes exactly one scenario file');
  const query = { principal: single(args, 'principal', true), resource: single(args, 'resource', true), action: single(args, 'action', true), json: args.flags.has('json') };
  const read = readScenarioFile(file);
  if (!read.ok) {
    read.lines.forEach((line) => io.err(line));
    return EXIT.invalid;
  }
  return await runPath(read.scenario, file, query, io);
}

function importCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { options: ['o', 'output'] });
  const output = single(args, 'o') ?? single(args, 'output');
  if (args.positional.length === 0) throw new UsageError('`import` needs at least one export file');
  if (output === undefined) throw new UsageError('`import` needs `-o <scenario.json>`');
  const files: { name: string; text: string }[] = [];
  for (const name of args.positional) {
    try {
      files.push({ name, text: readFileSync(name, 'utf8') });
    } catch {
      io.err(`${name}: error: cannot be read`);
      return EXIT.invalid;
    }
  }
  const result = runImport(files, io);
  if (result.scenarioText === undefined) return result.exitCode === EXIT.ok ? EXIT.invalid : result.exitCode;
  const check = parseScenarioSource(output, result.scenarioText);
  if (!check.ok) {
    check.lines.forEach((line) => io.err(line));
    return EXIT.invalid;
  }
  writeFileSync(output, result.scenarioText);
  return result.exitCode;
}

function share(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { options: ['base'] });
  const [file, ...extra] = args.positional;
  if (file === undefined || extra.length > 0) throw new UsageError('`share` takes exactly one scenario file');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    io.err(`${file}: error: cannot be read`);
    return EXIT.invalid;
  }
  const base = single(args, 'base');
  return runShare(text, io, base === undefined ? { file } : { base, file });
}

function unshare(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, {});
  const [url, ...extra] = args.positional;
  if (url === undefined || extra.length > 0) throw new UsageError('`unshare` takes exactly one link');
  return runUnshare(url, io);
}

const isMain = process.argv[1] !== undefined && /src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) {
  const io: CliIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.invalid;
    },
  );
}
