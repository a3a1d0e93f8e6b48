/**
 * Entry point of the model: scenario text (or an already parsed value) to a validated `Scenario`
 * plus located diagnostics. The scenario is `undefined` when a blocking error remains.
 */
import { checkShape, isObject } from './checkShape';
import {
  createCollector,
  resolveDiagnostics,
  spotDiagnostics,
  type Collector,
  type SpottedDiagnostic,
} from './collector';
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
  return parseScenarioTextSpotted(text).result;
}

/** A text parse with what an incremental parse of the next text reads (`incrementalParse.ts`). */
export interface SpottedParse {
  readonly result: ParseResult;
  /** The syntax tree, when the text is valid JSON. */
  readonly root: JsonNode | undefined;
  readonly lines: LineIndex;
  /** The diagnostics of `result` with their spots, in the same order. */
  readonly spotted: readonly SpottedDiagnostic[];
}

/** `parseScenarioText` with the tree and each diagnostic's spot. */
export function parseScenarioTextSpotted(text: string): SpottedParse {
  const { root, diagnostics, lines } = parseJsonText(text);
  if (diagnostics.length > 0 || root === undefined)
    return { result: { scenario: undefined, diagnostics }, root: undefined, lines, spotted: [] };
  const { scenario, out } = validate(nodeValue(root));
  const spotted = spotDiagnostics(out.items, root, lines);
  const list = spotted.map((s) => s.diagnostic);
  return {
    result: { scenario: list.some(isBlocking) ? undefined : scenario, diagnostics: list },
    root,
    lines,
    spotted,
  };
}

/** Parses a value that did not come from text (a decoded link, a built-in lesson). */
export function parseScenarioValue(value: unknown): ParseResult {
  const { scenario, out } = validate(value);
  const diagnostics = resolveDiagnostics(out.items, undefined, undefined);
  return { scenario: diagnostics.some(isBlocking) ? undefined : scenario, diagnostics };
}

/** The scenario (before blocking diagnostics are weighed; `undefined` when it cannot be built) and the diagnostics. */
function validate(value: unknown): { scenario: Scenario | undefined; out: Collector } {
  const out = createCollector();
  if (isObject(value) && value.format !== SCENARIO_FORMAT && typeof value.format === 'string') {
    out.error(
      'bad-format',
      ['format'],
      `\`${value.format}\` is not a supported format: this version reads \`${SCENARIO_FORMAT}\``,
    );
    return { scenario: undefined, out };
  }
  const shapeOk = checkShape(value, SCENARIO_SPEC, [], out);
  if (!isObject(value)) return { scenario: undefined, out };
  // Build even when the shape is wrong so that reference errors show up together with shape
  // errors; the builders read defensively and the result is discarded when anything blocks.
  const scenario = build(value, out);
  return { scenario: shapeOk ? scenario : undefined, out };
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

/** The saved node positions of a scenario's raw `layout` value (shape already checked). */
export function buildLayout(raw: unknown): Readonly<Record<string, Position>> {
  const layout = Object.create(null) as Record<string, Position>;
  if (!isObject(raw)) return layout;
  for (const [id, position] of Object.entries(raw)) {
    if (isObject(position) && typeof position.x === 'number' && typeof position.y === 'number')
      layout[id] = { x: position.x, y: position.y };
  }
  return layout;
}
