/**
 * Precision of the catalog lint on every AWS managed policy (../shared/data, never copied): the warnings are
 * few for 9,030 statements, and each kind is one the policies really have. The figures are pinned: they move
 * only when the lint, iam-data (pinned in package.json) or the corpus (pinned upstream commit) changes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintPoliciesWithCatalog } from '../../src/catalog/lintScenario';
import { createCollector } from '../../src/model/collector';
import type { Diagnostic } from '../../src/model/diagnostics';
import { parsePolicy } from '../../src/model/parsePolicy';
import { loadedCatalog } from './loadedCatalog';

const FOLDER = join(import.meta.dirname, '../../../shared/data/iam-dataset-managed-policies/managedpolicies');

/** The lint's kinds of warning, told apart by message (the diagnostic code is `policy-lint` for all). */
const KINDS = [
  ['unknown-service', /^`[^`]*` names the unknown service prefix/],
  ['unknown-action', / is not an action of /],
  ['pattern-matches-nothing', / matches no action of /],
  ['redundant-entry', / is already covered by | appears twice in /],
  ['wildcard-only-on-resource', / takes only `"Resource": "\*"`/],
  ['malformed-arn', / fits no ARN format of /],
  ['resource-type-mismatch', / does not act on |none of this statement's actions acts on /],
  ['unknown-condition-key', / is not a global condition key| is not a condition key of /],
  ['key-of-other-service', / whose requests never carry it$/],
  ['operator-type-mismatch', / compares .*, but .* is of type /],
  ['needs-set-operator', / holds several values/],
  ['set-operator-on-single-value', / holds a single value/],
  ['forallvalues-without-null', /^`ForAllValues:` is also true when/],
] as const;

function kindOf(d: Diagnostic): string {
  const found = KINDS.find(([, pattern]) => pattern.test(d.message));
  // Keys of an unknown service are counted apart from actions of one.
  if (found?.[0] === 'unknown-service' && d.path.includes('Condition')) return 'unknown-condition-key';
  return found?.[0] ?? `unclassified: ${d.message}`;
}

describe.skipIf(!existsSync(FOLDER))('catalog lint on every AWS managed policy', () => {
  const files = existsSync(FOLDER) ? readdirSync(FOLDER).filter((f) => f.endsWith('.json')).sort() : [];
  let diagnostics: Diagnostic[] = [];
  let statements = 0;

  /** `FileName.json Statement.3.Resource.0 message`. */
  function line(d: Diagnostic): string {
    return `${files[Number(d.path[0])] ?? '?'} ${d.path.slice(1).join('.')} ${d.message}`;
  }

  beforeAll(async () => {
    const catalog = await loadedCatalog();
    const documents = files.map((file, i) => {
      const raw = JSON.parse(readFileSync(join(FOLDER, file), 'utf8')) as { document: unknown };
      return parsePolicy(raw.document, 'identity', [i], createCollector());
    });
    statements = documents.reduce((n, d) => n + d.statements.length, 0);
    expect(documents.filter((d) => !d.valid)).toStrictEqual([]);
    diagnostics = lintPoliciesWithCatalog(documents, catalog);
    // Reading 1,643 files and the whole catalog takes seconds on a busy machine.
  }, 60_000);

  it('warns on about one statement in twenty, in kinds each of which the policies really have', () => {
    expect([files.length, statements]).toStrictEqual([1643, 9030]);
    const counts: Record<string, number> = {};
    for (const d of diagnostics) counts[kindOf(d)] = (counts[kindOf(d)] ?? 0) + 1;
    expect(counts).toStrictEqual({
      // Retired services (DeepRacer, DeepComposer, IoT 1-Click, Mobile Hub, …) and prefixes the Service
      // Authorization Reference does not list (`builderid`).
      'unknown-service': 118,
      // Actions the reference does not list: API names written as actions (`s3:ListObjects`), typos
      // (`ssm:RemoveTagsToResource`), retired ones (`cloudhsm:*LunaClient`) and undocumented ones (`payments:*`).
      'unknown-action': 61,
      // `s3:Get*` next to `s3:GetObject`, and exact duplicates: harmless, but they cannot matter.
      'redundant-entry': 64,
      // `arn:aws:logs:::log-group:…` (no region or account), `stack/NAME` without its id, `statemachine`
      // for `stateMachine`, `endpointconfig` for `endpoint-config`, and a few undocumented ARN forms.
      'malformed-arn': 64,
      // `s3:GetObject` on a bucket, `iam:PassRole` on an instance profile, `ec2:DeleteRouteTable` on a VPC, …
      'resource-type-mismatch': 92,
      // `aws:PrincipalOrgMasterAccountId` (undocumented), `lakeformation:GlueARN`, and three DeepRacer keys.
      'unknown-condition-key': 6,
      // `events:detail-type` is `ArrayOfString` in the reference.
      'needs-set-operator': 3,
      // `ForAnyValue:`/`ForAllValues:` on `iam:AWSServiceName`, `organizations:ServicePrincipal`, `ec2:ResourceTag/…`.
      'set-operator-on-single-value': 8,
      // IAM-SVMV: `aws:TagKeys`, `kms:GrantOperations`, … in an Allow without a `Null` check.
      'forallvalues-without-null': 69,
    });
    expect(diagnostics.length / statements).toBeLessThan(0.06);
  });

  it('finds the classic mistakes AWS itself made', () => {
    const wanted = ['AWSBatchFullAccess.json Statement.1.Resource.3 ', 'AWSRefactoringToolkitFullAccess.json Statement.33.Resource.0 ', 'AmazonLaunchWizardFullaccess.json Statement.3.Action.'];
    expect(diagnostics.map(line).filter((l) => wanted.some((w) => l.startsWith(w)))).toStrictEqual([
      'AWSBatchFullAccess.json Statement.1.Resource.3 `iam:PassRole` does not act on `arn:aws:iam::*:instance-profile/ecsInstanceRole` (a `iam:instance-profile`): it takes `iam:role`',
      'AWSRefactoringToolkitFullAccess.json Statement.33.Resource.0 `s3:GetObject` does not act on `arn:aws:s3:::aws.portingassistant.dotnet.datastore` (a `s3:bucket`): it takes `s3:accesspointobject`, `s3:object`',
      'AmazonLaunchWizardFullaccess.json Statement.3.Action.0 `s3:ListBuckets` is not an action of `s3` (did you mean `s3:ListBucket`?)',
      'AmazonLaunchWizardFullaccess.json Statement.3.Action.1 `s3:ListObjects` is not an action of `s3`',
      'AmazonLaunchWizardFullaccess.json Statement.3.Action.2 `s3:ListObjectsV2` is not an action of `s3`',
    ]);
  });

  it('is silent on the broad and the common policies', () => {
    const quiet = ['AdministratorAccess', 'PowerUserAccess', 'AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess', 'IAMFullAccess', 'AWSLambdaBasicExecutionRole', 'AmazonEC2FullAccess', 'AmazonDynamoDBFullAccess', 'AWSKeyManagementServicePowerUser'];
    const indices = quiet.map((name) => files.indexOf(`${name}.json`));
    expect(indices.every((i) => i >= 0)).toBe(true);
    expect(diagnostics.filter((d) => indices.includes(Number(d.path[0]))).map(line)).toStrictEqual([]);
  });
});
