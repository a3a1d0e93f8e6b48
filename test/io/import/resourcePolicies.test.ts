import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBlocking } from '../../../src/model/diagnostics';
import { importFiles } from '../../../src/io/import/importFiles';
import { at, brief, byArn, DATA, FIXTURES, HAS_DATA, importValues, keys, load, scenarioOf } from './helpers';

const KEY = 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const DEMO = 'cloudmapper-demo/account-data/demo/us-east-1';
const DEMO_FILES = [
  'iam-get-account-authorization-details.json',
  's3-get-bucket-policy/cloudmapper_demo',
  'lambda-get-policy/invpclambda',
  'ecr-get-repository-policy/cloudmapper',
  'sns-get-topic-attributes/arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Ademo_private',
  'sns-get-topic-attributes/arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Ademo_public',
  'sqs-get-queue-attributes/https%3A%2F%2Fqueue.amazonaws.com%2F123456789012%2Fdemo',
  'es-describe-elasticsearch-domain/myvpcdomain',
].map((f) => `${DEMO}/${f}`);

describe('resource policies from hand-written exports', () => {
  const iam = load(FIXTURES, 'iam/account-111111111111.json', 'iam/account-222222222222.json');
  const files = load(FIXTURES, 'resources/prod-data-bucket-policy.json', 'resources/logs-bucket.policy.json', `resources/${encodeURIComponent(KEY)}.policy.json`, 'resources/key-policy-unnamed.json');

  it('attaches a bucket policy named by `Bucket`, owned by `ExpectedBucketOwner`', () => {
    const scenario = scenarioOf(importFiles([...iam, ...files]));
    expect(byArn(scenario, 'resources', 'arn:aws:s3:::prod-data')).toStrictEqual({
      arn: 'arn:aws:s3:::prod-data',
      account: '222222222222',
      policy: { Version: '2012-10-17', Statement: [{ Sid: 'AppReads', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::prod-data/*' }] },
    });
  });

  it('names a key policy after the URL-encoded ARN in the file name', () => {
    const scenario = scenarioOf(importFiles([...iam, ...files]));
    expect(at(byArn(scenario, 'resources', KEY), 'policy', 'Id')).toBe('key-default-1');
    expect(keys(scenario, 'resources')).toStrictEqual([KEY, 'arn:aws:s3:::prod-data']);
  });

  it('says which policies it cannot place, and why', () => {
    const result = importFiles([...iam, ...files]);
    expect(brief(result.diagnostics).filter((l) => l.startsWith('logs-bucket') || l.startsWith('key-policy'))).toStrictEqual([
      'logs-bucket.policy.json:1:1 warning not-imported the owner of `arn:aws:s3:::logs-bucket` is not in the export, so it is not imported: add `"Account": "…"` next to `Policy`',
      'key-policy-unnamed.json:1:1 warning not-imported cannot tell which resource this policy belongs to: wrap it as `{"ResourceArn": "arn:…", "Policy": …}` or name the file after the URL-encoded ARN (`<ARN>.policy.json`)',
    ]);
  });

  it('takes the one imported IAM account as a bucket owner, with a warning', () => {
    const result = importFiles([iam[0]!, files[1]!]);
    expect(byArn(scenarioOf(result), 'resources', 'arn:aws:s3:::logs-bucket')).toMatchObject({ account: '111111111111' });
    expect(brief(result.diagnostics)).toContain(
      'logs-bucket.policy.json:1:1 warning assumed-value the owner of `arn:aws:s3:::logs-bucket` is not in the export: it is taken to be `111111111111`, the one account whose IAM data is imported (add `"Account": "…"` next to `Policy` to say otherwise)',
    );
  });

  it('takes the resource from a file named after a queue URL or an ARN, or from the one resource the statements name', () => {
    const statement = (resource: string): unknown => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: '*', Resource: resource }] });
    const result = importValues(
      [`in/${encodeURIComponent('https://sqs.eu-west-1.amazonaws.com/111111111111/jobs')}`, { Policy: JSON.stringify(statement('*')) }],
      [`${encodeURIComponent('arn:aws:sns:eu-west-1:111111111111:alerts')}.json`, statement('*')],
      ['anything.json', { Policy: statement('arn:aws:lambda:eu-west-1:111111111111:function:f') }],
    );
    expect(keys(scenarioOf(result), 'resources')).toStrictEqual(['arn:aws:lambda:eu-west-1:111111111111:function:f', 'arn:aws:sns:eu-west-1:111111111111:alerts', 'arn:aws:sqs:eu-west-1:111111111111:jobs']);
    expect(result.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'policy-lint')).toStrictEqual([]);
  });

  it('reads the wrapper form and refuses a role as a resource', () => {
    const result = importValues(
      ['wrapped.json', { ResourceArn: 'arn:aws:sqs:us-east-1:111111111111:jobs', Policy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'sqs:SendMessage', Resource: '*' }] } }],
      ['role.json', { ResourceArn: 'arn:aws:iam::111111111111:role/app', Policy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'sts:AssumeRole' }] } }],
    );
    expect(keys(scenarioOf(result), 'resources')).toStrictEqual(['arn:aws:sqs:us-east-1:111111111111:jobs']);
    expect(brief(result.diagnostics)).toStrictEqual(["role.json:2:18 warning not-imported a role's trust policy is imported from `get-account-authorization-details`, not as a resource policy"]);
  });
});

describe.skipIf(!HAS_DATA)('resource policies from ../shared/data', () => {
  it('imports the CloudMapper demo account end to end', () => {
    const result = importFiles(load(DATA, ...DEMO_FILES));
    const scenario = scenarioOf(result);
    expect(keys(scenario, 'resources')).toStrictEqual([
      'arn:aws:ecr:us-east-1:123456789012:repository/cloudmapper',
      'arn:aws:es:us-east-1:123456789012:domain/myvpcdomain',
      'arn:aws:lambda:us-east-1:653711331788:function:invpclambda',
      'arn:aws:s3:::cloudmapper_demo',
      'arn:aws:sns:us-east-1:123456789012:demo_private',
      'arn:aws:sns:us-east-1:123456789012:demo_public',
      'arn:aws:sqs:us-east-1:123456789012:demo',
    ]);
    expect(at(byArn(scenario, 'resources', 'arn:aws:s3:::cloudmapper_demo'), 'account')).toBe('123456789012');
    expect(keys(scenario, 'accounts')).toStrictEqual(['123456789012', '653711331788']);
    expect(result.diagnostics.filter(isBlocking)).toStrictEqual([]);
    // ECR repository policies have no `Resource` element: AWS accepts that (the statement applies to
    // the repository the policy is attached to), and so does the model.
    expect(brief(result.diagnostics).filter((l) => l.includes('error'))).toStrictEqual([]);
  });

  it('locates a problem inside a policy held as JSON text at its line and column in the file', () => {
    const result = importFiles(load(DATA, ...DEMO_FILES));
    const lint = result.diagnostics.find((d) => d.file.endsWith('cloudmapper_demo') && d.code === 'policy-lint');
    expect(lint?.path).toStrictEqual(['Policy', 'Statement', 0, 'Principal']);
    const text = readFileSync(join(DATA, DEMO, 's3-get-bucket-policy/cloudmapper_demo'), 'utf8');
    const line = text.split('\n')[(lint?.range?.line ?? 0) - 1] ?? '';
    expect(line.slice((lint?.range?.column ?? 0) - 1)).toMatch(/^\{\\"AWS\\":\\"\*\\"\}/);
  });

  it('reports every other file of the CloudMapper folder as not an export it reads', () => {
    const all: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of readdirSync(join(DATA, dir), { withFileTypes: true })) {
        if (entry.isDirectory()) visit(join(dir, entry.name));
        else all.push(join(dir, entry.name));
      }
    };
    visit('cloudmapper-demo/account-data');
    const result = importFiles(load(DATA, ...all));
    const unknown = result.diagnostics.filter((d) => d.code === 'unknown-export');
    expect(unknown.every((d) => d.severity === 'error' && d.range?.line === 1 && d.range.column === 1)).toBe(true);
    expect(all.length - new Set(unknown.map((d) => d.file)).size).toBe(9);
    expect(keys(scenarioOf(result), 'resources')).toHaveLength(7);
  });

  it('reads the AWS CLI and SDK examples of resource policies', () => {
    const cli = importFiles(load(DATA, 'aws-cli-examples/sns/get-topic-attributes.1.json', 'aws-cli-examples/lambda/get-policy.1.json', 'aws-cli-examples/secretsmanager/put-resource-policy.2.json'));
    expect(keys(scenarioOf(cli), 'resources')).toStrictEqual([
      'arn:aws:lambda:us-west-2:123456789012:function:my-function',
      'arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3',
      'arn:aws:sns:us-west-2:123456789012:my-topic',
    ]);
    const examples: unknown = JSON.parse(readFileSync(join(DATA, 'aws-sdk-js-api-examples/apis/s3-2006-03-01.examples.json'), 'utf8'));
    const pair = { input: { ...(at(examples, 'examples', 'GetBucketPolicy', 0, 'input') as object), ExpectedBucketOwner: '111122223333' }, output: at(examples, 'examples', 'GetBucketPolicy', 0, 'output') };
    expect(keys(scenarioOf(importValues(['GetBucketPolicy.json', pair])), 'resources')).toStrictEqual(['arn:aws:s3:::examplebucket']);
    const secrets: unknown = JSON.parse(readFileSync(join(DATA, 'aws-sdk-js-api-examples/apis/secretsmanager-2017-10-17.examples.json'), 'utf8'));
    const secret = scenarioOf(importValues(['GetResourcePolicy.json', { input: at(secrets, 'examples', 'GetResourcePolicy', 0, 'input'), output: at(secrets, 'examples', 'GetResourcePolicy', 0, 'output') }]));
    expect(at(secret, 'resources', 0, 'arn')).toBe('arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestDatabaseSecret-a1b2c3');
    expect(at(secret, 'resources', 0, 'policy', 'Statement', 0, 'Principal')).toStrictEqual({ AWS: 'arn:aws:iam::123456789012:root' });
  });

  it('reads the IAMSpy resource lists, with the owner each entry names', () => {
    const result = importFiles(load(DATA, 'iamspy/tests/files/batch-resource.json', 'iamspy/tests/files/cross-account-rp.json'));
    const scenario = scenarioOf(result);
    expect(at(scenario, 'resources', 0)).toMatchObject({ arn: 'arn:aws:lambda:eu-west-1:111111111111:function:helloworld' });
    expect(byArn(scenario, 'resources', 'arn:aws:s3:::bucket3')).toMatchObject({ account: '123456789012' });
    // IAMSpy writes `"Principal": "arn:…"`, which AWS refuses: those documents are excluded, not fatal.
    expect(result.diagnostics.filter(isBlocking)).toStrictEqual([]);
    expect(brief(result.diagnostics.filter((d) => d.code === 'invalid-policy'))).toStrictEqual([
      'batch-resource.json:6:26 error invalid-policy `Statement` must hold at least one statement',
      'batch-resource.json:15:26 error invalid-policy `Statement` must hold at least one statement',
      'batch-resource.json:28:34 error invalid-policy `Principal` must be `"*"` or an object such as `{"AWS": "…"}`, found `arn:aws:iam::123456789012:role/name2`',
      'batch-resource.json:43:34 error invalid-policy `Principal` must be `"*"` or an object such as `{"AWS": "…"}`, found `arn:aws:iam::123456789012:role/name3`',
      'cross-account-rp.json:10:34 error invalid-policy `Principal` must be `"*"` or an object such as `{"AWS": "…"}`, found `arn:aws:iam::123456789012:root`',
    ]);
  });
});
