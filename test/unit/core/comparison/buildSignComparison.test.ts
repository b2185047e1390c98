import { describe, expect, it } from 'vitest';
import { buildSignComparison, DEFAULT_TOLERANCES, storedSignComparison, withNegativeChecks, type SignComparisonInput } from '../../../../src/core/comparison';
import { DEFAULT_STAGE_FORM } from '../../../../src/core/rubric/defaultStageForm';
import type { TeachingSession } from '../../../../src/core/session/session';
import type { Finding } from '../../../../src/core/session/stageWork';
import type { TeachingCase } from '../../../../src/core/session/teachingCase';
import { draftSession, TEACHING_CASE } from '../../../fixtures/teachingSessions';
import { drawn, ellipse, length, SERIES } from '../../../fixtures/cornerstoneAnnotations';

const finding = (id: string, kind: Finding['kind'], annotationIds: string[] = []): Finding => ({ id, kind, description: id, location: '', annotationIds, pathology: '' });

const REPORT = { examination: '胸部 CT 平扫', clinicalInformation: '', technique: '', findings: '右肺上叶结节', impression: '周围型肺癌可能', recommendations: '' };

const CASE: TeachingCase = {
  ...TEACHING_CASE,
  referenceAnswer: {
    findings: [finding('nodule', 'positive', ['ref-length']), finding('oedema', 'positive', ['ref-ellipse']), finding('nodes', 'negative'), finding('pleura', 'negative')],
    diagnosis: '周围型肺癌',
    report: REPORT,
  },
};

function session(findings: Finding[] = []): TeachingSession {
  const base = draftSession();
  return { ...base, stageForm: DEFAULT_STAGE_FORM, stages: { ...base.stages, '4.3': { ...base.stages['4.3'], work: { findings } } } };
}

const REFERENCE = [length('ref-length', [-69, -14, -60], [-55, -14, -60]), ellipse('ref-ellipse', [30, 20, -60], 12, 9, { sopInstanceUID: `${SERIES}.99` })];

function build(overrides: Partial<SignComparisonInput> = {}) {
  return buildSignComparison({
    session: session([finding('own-nodule', 'positive', ['res-length']), finding('own-negative', 'negative')]),
    teachingCase: CASE,
    caseVersion: 4,
    referenceAnnotations: REFERENCE,
    residentAnnotations: [length('res-length', [-68.5, -14, -60], [-54.8, -14.2, -60]), drawn('res-key', 'KeyImage', { handles: { points: [[0, 0, 0]] } })],
    tolerances: DEFAULT_TOLERANCES,
    at: '2026-11-03T02:30:00Z',
    by: 'tutor-wang',
    ...overrides,
  });
}

describe('buildSignComparison', () => {
  it('keeps a copy of the reference, compares, and suggests points from the 4.3 criteria of the session', () => {
    const stored = build();
    expect(storedSignComparison.parse(stored)).toEqual(stored);
    expect(stored).toMatchObject({ sessionId: 'session-1', caseId: CASE.id, caseVersion: 4, computedAt: '2026-11-03T02:30:00Z', computedBy: 'tutor-wang', tolerances: DEFAULT_TOLERANCES });
    expect(stored.reference.findings).toEqual(CASE.referenceAnswer!.findings);
    expect(stored.reference.diagnosis).toBe('周围型肺癌');
    expect(stored.reference.report).toEqual(REPORT);
    expect(stored.reference.annotations.map(annotation => [annotation.uid, annotation.geometry?.shape])).toEqual([
      ['ref-length', 'segments'],
      ['ref-ellipse', 'area'],
    ]);
    expect(stored.resident.map(geometry => geometry.uid)).toEqual(['res-length']);
    expect(stored.result).toEqual({
      found: [{ referenceUid: 'ref-length', residentUid: 'res-length', referenceMm: 14, residentMm: 13.7, differenceMm: -0.3 }],
      missed: ['ref-ellipse'],
      extra: [],
    });
    expect(stored.uncompared).toEqual([{ uid: 'res-key', owner: 'resident', reason: { zh: '“KeyImage”工具的标注不参与比较', en: 'Drawings of the "KeyImage" tool are not compared' } }]);
    expect(stored.suggestion.scores).toEqual({ 'positive-signs': 2.5, 'pertinent-negatives': 1.5, 'all-relevant-images': 4 });
    expect(stored.suggestion.reasons['positive-signs']!.en).toBe('Found 1 of 2 positive signs');
  });

  it('sets a drawing on an image no longer in the PACS aside, with the reason, instead of failing', () => {
    const stored = build({ missingImages: [`${SERIES}.99`] });
    expect(stored.reference.annotations.find(annotation => annotation.uid === 'ref-ellipse')!.geometry).toBeNull();
    expect(stored.uncompared).toContainEqual({ uid: 'ref-ellipse', owner: 'reference', reason: { zh: '该标注所在的图像已不在影像存档中', en: 'The image this drawing is on is no longer in the PACS' } });
    expect(stored.result.missed).toEqual([]);
    // The oedema's only drawing could not be compared, so it is left out of the share.
    expect(stored.suggestion.scores['positive-signs']).toBe(5);
    expect(stored.suggestion.reasons['positive-signs']!.en).toContain('1 positive sign has no reference drawing to compare');
  });

  it("uses the tutor's ticks of negatives the reference lists and drops ticks of any it no longer does", () => {
    const check = { recorded: true, by: 'tutor-wang', at: '2026-11-03T02:40:00Z' };
    const stored = build({ negativeChecks: { nodes: check, pleura: check, removed: check } });
    expect(Object.keys(stored.negativeChecks).sort()).toEqual(['nodes', 'pleura']);
    expect(stored.suggestion.scores['pertinent-negatives']).toBe(3);
  });

  it('compares against an empty reference when the case has no reference answer', () => {
    const stored = build({ teachingCase: { ...CASE, referenceAnswer: undefined }, referenceAnnotations: [] });
    expect(stored.reference).toEqual({ annotations: [], findings: [], diagnosis: '' });
    expect(stored.result).toEqual({ found: [], missed: [], extra: ['res-length'] });
    expect(stored.suggestion.scores).toEqual({});
    expect(storedSignComparison.safeParse(stored).success).toBe(true);
  });

  it('works the suggestion out again from the stored comparison when the tutor ticks negatives, as a fresh comparison would', () => {
    const check = { recorded: true, by: 'tutor-wang', at: '2026-11-03T02:40:00Z' };
    const stored = build({ missingImages: [`${SERIES}.99`] });
    const ticked = withNegativeChecks(stored, session([finding('own-nodule', 'positive', ['res-length']), finding('own-negative', 'negative')]), { nodes: check, removed: check });
    expect(ticked).toEqual(build({ missingImages: [`${SERIES}.99`], negativeChecks: { nodes: check } }));
    expect(ticked.suggestion.reasons['pertinent-negatives']!.en).toBe('Recorded 1 of 2 pertinent negative signs; 1 not checked yet, counted as not recorded');
    expect(stored.negativeChecks).toEqual({});
  });
});
