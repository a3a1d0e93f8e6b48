/**
 * The JSON Schema of the scenario format, generated from `SCENARIO_SPEC` (the same source the
 * parser checks against) plus the policy grammar. Monaco uses it for validation and completion.
 */
import { BASE_OPERATORS, SET_QUALIFIERS } from './conditionOperators';
import { SCENARIO_SPEC, type Spec } from './spec';

type Schema = Record<string, unknown>;

const stringOrList = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] };

function operatorNames(): string[] {
  const names: string[] = [];
  for (const base of BASE_OPERATORS) {
    names.push(base);
    if (base === 'Null') continue;
    names.push(`${base}IfExists`);
    for (const set of SET_QUALIFIERS) names.push(`${set}:${base}`, `${set}:${base}IfExists`);
  }
  return names;
}

function policySchema(): Schema {
  const principal = {
    description: '`"*"` or an object of principal types.',
    oneOf: [
      { const: '*' },
      {
        type: 'object',
        additionalProperties: false,
        properties: { AWS: stringOrList, Service: stringOrList, Federated: stringOrList, CanonicalUser: stringOrList },
      },
    ],
  };
  const conditionValues = { oneOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'array', items: { type: ['string', 'number', 'boolean'] }, minItems: 1 }] };
  const condition = {
    type: 'object',
    description: 'Operators → keys → values. Operators and keys are AND-ed; values of one key are OR-ed.',
    propertyNames: { enum: operatorNames() },
    additionalProperties: { type: 'object', additionalProperties: conditionValues },
  };
  const statement = {
    type: 'object',
    additionalProperties: false,
    required: ['Effect'],
    properties: {
      Sid: { type: 'string' },
      Effect: { enum: ['Allow', 'Deny'] },
      Principal: principal,
      NotPrincipal: principal,
      Action: { ...stringOrList, description: '`service:Action`, `*` and `?` wildcards, case-insensitive.' },
      NotAction: stringOrList,
      Resource: { ...stringOrList, description: 'ARN patterns or `*`; case-sensitive.' },
      NotResource: stringOrList,
      Condition: condition,
    },
  };
  return {
    type: 'object',
    description: 'An IAM policy document.',
    additionalProperties: false,
    required: ['Statement'],
    properties: {
      Version: { enum: ['2012-10-17', '2008-10-17'], description: 'Use `2012-10-17`: older or missing versions keep `${…}` variables literal.' },
      Id: { type: 'string' },
      Statement: { oneOf: [statement, { type: 'array', items: statement, minItems: 1 }] },
    },
  };
}

function toSchema(spec: Spec): Schema {
  const description = spec.description === undefined ? {} : { description: spec.description };
  switch (spec.type) {
    case 'string':
      return { type: 'string', ...description, ...(spec.enum ? { enum: [...spec.enum] } : {}), ...(spec.pattern ? { pattern: spec.pattern } : {}), ...(spec.nonEmpty ? { minLength: 1 } : {}) };
    case 'boolean':
      return { type: 'boolean', ...description };
    case 'integer':
      return { type: 'integer', ...description, ...(spec.minimum === undefined ? {} : { minimum: spec.minimum }), ...(spec.maximum === undefined ? {} : { maximum: spec.maximum }) };
    case 'number':
      return { type: 'number', ...description };
    case 'array':
      return { type: 'array', ...description, items: toSchema(spec.items) };
    case 'record':
      return { type: 'object', ...description, additionalProperties: toSchema(spec.values) };
    case 'either':
      return { ...description, oneOf: [toSchema(spec.string), toSchema(spec.object)] };
    case 'policy':
      return { ...description, $ref: '#/definitions/policy' };
    case 'contextValue':
      return { ...description, oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    case 'object': {
      const properties: Record<string, Schema> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(spec.fields)) {
        const schema = toSchema(field.spec);
        properties[key] = field.nullable === true ? { anyOf: [schema, { type: 'null' }] } : schema;
        if (field.required === true) required.push(key);
      }
      return { type: 'object', ...description, additionalProperties: false, properties, ...(required.length ? { required } : {}) };
    }
  }
}

/** The JSON Schema (draft-07) for `accessgraph/v1` scenarios. */
export function scenarioJsonSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'accessgraph://schema/scenario-v1.json',
    title: 'AccessGraph scenario',
    ...toSchema(SCENARIO_SPEC),
    definitions: { policy: policySchema() },
  };
}
