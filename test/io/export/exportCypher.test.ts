import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cypherMap, cypherString } from '../../../src/io/export/cypher';
import { exportCypher, KIND_LABELS } from '../../../src/io/export/exportCypher';
import { readCypher } from './cypherCheck';
import { ALICE, BUCKET, DEPLOY, GRAPH, HOSTILE, ODD, PARTNER } from './fixtureGraph';

describe('cypherString', () => {
  it('escapes quotes, backslashes, newlines and other controls', () => {
    expect(cypherString(`it's a "\\" \n\r\t\b\f\u0001\u2028 ok`)).toBe(`'it\\'s a \\"\\\\\\" \\n\\r\\t\\b\\f\\u0001\\u2028 ok'`);
    expect(cypherString('\uD800x')).toBe("'\uFFFDx'");
  });

  it('reads back as the same string for any input (literal reader oracle)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
        const [statement] = readCypher(`RETURN ${cypherString(value)};\n`);
        // Code points one by one: a lone surrogate is a single unit, and the export replaces it.
        const wellFormed = Array.from(value, (c) => (c.length === 1 && /[\uD800-\uDFFF]/.test(c) ? '\uFFFD' : c)).join('');
        expect(statement?.strings).toStrictEqual([wellFormed]);
      }),
    );
  });

  it('writes property maps with lists, booleans and numbers and leaves undefined out', () => {
    expect(cypherMap({ a: 'x', b: ['y', "z'"], c: true, d: 3, e: undefined })).toBe("{a: 'x', b: ['y', 'z\\''], c: true, d: 3}");
    expect(() => cypherMap({ 'bad key': 'x' })).toThrow('invariant');
  });
});

describe('exportCypher', () => {
  const statements = readCypher(exportCypher(GRAPH));

  it('writes constraints, then nodes, containment, edges and findings, one statement per line', () => {
    const shapes = statements.map((s) => s.skeleton.replace(/\{.*\}/, '{…}').replace(/SET n:\w+/, 'SET n:Kind').replace(/\[r:\w+ /, '[r:TYPE '));
    expect(shapes).toStrictEqual([
      'CREATE CONSTRAINT accessgraph_node_id IF NOT EXISTS FOR (n:AccessGraphNode) REQUIRE n.id IS UNIQUE;',
      'CREATE CONSTRAINT accessgraph_finding_id IF NOT EXISTS FOR (f:AccessGraphFinding) REQUIRE f.id IS UNIQUE;',
      ...GRAPH.nodes.map(() => 'MERGE (n:AccessGraphNode {…};'),
      ...GRAPH.nodes.filter((n) => n.parent !== undefined).map(() => 'MATCH (a:AccessGraphNode {…}) MERGE (a)-[:IN]->(b);'),
      ...GRAPH.edges.map(() => 'MATCH (a:AccessGraphNode {…};'),
      ...GRAPH.findings.map(() => 'MERGE (f:AccessGraphFinding {…}) MERGE (f)-[:ABOUT]->(s);'),
    ]);
  });

  it('gives each node its kind label and its properties, hostile strings intact', () => {
    const odd = statements.find((s) => s.strings[0] === ODD);
    expect(odd).toStrictEqual({
      skeleton: `MERGE (n:AccessGraphNode {id: $}) SET n:${KIND_LABELS.role}, n += {kind: $, label: $, parent: $, account: $, partition: $, flags: [], external: false, resourceTypes: [], path: $, findings: [$], findingCount: 1, worstSeverity: $};`,
      strings: [ODD, 'role', HOSTILE, '111111111111', '111111111111', 'aws', `$.nodes[${JSON.stringify(ODD)}]`, 'missing-external-id', 'high'],
    });
  });

  it('writes each edge as a relationship of its kind between the two nodes', () => {
    const edge = statements.find((s) => s.strings[2] === `effective-access|${PARTNER}|${BUCKET}`);
    expect(edge).toStrictEqual({
      skeleton: 'MATCH (a:AccessGraphNode {id: $}), (b:AccessGraphNode {id: $}) MERGE (a)-[r:CAN_ACCESS {id: $}]->(b) SET r += {kind: $, decision: $, actions: [$], allowedActions: [], conditionalActions: [$], levels: [$], indirect: true};',
      strings: [PARTNER, BUCKET, `effective-access|${PARTNER}|${BUCKET}`, 'effective-access', 'conditional', 's3:GetObject', 's3:GetObject', 'Read 1/40'],
    });
    const assume = statements.find((s) => s.strings[2] === `can-assume|${ALICE}|${DEPLOY}`);
    expect(assume?.skeleton).toBe('MATCH (a:AccessGraphNode {id: $}), (b:AccessGraphNode {id: $}) MERGE (a)-[r:CAN_ASSUME {id: $}]->(b) SET r += {kind: $, decision: $, action: $, chained: false, conditions: [], statements: [$], blockedBy: $};');
    expect(assume?.strings.slice(3)).toStrictEqual(['can-assume', 'blocked', 'sts:AssumeRole', 'SCP DenyAll of r-a1b2 at ou-a1b2-prod0001 statement 0', 'explicit-deny at explicit-deny (ou-a1b2-prod0001)']);
  });

  it('links each finding to its subject', () => {
    const finding = statements.find((s) => s.skeleton.startsWith('MERGE (f:') && s.strings.includes(ODD));
    expect(finding?.strings).toStrictEqual([`missing-external-id|${ODD}|x`, 'missing-external-id', 'high', ODD, `\`${ODD}\` trusts \`333333333333\``, 'trust trust', '$.roles[0].trustPolicy.Statement[1]', ODD]);
    expect(finding?.skeleton).toBe('MERGE (f:AccessGraphFinding {id: $}) SET f += {code: $, severity: $, subject: $, message: $, policy: $, statement: 1, path: $} WITH f MATCH (s:AccessGraphNode {id: $}) MERGE (f)-[:ABOUT]->(s);');
  });
});
