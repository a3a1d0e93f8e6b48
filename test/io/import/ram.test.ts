import { describe, expect, it } from 'vitest';
import { isBlocking } from '../../../src/model/diagnostics';
import { importFiles } from '../../../src/io/import/importFiles';
import { at, brief, DATA, FIXTURES, HAS_DATA, importValues, load, scenarioOf, walk } from './helpers';

const SUBNET = 'arn:aws:ec2:us-east-1:111111111111:subnet/subnet-0123456789abcdef0';

describe('RAM shares from hand-written exports', () => {
  const files = [...walk(FIXTURES, 'org', (n) => n.endsWith('.json')), ...walk(FIXTURES, 'ram', (n) => n.endsWith('.json'))];
  const result = importFiles(load(FIXTURES, ...files));

  it('joins shares, resources, principals and pending invitations by share ARN', () => {
    expect(at(scenarioOf(result), 'resourceShares')).toStrictEqual([
      {
        name: 'shared-subnets',
        owner: '111111111111',
        resources: [SUBNET],
        principals: ['333333333333', 'arn:aws:organizations::999999999999:ou/o-a1b2c3d4e5/ou-a1b2-data0001'],
        pendingPrincipals: ['444444444444'],
        allowExternalPrincipals: false,
      },
    ]);
  });

  it('reports what a share cannot hold, and what the model says about it, at the export line', () => {
    expect(brief(result.diagnostics)).toStrictEqual([
      'get-resource-share-associations.json:6:27 warning invalid-share account `444444444444` is outside the organization but the share does not allow external principals, so it gets nothing',
      'get-resource-share-associations.json:16:17 info not-imported the association is `DISASSOCIATED`, so it grants nothing and is not imported',
      'get-resource-shares.json:24:17 info not-imported the share is `DELETED`, not `ACTIVE`, so it is not imported',
      'list-principals.json:9:13 warning invalid-share account `333333333333` is outside the organization but the share does not allow external principals, so it gets nothing',
      'list-resources.json:12:14 warning not-imported a share holds only resources of its owner `111111111111`, so `arn:aws:ec2:us-east-1:222222222222:subnet/subnet-0fedcba9876543210` is left out',
    ]);
  });

  it('leaves out an organization principal when the organization is not imported', () => {
    const shares = walk(FIXTURES, 'ram', (n) => n.endsWith('.json'));
    const alone = importFiles(load(FIXTURES, ...shares));
    expect(at(scenarioOf(alone), 'resourceShares', 0, 'principals')).toStrictEqual(['333333333333']);
    expect(brief(alone.diagnostics)).toContain(
      'list-principals.json:4:13 warning not-imported `arn:aws:organizations::999999999999:ou/o-a1b2c3d4e5/ou-a1b2-data0001` names an organization the import does not describe, so this association is left out (import `describe-organization` and `list-roots` of `o-a1b2c3d4e5`)',
    );
  });

  it('declares an OU of the organization that only a share names', () => {
    const org = load(FIXTURES, 'org/describe-organization.json', 'org/list-roots.json');
    const share = 'arn:aws:ram:us-east-1:999999999999:resource-share/1111aaaa-2222-3333-4444-555566667777';
    const result = importFiles([...org, { name: 'principals.json', text: JSON.stringify({ principals: [{ id: 'arn:aws:organizations::999999999999:ou/o-a1b2c3d4e5/ou-a1b2-cccccccc', resourceShareArn: share }] }) }]);
    const scenario = scenarioOf(result);
    expect(at(scenario, 'organization', 'units')).toStrictEqual([{ id: 'ou-a1b2-cccccccc', name: 'ou-a1b2-cccccccc', parentId: 'r-a1b2' }]);
    expect(at(scenario, 'resourceShares', 0, 'name')).toBe('1111aaaa-2222-3333-4444-555566667777');
  });

  it('refuses a malformed share ARN and a principal that is not one', () => {
    const result = importValues(['principals.json', { principals: [{ id: 'bob', resourceShareArn: 'arn:aws:ram:us-east-1:111111111111:resource-share/x1' }, { id: '111111111111', resourceShareArn: 'arn:aws:s3:::nope' }] }]);
    expect(brief(result.diagnostics.filter(isBlocking))).toStrictEqual([
      'principals.json:4:13 error bad-value `bob` is not a share principal (an account id, an organization or OU ARN, or an IAM role or user ARN), so it is not imported',
      'principals.json:9:27 error bad-arn `arn:aws:s3:::nope` is not a resource share ARN (`arn:aws:ram:REGION:ACCOUNT:resource-share/ID`)',
    ]);
  });
});

describe.skipIf(!HAS_DATA)('RAM examples from ../shared/data', () => {
  const names = ['get-resource-shares.2', 'list-resources.1', 'list-principals.1', 'get-resource-share-associations.1', 'get-resource-share-associations.2'].map((n) => `aws-cli-examples/ram/${n}.json`);

  it('become resource shares, with the broken parts of the examples located', () => {
    const result = importFiles(load(DATA, ...names));
    const shares = at(scenarioOf(result), 'resourceShares');
    expect(shares).toStrictEqual([
      { name: 'MySubnetShare', owner: '123456789012', resources: ['arn:aws:ec2:us-west-2:123456789012:subnet/subnet-0250c25a1fEXAMPLE'], principals: [] },
      { name: 'MyNewResourceShare', owner: '123456789012', resources: [], principals: [] },
      { name: 'MyLicenseShare', owner: '123456789012', resources: ['arn:aws:license-manager:us-west-2:123456789012:license-configuration:lic-36be0485f5ae379cc74cf8e92EXAMPLE'], principals: [] },
    ]);
    expect(brief(result.diagnostics.filter((d) => d.severity !== 'info'))).toStrictEqual([
      'list-resources.1.json:4:20 error bad-arn `aarn:aws:ec2:us-west-2:123456789012:subnet/subnet-0250c25a1f4e15235` is not a valid ARN, so this shared resource is not imported',
      'list-principals.1.json:4:19 warning not-imported `arn:aws:organizations::123456789012:ou/o-gx7EXAMPLE/ou-29c5-zEXAMPLE` names an organization the import does not describe, so this association is left out (import `describe-organization` and `list-roots` of `o-gx7EXAMPLE`)',
      'get-resource-share-associations.2.json:6:33 warning not-imported `arn:aws:organizations::123456789012:ou/o-63bEXAMPLE/ou-46xi-rEXAMPLE` names an organization the import does not describe, so this association is left out (import `describe-organization` and `list-roots` of `o-63bEXAMPLE`)',
    ]);
  });

  it('reads RAM-generated resource policies onto the resource they name', () => {
    const result = importFiles(load(DATA, 'aws-cli-examples/ram/get-resource-policies.1.json'));
    expect(at(scenarioOf(result), 'resources', 0, 'arn')).toBe('arn:aws:ec2:us-west-2:123456789012:subnet/subnet-0250c25a1fEXAMPLE');
    // RAM writes `"AWS": []` before any principal is associated: AWS stores it, and it names nobody.
    expect(brief(result.diagnostics)).toStrictEqual([]);
    expect(result.diagnostics.filter(isBlocking)).toStrictEqual([]);
  });
});
