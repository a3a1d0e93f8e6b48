import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/catalog/Catalog';
import { CatalogDataError } from '../../src/catalog/dataSource';
import { parseServiceData } from '../../src/catalog/parseServiceData';

const SERVICE = { prefix: 'demo', name: 'Demo', rcpSupported: false };
const ACTION = {
  name: 'TagThing',
  description: 'Grants permission to tag a thing',
  accessLevel: 'Tagging, Write',
  resourceTypes: [{ name: 'THING', required: true, conditionKeys: ['demo:Color'], dependentActions: [] }],
  conditionKeys: ['aws:TagKeys'],
  dependentActions: ['demo:GetThing'],
};
const TYPES = { thing: { key: 'Thing', arn: 'arn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}' } };
const KEYS = { 'demo:color': { key: 'demo:Color', description: 'Filters by color', type: 'String' } };

describe('parseServiceData', () => {
  it('builds readonly records, normalising levels and resolving resource-type keys', () => {
    expect(parseServiceData(SERVICE, { actions: { tagthing: ACTION }, resourceTypes: TYPES, conditionKeys: KEYS })).toStrictEqual({
      service: SERVICE,
      actions: [
        {
          action: 'demo:TagThing',
          service: 'demo',
          name: 'TagThing',
          description: 'Grants permission to tag a thing',
          accessLevels: ['Write', 'Tagging'],
          resourceTypes: [{ resourceType: 'Thing', required: true, conditionKeys: ['demo:Color'], dependentActions: [] }],
          conditionKeys: ['aws:TagKeys'],
          dependentActions: ['demo:GetThing'],
        },
      ],
      resourceTypes: [{ service: 'demo', key: 'Thing', arnFormats: ['arn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}'], conditionKeys: [] }],
      conditionKeys: [{ key: 'demo:Color', type: 'String', description: 'Filters by color' }],
    });
  });

  it('names the file and field of bad data', () => {
    function parse(actions: unknown, conditionKeys: unknown = KEYS): unknown {
      return parseServiceData(SERVICE, { actions, resourceTypes: TYPES, conditionKeys });
    }
    expect(() => parse({ tagthing: { ...ACTION, accessLevel: 'Admin' } })).toThrow('unknown access level `Admin` at `tagthing` (`actions/demo.json`)');
    expect(() => parse({ tagthing: { ...ACTION, resourceTypes: 'thing' } })).toThrow('expected an array at `tagthing`.resourceTypes (`actions/demo.json`)');
    expect(() => parse({ tagthing: { ...ACTION, conditionKeys: [1] } })).toThrow('expected an array of strings at `tagthing`.conditionKeys (`actions/demo.json`)');
    expect(() => parse('<!doctype html>')).toThrow(CatalogDataError);
    expect(() => parse({}, { 'demo:color': { ...KEYS['demo:color'], type: 'Colour' } })).toThrow(
      'unknown condition key type `Colour` at `demo:color` (`conditionKeys/demo.json`)',
    );
  });
});

describe('createCatalog with broken data', () => {
  it('rejects the load and lets a later load retry', async () => {
    let broken = true;
    const files: Record<string, unknown> = {
      'services.json': ['demo'],
      'serviceNames.json': { demo: 'Demo' },
      'rcpSupportedServices.json': [],
      'resourceTypes/demo.json': TYPES,
      'conditionKeys/demo.json': KEYS,
    };
    const catalog = await createCatalog({
      readJson: (path) => Promise.resolve(path === 'actions/demo.json' ? (broken ? '<html>' : { tagthing: ACTION }) : files[path]),
    });
    await expect(catalog.loadService('demo')).rejects.toThrow('expected an object at the top level (`actions/demo.json`)');
    expect(catalog.isLoaded('demo')).toBe(false);
    broken = false;
    expect(await catalog.loadService('demo')).toBe(true);
    expect(catalog.lookupAction('DEMO:tagthing')?.accessLevels).toStrictEqual(['Write', 'Tagging']);
    expect(catalog.resourceTypesForArn('arn:aws:demo:eu-west-1:111111111111:thing/t-1').map((t) => t.key)).toStrictEqual(['Thing']);
    expect(catalog.actionsForResourceType('demo', 'thing').map((a) => a.action)).toStrictEqual(['demo:TagThing']);
    expect(catalog.lookupConditionKey('demo:color')?.key).toBe('demo:Color');
  });
});
