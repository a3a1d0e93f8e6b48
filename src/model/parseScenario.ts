/**
 * Entry point of the model: scenario text (or an already parsed value) to a validated `Scenario`
 * plus located diagnostics. The scenario is `undefined` when a blocking error remains.
 */
import { checkShape, isObject } from './checkShape';
import { createCollector, resolveDiagnostics, type Collector } from './collector';
import { isBlocking, type Diagnostic } from './diagnostics';
import { buildAssertions } from './buildAssertions';
import { buildEntities } from './buildEntities';
import { buildOrganization } from './buildOrganization';
import { buildResources } from './buildResources';
import { nodeValue, parseJsonText, type JsonNode, type LineIndex } from './json';
import { SCENARIO_SPEC } from './spec';
import { SCENARIO_FORMAT, type Lesson, type Position, type Scenario } from './types';

/** What parsing produced: the scenario when usable, and every diagnostic in source order. */
export interface ParseResult {
  readonly scenario: Scenario | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses scenario JSON text, keeping positions for every diagnostic. */
export function parseScenarioText(text: string): ParseResult {
  const { root, diagnostics, lines } = parseJsonText(text);
  if (diagnostics.length > 0 || root === undefined) return { scenario: undefined, diagnostics };
  return validate(nodeValue(root), root, lines);
}

/** Parses a value that did not come from text (a decoded link, a built-in lesson). */
export function parseScenarioValue(value: unknown): ParseResult {
  return validate(value, undefined, undefined);
}

function validate(value: unknown, root: JsonNode | undefined, lines: LineIndex | undefined): ParseResult {
  const out = createCollector();
  if (isObject(value) && value.format !== SCENARIO_FORMAT && typeof value.format === 'string') {
    out.error('bad-format', ['format'], `\`${value.format}\` is not a supported format: this version reads \`${SCENARIO_FORMAT}\``);
    return finish(undefined, out, root, lines);
  }
  const shapeOk = checkShape(value, SCENARIO_SPEC, [], out);
  if (!isObject(value)) return finish(undefined, out, root, lines);
  // Build even when the shape is wrong so that reference errors show up together with shape
  // errors; the builders read defensively and the result is discarded when anything blocks.
  const scenario = build(value, out);
  if (!shapeOk) return finish(undefined, out, root, lines);
  return finish(scenario, out, root, lines);
}

function build(value: Record<string, unknown>, out: Collector): Scenario {
  const { organization, accounts } = buildOrganization(value, out);
  const entities = buildEntities(value, accounts, out);
  const { resources, resourceShares } = buildResources(value, accounts, organization, entities.arns, out);
  const assertions = buildAssertions(value, out);
  return {
    format: SCENARIO_FORMAT,
    title: typeof value.title === 'string' ? value.title : 'Untitled scenario',
    description: typeof value.description === 'string' ? value.description : '',
    organization,
    accounts: [...accounts.values()],
    users: entities.users,
    groups: entities.groups,
    roles: entities.roles,
    policies: entities.policies,
    sessions: entities.sessions,
    resources,
    resourceShares,
    assertions,
    lesson: buildLesson(value.lesson),
    layout: buildLayout(value.layout),
  };
}

function buildLesson(raw: unknown): Lesson | undefined {
  if (!isObject(raw) || !Array.isArray(raw.steps)) return undefined;
  return {
    steps: raw.steps.filter(isObject).map((step) => ({
      title: String(step.title),
      body: typeof step.body === 'string' ? step.body : '',
      focus: Array.isArray(step.focus) ? step.focus.map(String) : [],
    })),
  };
}

function buildLayout(raw: unknown): Readonly<Record<string, Position>> {
  const layout = Object.create(null) as Record<string, Position>;
  if (!isObject(raw)) return layout;
  for (const [id, position] of Object.entries(raw)) {
    if (isObject(position) && typeof position.x === 'number' && typeof position.y === 'number') layout[id] = { x: position.x, y: position.y };
  }
  return layout;
}

function finish(scenario: Scenario | undefined, out: Collector, root: JsonNode | undefined, lines: LineIndex | undefined): ParseResult {
  const diagnostics = resolveDiagnostics(out.items, root, lines);
  return { scenario: diagnostics.some(isBlocking) ? undefined : scenario, diagnostics };
}
