import { describe, expect, it } from 'vitest';
import { rankNextCases, type NextCaseInput } from '../../../../src/core/library/rankNextCases';
import { DEFAULT_STAGE_FORM } from '../../../../src/core/rubric/defaultStageForm';
import { GENERAL_REPORT_SHEET } from '../../../../src/core/rubric/generalReportSheet';
import type { StageId } from '../../../../src/core/rubric/rubricSchema';
import type { TrainingYear } from '../../../../src/core/schema/common';
import { createSession } from '../../../../src/core/session/createSession';
import type { CriteriaEvaluation, ReportEvaluation } from '../../../../src/core/session/evaluation';
import { readSession } from '../../../../src/core/session/readSession';
import type { TeachingSession } from '../../../../src/core/session/session';
import { emptyReport, type Finding } from '../../../../src/core/session/stageWork';
import { teachingCase, type TeachingCase } from '../../../../src/core/session/teachingCase';
import { tutorScores, tutorSheet } from '../../../fixtures/scoredSession';
import { TEACHING_CASE, TUTOR } from '../../../fixtures/teachingSessions';

const RESIDENT = { id: 'resident-li', trainingYear: 2 as TrainingYear };
const CATEGORIES = [
  { id: 'chest', name: { zh: '胸部', en: 'Chest' } },
  { id: 'neuro', name: { zh: '神经系统', en: 'Nervous system' } },
  { id: 'abdomen', name: { zh: '腹部', en: 'Abdomen' } },
];

interface CaseOptions {
  id: string;
  title?: string;
  trainingYear?: TrainingYear;
  category?: string;
  modality?: string;
  priors?: number;
  realTime?: boolean;
  negatives?: number;
  diagnosis?: string;
  objectives?: string[];
}

const finding = (id: string, kind: Finding['kind']): Finding => ({ id, kind, description: kind === 'negative' ? '纵隔未见肿大淋巴结' : '右上叶结节', location: '', annotationIds: [], pathology: '' });

function aCase(options: CaseOptions): TeachingCase {
  const negatives = Array.from({ length: options.negatives ?? 0 }, (_, index) => finding(`n${index + 1}`, 'negative'));
  return teachingCase.parse({
    ...TEACHING_CASE,
    id: options.id,
    title: options.title ?? `病例 ${options.id}`,
    trainingYear: options.trainingYear ?? 2,
    category: options.category ?? 'chest',
    modality: options.modality ?? 'CT',
    studyInstanceUIDs: Array.from({ length: 1 + (options.priors ?? 0) }, (_, index) => `1.2.826.0.1.3680043.8.498.${index + 1}`),
    realTime: options.realTime ?? false,
    objectives: options.objectives ?? ['描述结节'],
    referenceAnswer: { findings: [finding('p1', 'positive'), ...negatives], diagnosis: options.diagnosis ?? '右肺上叶结节', report: emptyReport() },
  });
}

interface SessionOptions {
  id: string;
  caseId: string;
  /** When the clock started; sessions are ordered by it. */
  at: string;
  residentId?: string;
  realTime?: boolean;
  signed?: boolean;
  /** Points given on sheet items, the rest as the fixture's tutor scores them. */
  sheet?: Record<string, number>;
  sheetNotApplicable?: string[];
  /** Points given on stage criteria, the rest as the fixture's tutor scores them. */
  criteria?: Partial<Record<Exclude<StageId, '4.5'>, Record<string, number>>>;
}

const withoutKeys = (record: Record<string, number>, keys: string[]) => Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

/** A session on the department's default rubrics, every stage scored, signed off unless told otherwise. */
function aSession(options: SessionOptions): TeachingSession {
  const draft = createSession({
    id: options.id,
    teachingCase: { id: options.caseId, realTime: options.realTime ?? false, trainingYear: 2 },
    resident: { id: options.residentId ?? RESIDENT.id, trainingYear: RESIDENT.trainingYear },
    tutorId: TUTOR.id,
    stageForm: DEFAULT_STAGE_FORM,
    reportSheet: GENERAL_REPORT_SHEET,
    schedule: { plannedAt: options.at, place: '阅片室 2' },
    createdAt: '2026-01-01T00:00:00Z',
  });
  const end = new Date(Date.parse(options.at) + 40 * 60_000).toISOString();
  const meta = { evaluatedAt: end, evaluatorId: TUTOR.id };
  const stages = structuredClone(draft.stages);
  for (const stage of ['4.1', '4.2', '4.3', '4.4'] as const) {
    const input = tutorScores(draft, stage);
    const evaluation: CriteriaEvaluation = { kind: 'criteria', ...input, scores: { ...input.scores, ...options.criteria?.[stage] }, ...meta };
    Object.assign(stages[stage], { status: 'evaluated', submittedAt: end, evaluation });
  }
  const sheetInput = tutorSheet(draft);
  const notApplicable = options.sheetNotApplicable ?? [];
  const report: ReportEvaluation = {
    kind: 'reportSheet',
    ...sheetInput,
    sheet: { ...sheetInput.sheet, items: withoutKeys({ ...sheetInput.sheet.items, ...options.sheet }, notApplicable), notApplicable },
    ...meta,
  };
  Object.assign(stages['4.5'], { status: 'evaluated', submittedAt: end, evaluation: report });
  const held = { ...draft, timer: { intervals: [{ start: options.at, end }], endedAt: end }, stages };
  const session = options.signed === false ? held : { ...held, signOff: { at: end, by: TUTOR.id, stages: structuredClone(stages) } };
  const read = readSession(session);
  if (!read.ok) throw new Error(`the test session ${options.id} is not a valid record: ${read.problem.message.en}`);
  return read.value;
}

const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}T02:00:00Z`;
const rank = (input: Partial<NextCaseInput> & Pick<NextCaseInput, 'cases'>) => rankNextCases({ resident: RESIDENT, sessions: [], categories: CATEGORIES, ...input });
const idsOf = (suggestions: ReturnType<typeof rankNextCases>) => suggestions.map(suggestion => suggestion.caseId);
const reasonsOf = (suggestions: ReturnType<typeof rankNextCases>, caseId: string) => suggestions.find(suggestion => suggestion.caseId === caseId)!.reasons;

describe('rankNextCases: weaknesses', () => {
  /** Five signed-off sessions on cases already done, 重要阴性征象描述 scored 1.5, 1.5, 2, 1.5, 1.5 of 4: 60% lost. */
  const doneCases = (count: number) => Array.from({ length: count }, (_, index) => aCase({ id: `done-${index + 1}` }));
  const done = doneCases(5);
  const weakOnNegatives = [1.5, 1.5, 2, 1.5, 1.5].map((given, index) => aSession({ id: `s${index + 1}`, caseId: `done-${index + 1}`, at: day(index + 1), sheet: { 'pertinent-negatives': given } }));

  it('offers a resident who keeps losing points on 重要阴性征象描述 the case whose reference has important negative signs', () => {
    const withNegatives = aCase({ id: 'negatives', title: 'B 纵隔', negatives: 3 });
    const without = aCase({ id: 'plain', title: 'A 结节' });
    const suggestions = rank({ cases: [...done, without, withNegatives], sessions: weakOnNegatives });
    expect(idsOf(suggestions)).toEqual(['negatives', 'plain']);
    expect(reasonsOf(suggestions, 'negatives')[0]).toEqual({
      zh: '近 5 次活动中“重要阴性征象描述”平均失分 60%，本病例参考答案有 3 个重要阴性征象',
      en: 'Lost 60% of the points on “Pertinent negative findings described” over the last 5 sessions; this case’s reference has 3 important negative signs',
    });
    expect(reasonsOf(suggestions, 'plain').some(reason => reason.zh.includes('失分'))).toBe(false);
  });

  it('gives more weight to a case with more negative signs, up to three', () => {
    const cases = [aCase({ id: 'one', title: 'A', negatives: 1 }), aCase({ id: 'three', title: 'B', negatives: 3 }), aCase({ id: 'five', title: 'C', negatives: 5 })];
    const suggestions = rank({ cases: [...done, ...cases], sessions: weakOnNegatives });
    expect(idsOf(suggestions)).toEqual(['three', 'five', 'one']);
    expect(suggestions[0]!.fit).toBe(suggestions[1]!.fit);
    expect(suggestions[2]!.fit).toBeLessThan(suggestions[0]!.fit);
  });

  it('offers a resident weak on 肿瘤分期 a staging case, counting only the sessions that scored the item', () => {
    const staging = [
      aSession({ id: 't1', caseId: 'done-1', at: day(1), sheet: { 'tumour-staging': 1 } }),
      aSession({ id: 't2', caseId: 'done-2', at: day(2), sheetNotApplicable: ['tumour-staging'] }),
      aSession({ id: 't3', caseId: 'done-3', at: day(3), sheet: { 'tumour-staging': 1 } }),
      aSession({ id: 't4', caseId: 'done-4', at: day(4), sheetNotApplicable: ['tumour-staging'] }),
    ];
    const staged = aCase({ id: 'staged', title: 'B 肺癌', diagnosis: '右肺上叶周围型肺癌（T2N0M0，ⅠB期）' });
    const unstaged = aCase({ id: 'unstaged', title: 'A 肺炎', diagnosis: '右肺上叶肺炎' });
    const suggestions = rank({ cases: [...doneCases(4), unstaged, staged], sessions: staging });
    expect(idsOf(suggestions)).toEqual(['staged', 'unstaged']);
    expect(reasonsOf(suggestions, 'staged')[0]).toEqual({
      zh: '近 4 次活动中有 2 次评了“肿瘤分期正确”，平均失分 75%，本病例参考诊断含分期“T2N0M0”',
      en: 'Lost 75% of the points on “Tumour staging correct” in the 2 of the last 4 sessions that scored it; this case’s reference diagnosis states a stage (“T2N0M0”)',
    });
  });

  it('reads the stage criteria too: 4.4 extent or stage → a case whose objectives are staging, 4.4 change from prior → a case with a prior', () => {
    const sessions = [1, 2, 3].map(n => aSession({ id: `c${n}`, caseId: `done-${n}`, at: day(n), criteria: { '4.4': { 'extent-or-stage': 1, 'change-from-prior': 1 } } }));
    const objective = aCase({ id: 'objective', title: 'A', objectives: ['掌握肺癌 TNM 分期'] });
    const prior = aCase({ id: 'prior', title: 'B', priors: 1 });
    const neither = aCase({ id: 'neither', title: 'C' });
    const suggestions = rank({ cases: [...doneCases(3), neither, prior, objective], sessions });
    expect(idsOf(suggestions)).toEqual(['objective', 'prior', 'neither']);
    expect(reasonsOf(suggestions, 'objective')[0]).toEqual({
      zh: '近 3 次活动中“病变程度（如肿瘤分期）”平均失分 67%，本病例教学目标涉及分期“TNM”',
      en: 'Lost 67% of the points on “Extent (e.g. tumour stage)” over the last 3 sessions; a teaching objective of this case concerns staging (“TNM”)',
    });
    expect(reasonsOf(suggestions, 'prior')[0]).toEqual({
      zh: '近 3 次活动中“与以前影像检查对照”平均失分 50%，本病例有 1 个既往检查可供对比',
      en: 'Lost 50% of the points on “Change against previous examinations” over the last 3 sessions; this case has 1 prior study to compare with',
    });
  });

  it('offers a real-time case to a resident weak on performing the examination to protocol', () => {
    const sessions = [1, 2].map(n => aSession({ id: `r${n}`, caseId: `done-${n}`, at: day(n), realTime: true, criteria: { '4.2': { 'standard-protocol': 3 } } }));
    const realTime = aCase({ id: 'us', title: 'B', modality: 'US', realTime: true });
    const still = aCase({ id: 'us-still', title: 'A', modality: 'US' });
    const suggestions = rank({ cases: [...doneCases(2), still, realTime], sessions });
    expect(idsOf(suggestions)).toEqual(['us', 'us-still']);
    expect(reasonsOf(suggestions, 'us')[0]!.zh).toBe('近 2 次活动中“按规范方案完成操作”平均失分 50%，本病例为实时操作病例');
  });

  it('lists the weakness practised most first when a case practises several', () => {
    const sessions = [1, 2].map(n =>
      aSession({ id: `m${n}`, caseId: `done-${n}`, at: day(n), sheet: { 'pertinent-negatives': 3, 'prior-comparison': 1 } }),
    );
    const both = aCase({ id: 'both', negatives: 3, priors: 1 });
    const [suggestion] = rank({ cases: [...doneCases(2), both], sessions });
    expect(suggestion!.reasons.slice(0, 2).map(reason => reason.zh)).toEqual([
      '近 2 次活动中“与以前检查比较符合规范、准确”平均失分 75%，本病例有 1 个既往检查可供对比',
      '近 2 次活动中“重要阴性征象描述”平均失分 25%，本病例参考答案有 3 个重要阴性征象',
    ]);
  });

  it('ignores small losses, sessions not signed off, other residents and sessions older than the recent ones', () => {
    const withNegatives = aCase({ id: 'negatives', title: 'B', negatives: 3 });
    const without = aCase({ id: 'plain', title: 'A' });
    const cases = [...doneCases(3), without, withNegatives];
    // Only the two candidates' order is in question; cases some sessions are on come and go with them.
    const order = (sessions: TeachingSession[], recent?: number) => idsOf(rank({ cases, sessions, recent })).filter(id => id === 'plain' || id === 'negatives');
    // 0.5 of 4 lost is 12.5%: the ordinary spread of scoring.
    expect(order([aSession({ id: 'small', caseId: 'done-1', at: day(1), sheet: { 'pertinent-negatives': 3.5 } })])).toEqual(['plain', 'negatives']);
    expect(order([aSession({ id: 'open', caseId: 'done-1', at: day(1), signed: false, sheet: { 'pertinent-negatives': 0 } })])).toEqual(['plain', 'negatives']);
    expect(order([aSession({ id: 'theirs', residentId: 'resident-zhao', caseId: 'done-1', at: day(1), sheet: { 'pertinent-negatives': 0 } })])).toEqual(['plain', 'negatives']);
    expect(order([aSession({ id: 'weak', caseId: 'done-1', at: day(1), sheet: { 'pertinent-negatives': 0 } })])).toEqual(['negatives', 'plain']);
    const old = aSession({ id: 'old', caseId: 'done-1', at: day(1), sheet: { 'pertinent-negatives': 0 } });
    const newer = [2, 3].map(n => aSession({ id: `new${n}`, caseId: `done-${n}`, at: day(n) }));
    expect(order([old, ...newer], 3)).toEqual(['negatives', 'plain']);
    expect(order([old, ...newer], 2)).toEqual(['plain', 'negatives']);
  });

  it('refuses a count of recent sessions that is not a whole number of at least 1', () => {
    expect(() => rank({ cases: done, recent: 0 })).toThrow(RangeError);
    expect(() => rank({ cases: done, recent: 2.5 })).toThrow(RangeError);
  });
});

describe('rankNextCases: year, category and what is left out', () => {
  it('prefers a case of the resident’s year, then one year off, then two, and says so', () => {
    const cases = [aCase({ id: 'y3', trainingYear: 3 }), aCase({ id: 'y1', trainingYear: 1 }), aCase({ id: 'y2', trainingYear: 2 })];
    const first = rank({ cases, resident: { id: RESIDENT.id, trainingYear: 1 } });
    expect(idsOf(first)).toEqual(['y1', 'y2', 'y3']);
    expect(first[0]!.fit).toBeGreaterThan(first[1]!.fit);
    expect(first[1]!.fit).toBeGreaterThan(first[2]!.fit);
    const second = rank({ cases });
    expect(second[0]!.caseId).toBe('y2');
    expect(second[1]!.fit).toBe(second[2]!.fit);
    expect(second[0]!.fit).toBeGreaterThan(second[1]!.fit);
    expect(reasonsOf(second, 'y2')).toContainEqual({ zh: '病例为住培第二年准备，与住院医师年级相同', en: 'Prepared for Year 2, the resident’s year' });
    expect(reasonsOf(second, 'y3')).toContainEqual({ zh: '病例为住培第三年准备，比住院医师（住培第二年）高一个年级', en: 'Prepared for Year 3, one year above the resident’s (Year 2)' });
    expect(reasonsOf(first, 'y3')).toContainEqual({ zh: '病例为住培第三年准备，比住院医师（住培第一年）高两个年级', en: 'Prepared for Year 3, two years above the resident’s (Year 1)' });
    expect(reasonsOf(second, 'y1')).toContainEqual({ zh: '病例为住培第一年准备，比住院医师（住培第二年）低一个年级', en: 'Prepared for Year 1, one year below the resident’s (Year 2)' });
  });

  it('prefers the categories the resident has seen least, counting every session, signed off or not', () => {
    const done = [aCase({ id: 'chest-1' }), aCase({ id: 'chest-2' }), aCase({ id: 'neuro-1', category: 'neuro' })];
    const sessions = [
      aSession({ id: 's1', caseId: 'chest-1', at: day(1) }),
      aSession({ id: 's2', caseId: 'chest-2', at: day(2), signed: false }),
      aSession({ id: 's3', caseId: 'neuro-1', at: day(3) }),
    ];
    const candidates = [aCase({ id: 'chest', title: 'A', category: 'chest' }), aCase({ id: 'neuro', title: 'B', category: 'neuro' }), aCase({ id: 'abdomen', title: 'C', category: 'abdomen' })];
    const suggestions = rank({ cases: [...done, ...candidates], sessions });
    expect(idsOf(suggestions)).toEqual(['abdomen', 'neuro', 'chest']);
    expect(reasonsOf(suggestions, 'abdomen')).toContainEqual({ zh: '尚未做过“腹部”病种的病例', en: 'No case in the category “Abdomen” yet' });
    expect(reasonsOf(suggestions, 'chest')).toContainEqual({ zh: '“胸部”病种已有 2 次教学活动', en: '2 sessions in the category “Chest” so far' });
    expect(reasonsOf(suggestions, 'neuro')).toContainEqual({ zh: '“神经系统”病种已有 1 次教学活动', en: '1 session in the category “Nervous system” so far' });
  });

  it('shows a category missing from the department’s list by its id', () => {
    const [suggestion] = rank({ cases: [aCase({ id: 'odd', category: '肺结节' })] });
    expect(suggestion!.reasons).toContainEqual({ zh: '尚未做过“肺结节”病种的病例', en: 'No case in the category “肺结节” yet' });
  });

  it('prefers a modality the resident has seen less, other things equal', () => {
    const sessions = [aSession({ id: 's1', caseId: 'ct-done', at: day(1) })];
    const cases = [aCase({ id: 'ct-done', category: 'abdomen' }), aCase({ id: 'ct', title: 'A' }), aCase({ id: 'mr', title: 'B', modality: 'MR' })];
    const suggestions = rank({ cases, sessions });
    expect(idsOf(suggestions)).toEqual(['mr', 'ct']);
    expect(reasonsOf(suggestions, 'mr')).toContainEqual({ zh: '尚未做过 MR 检查的病例', en: 'No MR case yet' });
    expect(reasonsOf(suggestions, 'ct')).toContainEqual({ zh: 'CT 检查已有 1 次教学活动', en: '1 session on CT so far' });
  });

  it('leaves out every case the resident has a session on, whatever its state, but not other residents’ cases', () => {
    const cases = [aCase({ id: 'signed' }), aCase({ id: 'planned' }), aCase({ id: 'theirs' }), aCase({ id: 'fresh' })];
    const sessions = [
      aSession({ id: 's1', caseId: 'signed', at: day(1) }),
      aSession({ id: 's2', caseId: 'planned', at: day(2), signed: false }),
      aSession({ id: 's3', caseId: 'theirs', at: day(3), residentId: 'resident-zhao' }),
    ];
    expect(idsOf(rank({ cases, sessions })).sort()).toEqual(['fresh', 'theirs']);
  });

  it('leaves out retired cases, while sessions held on them still count as seen', () => {
    const retired = { ...aCase({ id: 'retired', category: 'neuro' }), retired: { at: '2026-09-01T00:00:00Z', by: TUTOR.id } } as TeachingCase;
    const formerlyHeld = { ...aCase({ id: 'old-neuro', category: 'neuro' }), retired: { at: '2026-09-01T00:00:00Z', by: TUTOR.id } } as TeachingCase;
    const cases = [retired, formerlyHeld, aCase({ id: 'neuro', title: 'A', category: 'neuro' }), aCase({ id: 'chest', title: 'B', category: 'chest' })];
    const suggestions = rank({ cases, sessions: [aSession({ id: 's1', caseId: 'old-neuro', at: day(1) })] });
    expect(idsOf(suggestions)).toEqual(['chest', 'neuro']);
  });

  it('gives the same list for the same records in any order, equal fits by title and then id', () => {
    const cases = [aCase({ id: 'c', title: '乙' }), aCase({ id: 'b', title: '甲' }), aCase({ id: 'a', title: '甲' }), aCase({ id: 'd', title: 'Z' }), aCase({ id: 'e', title: 'Z', negatives: 3 })];
    const sessions = [1, 2].map(n => aSession({ id: `s${n}`, caseId: `done-${n}`, at: day(n), sheet: { 'pertinent-negatives': 2 } }));
    const done = [aCase({ id: 'done-1', category: 'abdomen' }), aCase({ id: 'done-2', category: 'abdomen' })];
    const forward = rank({ cases: [...done, ...cases], sessions });
    const backward = rank({ cases: [...cases, ...done].reverse(), sessions: [...sessions].reverse() });
    expect(backward).toEqual(forward);
    // Titles compare by UTF-16 code units, the same on every machine: Z (U+005A), 乙 (U+4E59), 甲 (U+7532).
    expect(idsOf(forward)).toEqual(['e', 'd', 'c', 'a', 'b']);
  });

  it('says every reason in Chinese and in English', () => {
    const sessions = [1, 2].map(n => aSession({ id: `s${n}`, caseId: `done-${n}`, at: day(n), sheet: { 'pertinent-negatives': 1, 'tumour-staging': 1, 'prior-comparison': 1 } }));
    const cases = [
      aCase({ id: 'done-1' }),
      aCase({ id: 'done-2' }),
      aCase({ id: 'all', negatives: 2, priors: 2, diagnosis: 'stage III lung cancer', category: 'neuro', trainingYear: 3, modality: 'MR' }),
      aCase({ id: 'none', category: 'abdomen', trainingYear: 1 }),
    ];
    const reasons = rank({ cases, sessions }).flatMap(suggestion => suggestion.reasons);
    expect(reasons.length).toBeGreaterThanOrEqual(9);
    for (const reason of reasons) {
      expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.en).toMatch(/^[\x20-\x7e’“”]+$/);
    }
  });
});
