/**
 * Matching concrete ARNs against the Service Authorization Reference's ARN formats
 * (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
 *
 * A placeholder stands for one ARN segment: in the first five fields anything but `:`, in the resource
 * part anything but `:` and `/` (strict reading). Names such as `${RoleNameWithPath}` or `${ObjectName}`
 * may span `/`, so when no format of a service matches strictly, a lenient reading lets resource-part
 * placeholders span any characters. Among matches the format with the most literal characters wins,
 * which is what tells `bucket/key` (an object) from `bucket` (a bucket).
 */

/** A compiled ARN format. */
export interface ArnMatcher {
  /** The format as documented. */
  readonly format: string;
  /** The ARN service field when it is literal (`s3`), `undefined` when it is a placeholder. */
  readonly arnService: string | undefined;
  /** Number of literal (non-placeholder) characters: the specificity used to rank matches. */
  readonly literalLength: number;
  readonly strict: RegExp;
  readonly lenient: RegExp;
}

const PLACEHOLDER = /\$\{[^}]*\}|\*/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Index of the colon that ends the fifth ARN field (the account), or -1. */
function resourceStart(format: string): number {
  let colon = -1;
  for (let i = 0; i < 5; i++) {
    colon = format.indexOf(':', colon + 1);
    if (colon < 0) return -1;
  }
  return colon + 1;
}

function compile(format: string, lenient: boolean): RegExp {
  const split = resourceStart(format);
  let source = '';
  let last = 0;
  for (const match of format.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(format.slice(last, match.index));
    const inResource = split >= 0 && match.index >= split;
    if (match[0] === '*') source += inResource ? '.*' : '[^:]*';
    else if (!inResource) source += '[^:]+';
    else source += lenient ? '.+' : '[^:/]+';
    last = match.index + match[0].length;
  }
  source += escapeRegExp(format.slice(last));
  return new RegExp(`^${source}$`);
}

/** Compiles one ARN format for `matchArnFormat`. */
export function compileArnFormat(format: string): ArnMatcher {
  const service = format.split(':')[2];
  const literalLength = format.replace(PLACEHOLDER, '').length;
  return {
    format,
    arnService: service !== undefined && !service.includes('${') && service !== '*' ? service : undefined,
    literalLength,
    strict: compile(format, false),
    lenient: compile(format, true),
  };
}

/** How well an ARN matches a format: higher is better, `undefined` when it does not match. */
export function matchArnFormat(matcher: ArnMatcher, arn: string): number | undefined {
  // INVARIANT: any strict match ranks above every lenient match, then more literal characters rank higher.
  if (matcher.strict.test(arn)) return 1_000_000 + matcher.literalLength;
  if (matcher.lenient.test(arn)) return matcher.literalLength;
  return undefined;
}
