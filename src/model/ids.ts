/**
 * Branded identifiers and ARN utilities. Constructors are the only place a cast to a brand lives.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A 12-digit AWS account id. */
export type AccountId = Brand<string, 'AccountId'>;
/** A syntactically valid ARN (`arn:partition:service:region:account:resource`). */
export type Arn = Brand<string, 'Arn'>;
/** A location inside a JSON document: object keys and array indices from the root. */
export type JsonPath = readonly (string | number)[];

const ACCOUNT_ID = /^\d{12}$/;

/** Returns the value as an `AccountId` when it is exactly twelve digits. */
export function toAccountId(raw: string): AccountId | undefined {
  return ACCOUNT_ID.test(raw) ? (raw as AccountId) : undefined;
}

/** The six fields of an ARN; `resource` keeps every colon after the fifth. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN into its fields, or `undefined` when it does not have the `arn:` shape. */
export function parseArn(raw: string): ArnParts | undefined {
  if (!raw.startsWith('arn:')) return undefined;
  const fields: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = raw.indexOf(':', start);
    if (colon < 0) return undefined;
    fields.push(raw.slice(start, colon));
    start = colon + 1;
  }
  const [partition, service, region, account] = fields as [string, string, string, string];
  const resource = raw.slice(start);
  if (partition === '' || service === '' || resource === '') return undefined;
  return { partition, service, region, account, resource };
}

/** Returns the value as an `Arn` when it parses as one. */
export function toArn(raw: string): Arn | undefined {
  return parseArn(raw) === undefined ? undefined : (raw as Arn);
}

/** Formats a JSON path the way diagnostics print it: `$.users[0].policies[1]`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
