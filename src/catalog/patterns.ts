/**
 * Case-insensitive glob and template matching for action names and condition keys.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Compiles an IAM action pattern (`s3:Get*`, `iam:*AccessKey*`, `*`): `*` is any run of characters, `?` one
 * character, and matching ignores case, as IAM does for the Action element.
 */
export function compileActionPattern(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : escapeRegExp(char)))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** The service prefix of an action pattern when it is written without wildcards (`s3` in `s3:Get*`), lower case. */
export function literalServiceOf(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  if (colon <= 0) return undefined;
  const service = pattern.slice(0, colon);
  return /[*?]/.test(service) ? undefined : service.toLowerCase();
}

// A few service files spell the tag placeholder `tag-key` (`secretsmanager:ResourceTag/tag-key`), as iam-data's
// global keys do (see `globalConditionKeys.ts`).
const KEY_PLACEHOLDER = /\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/g;

/** True when a condition key is a template for a family of keys (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`). */
export function isConditionKeyTemplate(key: string): boolean {
  return /\$\{[^}]*\}|<[^>]*>|\/tag-key$/.test(key);
}

/** Compiles a condition-key template: each placeholder matches one or more characters, case ignored. */
export function compileConditionKeyTemplate(template: string): RegExp {
  let source = '';
  let last = 0;
  for (const match of template.matchAll(KEY_PLACEHOLDER)) {
    source += escapeRegExp(template.slice(last, match.index));
    source += '.+';
    last = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(last));
  return new RegExp(`^${source}$`, 'i');
}
