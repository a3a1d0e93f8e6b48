import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import type { JsonObject, JsonValue } from '../../src/io/share/jsonValue';
import { LANGUAGES } from '../../src/io/share/languages';
import { DEFAULT_LESSON_ID, LESSONS, applyEdits, lessonById, lessonQuestions, lessonScenario, lessonTryIts, type LessonDefinition, type Localized } from '../../src/lessons/index';
import { PATTERNS } from '../../src/model/spec';
import { parseScenarioValue } from '../../src/model/parseScenario';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every seed example (shared/seeds/README.md and the brief) and the lesson that reproduces it. */
const SEED_EXAMPLES: Record<string, string> = {
  'AccountA/AccountB delegation of BucketA': 'bucket-delegation',
  'the APNPartner role': 'partner-role',
  'partitions (aws vs aws-cn)': 'partitions',
  'switching roles vs resource-based policies': 'role-vs-resource-policy',
  'AssumeRole with External ID and the CLI profile': 'external-id',
  'the confused deputy and its fix': 'confused-deputy',
  'the S3 bucket policy for DataPipelineRole': 'bucket-policy-role',
  'RAM subnet sharing with an OU': 'ram-subnet-sharing',
  'aws:PrincipalOrgID': 'principal-org-id',
  'aws:PrincipalOrgPaths': 'principal-org-paths',
  'the central CloudTrail bucket with aws:SourceOrgID': 'cloudtrail-central-logs',
  'the shared VPC with Transit Gateway': 'shared-vpc-transit-gateway',
  'the CI/CD pipeline and DeployRole': 'cicd-deploy-roles',
  'the Principal {"AWS": "*"} anti-pattern': 'public-principal',
};

function localizedTexts(lesson: LessonDefinition): { where: string; text: Localized }[] {
  const texts = [
    { where: 'title', text: lesson.title },
    { where: 'summary', text: lesson.summary },
  ];
  lesson.steps.forEach((step, i) => {
    texts.push({ where: `step ${i} title`, text: step.title }, { where: `step ${i} body`, text: step.body });
    for (const q of step.predict) texts.push({ where: `${q.id} question`, text: q.question }, { where: `${q.id} why`, text: q.why });
    for (const t of step.tryIt) texts.push({ where: `${t.id} task`, text: t.task }, { where: `${t.id} hint`, text: t.hint }, { where: `${t.id} success`, text: t.success });
  });
  return texts;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The node ids of the lesson's graph (the static graph needs no engine). */
function nodeIds(lesson: LessonDefinition): Set<string> {
  const { scenario } = parseScenarioValue(lessonScenario(lesson, 'en'));
  if (scenario === undefined) return new Set();
  const snapshot = runAnalysis(scenario, { engine: undefined, catalog: undefined, rawManaged: new Map(), awsManaged: new Map() });
  return new Set(snapshot.graph.nodes.map((node) => node.id));
}

describe('the lesson registry', () => {
  it('reproduces every example of the seed documents', () => {
    expect(LESSONS.map((l) => l.id).sort()).toStrictEqual(Object.values(SEED_EXAMPLES).sort());
  });

  it('opens on the AccountA/AccountB lesson', () => {
    expect(DEFAULT_LESSON_ID).toBe('bucket-delegation');
    expect(LESSONS[0]?.id).toBe(DEFAULT_LESSON_ID);
  });

  it('finds lessons by id', () => {
    for (const lesson of LESSONS) expect(lessonById(lesson.id)).toBe(lesson);
    expect(lessonById('nope')).toBeUndefined();
  });

  it('has unique ids usable in #lesson= links', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) expect(lesson.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  it('is written in English and in Japanese', () => {
    for (const { where, text } of localizedTexts(lesson)) {
      for (const language of LANGUAGES) expect(text[language].trim(), `${where} (${language})`).not.toBe('');
      expect(text.ja, `${where} (ja)`).toMatch(JAPANESE);
      expect(text.en, `${where} (en)`).not.toMatch(JAPANESE);
      for (const language of LANGUAGES) expect((text[language].match(/```/g) ?? []).length % 2, `${where} (${language}) code fences`).toBe(0);
    }
  });

  it('names its source in the seeds', () => {
    expect(lesson.sources.length).toBeGreaterThan(0);
  });

  it('has a scenario that parses without errors in both languages', () => {
    for (const language of LANGUAGES) {
      const { scenario, diagnostics } = parseScenarioValue(lessonScenario(lesson, language));
      expect(diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
      expect(scenario?.title).toBe(lesson.title[language]);
      expect(scenario?.lesson?.steps.map((s) => s.title)).toStrictEqual(lesson.steps.map((s) => s.title[language]));
      expect(scenario?.assertions).toHaveLength(lesson.checkpoints.length);
    }
  });

  it('leaves format, title, description, assertions and lesson to lessonScenario', () => {
    for (const key of ['format', 'title', 'description', 'assertions', 'lesson']) expect(Object.keys(lesson.scenario)).not.toContain(key);
  });

  it('uses valid ids, not the seeds’ placeholders', () => {
    const text = JSON.stringify(lessonScenario(lesson, 'en'));
    expect(text).not.toMatch(/o-x{3,}|ou-x{3,}|r-x{3,}|APN-account-ID|APN-ACCOUNT-ID|:AccountB:|:::BucketA/);
    const org = lesson.scenario.organization;
    if (isObject(org)) {
      expect(org.id).toMatch(/^o-[a-z0-9]{10}$/);
      expect(org.rootId).toMatch(new RegExp(PATTERNS.rootId));
      for (const unit of objects(org.units)) expect(unit.id).toMatch(new RegExp(PATTERNS.ouId));
    }
    for (const match of text.matchAll(/arn:aws(?:-[a-z]+)*:[a-z0-9-]+:[a-z0-9-]*:(\d*):/g)) expect(match[1] === '' || /^\d{12}$/.test(match[1] ?? '')).toBe(true);
  });

  it('focuses every step on nodes of its graph (ARNs, account ids, the root and OU ids)', () => {
    const ids = nodeIds(lesson);
    for (const step of lesson.steps) {
      expect(step.focus.length, step.title.en).toBeGreaterThan(0);
      for (const id of step.focus) expect(ids, `${step.title.en}: ${id}`).toContain(id);
    }
  });

  it('asks at least one predict question and offers at least one try-it task, with unique ids', () => {
    const questions = lessonQuestions(lesson);
    const tryIts = lessonTryIts(lesson);
    expect(questions.length).toBeGreaterThan(0);
    expect(tryIts.length).toBeGreaterThan(0);
    expect(new Set([...questions.map((q) => q.id), ...tryIts.map((t) => t.id)]).size).toBe(questions.length + tryIts.length);
  });

  it('has uniquely named checkpoints', () => {
    expect(lesson.checkpoints.length).toBeGreaterThanOrEqual(4);
    expect(new Set(lesson.checkpoints.map((c) => c.name)).size).toBe(lesson.checkpoints.length);
  });

  it('has try-it solutions that apply and still parse', () => {
    for (const tryIt of lessonTryIts(lesson)) {
      expect(tryIt.goal.length, tryIt.id).toBeGreaterThan(0);
      const solved = applyEdits(lessonScenario(lesson, 'en'), tryIt.solution);
      expect(solved, `${tryIt.id} solution applies`).toBeDefined();
      const { diagnostics } = parseScenarioValue({ ...solved, assertions: [...tryIt.goal, ...tryIt.keep] });
      expect(diagnostics.filter((d) => d.severity === 'error'), tryIt.id).toStrictEqual([]);
    }
  });
});
