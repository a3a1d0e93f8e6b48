/**
 * Command-line argument parsing: positional arguments, `--flag`, `--key value`, `--key=value`,
 * and repeatable options such as `--context k=v`.
 */

/** Parsed arguments of one command. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, readonly string[]>;
}

/** A usage error: the CLI prints it and exits with 2. */
export class UsageError extends Error {}

/** Parses `argv` for a command that accepts the given flags and value options. */
export function parseArgs(argv: readonly string[], spec: { flags?: readonly string[]; options?: readonly string[] }): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  const knownFlags = new Set(spec.flags ?? []);
  const knownOptions = new Set(spec.options ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    if (knownFlags.has(name) && eq < 0) {
      flags.add(name);
      continue;
    }
    if (!knownOptions.has(name)) throw new UsageError(`unknown option \`${arg}\``);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option \`--${name}\` needs a value`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positional, flags, options };
}

/** The single value of an option, or a usage error when it is missing and required. */
export function single(args: ParsedArgs, name: string, required: true): string;
export function single(args: ParsedArgs, name: string, required?: false): string | undefined;
export function single(args: ParsedArgs, name: string, required = false): string | undefined {
  const values = args.options.get(name) ?? [];
  if (values.length > 1) throw new UsageError(`option \`--${name}\` is given more than once`);
  if (values[0] === undefined && required) throw new UsageError(`missing required option \`--${name}\``);
  return values[0];
}

/** Parses repeated `--context key=value` options; `key=a,b` is not split (use the option twice for a list). */
export function contextOptions(args: ParsedArgs): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  for (const entry of args.options.get('context') ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`\`--context ${entry}\` must be \`key=value\``);
    const key = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    const existing = context[key];
    context[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return context;
}
