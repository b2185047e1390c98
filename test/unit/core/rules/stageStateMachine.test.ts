import { describe, expect, it } from 'vitest';
import { emptyWork } from '../../../../src/core/session/stageWork';
import { ADMIN, fullMarks, fullSheet, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const clinicalWork = () => {
  const work = emptyWork()['4.1'];
  work.items.complaint = { status: 'available', text: '咳嗽两周 / cough for two weeks' };
  work.items.labs = { status: 'missing', text: '' };
  return work;
};

describe('stage work: draft → submitted → evaluated', () => {
  it('lets the resident write a draft, as often as they like', () => {
    const driver = new SessionDriver();
    driver.do({ type: 'saveWork', stage: '4.1', work: clinicalWork() }, RESIDENT);
    expect(driver.session.stages['4.1']).toMatchObject({ status: 'draft', work: { items: { labs: { status: 'missing' } } } });
    driver.do({ type: 'saveWork', stage: '4.1', work: { ...clinicalWork(), summary: 'RUL nodule follow-up' } }, RESIDENT);
    expect(driver.session.stages['4.1'].work).toMatchObject({ summary: 'RUL nodule follow-up' });
  });

  it('refuses work that does not fit the stage, naming the field', () => {
    const driver = new SessionDriver();
    const result = driver.attempt({ type: 'saveWork', stage: '4.3', work: { findings: [{ id: 'f1', kind: 'maybe', description: 'x', location: '', annotationIds: [], pathology: '' }] } }, RESIDENT);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('input.invalidWork');
      expect(result.problem.message.en).toContain('findings.0.kind');
    }
  });

  it('takes stages in the guide’s order: a later stage waits for the earlier ones', () => {
    const driver = new SessionDriver();
    expect(driver.refused({ type: 'submitStage', stage: '4.2' }, RESIDENT)).toBe('state.earlierStageOpen');
    driver.do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    driver.do({ type: 'submitStage', stage: '4.2' }, RESIDENT);
    expect(driver.refused({ type: 'submitStage', stage: '4.5' }, RESIDENT)).toBe('state.earlierStageOpen');
  });

  it('freezes the resident’s work once submitted', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    expect(driver.session.stages['4.1'].status).toBe('submitted');
    expect(driver.session.stages['4.1'].submittedAt).toBeDefined();
    expect(driver.refused({ type: 'saveWork', stage: '4.1', work: clinicalWork() }, RESIDENT)).toBe('state.stageNotDraft');
    expect(driver.refused({ type: 'submitStage', stage: '4.1' }, RESIDENT)).toBe('state.stageNotDraft');
  });

  it('scores only what was submitted', () => {
    const driver = new SessionDriver();
    expect(driver.refused({ type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') }, TUTOR)).toBe('state.stageNotSubmitted');
    driver.do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    driver.do({ type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') }, TUTOR);
    expect(driver.session.stages['4.1']).toMatchObject({ status: 'evaluated', evaluation: { kind: 'criteria', evaluatorId: TUTOR.id } });
  });

  it('lets the tutor revise an evaluation until sign-off', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    driver.do({ type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') }, TUTOR);
    const revised = { ...fullMarks(driver.session, '4.1'), scores: { ...fullMarks(driver.session, '4.1').scores, 'reason-and-purpose': 2 } };
    driver.do({ type: 'evaluateStage', stage: '4.1', evaluation: revised }, TUTOR);
    expect(driver.session.stages['4.1'].evaluation).toMatchObject({ scores: { 'reason-and-purpose': 2 } });
  });

  it('sends a submitted stage back for revision only with a reason, and the resident can edit again', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    expect(driver.refused({ type: 'returnStage', stage: '4.1', reason: '  ' }, TUTOR)).toBe('input.reasonRequired');
    driver.do({ type: 'returnStage', stage: '4.1', reason: '实验室检查未查阅 / labs not read' }, TUTOR);
    expect(driver.session.stages['4.1'].status).toBe('draft');
    expect(driver.session.stages['4.1'].submittedAt).toBeUndefined();
    expect(driver.events.at(-1)).toMatchObject({ type: 'returnStage', reason: '实验室检查未查阅 / labs not read' });
    driver.do({ type: 'saveWork', stage: '4.1', work: clinicalWork() }, RESIDENT);
    const again = driver.attempt({ type: 'returnStage', stage: '4.1', reason: 'again' }, TUTOR);
    expect(again.ok || again.problem).toEqual({
      code: 'state.nothingToReturn',
      message: { zh: '环节 4.1 仍是住院医师的草稿，无需退回', en: 'Stage 4.1 is still the resident’s draft; there is nothing to return' },
    });
  });

  it('scores stage 4.5 on the report sheet and the other stages on criteria, not the other way round', () => {
    const driver = new SessionDriver();
    for (const stage of ['4.1', '4.2', '4.3', '4.4', '4.5'] as const) driver.do({ type: 'submitStage', stage }, RESIDENT);
    expect(driver.refused({ type: 'evaluateStage', stage: '4.5', evaluation: fullMarks(driver.session, '4.1') }, TUTOR)).toBe('input.wrongScoring');
    driver.do({ type: 'evaluateReport', evaluation: fullSheet(driver.session) }, TUTOR);
    expect(driver.session.stages['4.5'].evaluation?.kind).toBe('reportSheet');
  });
});

describe('scores the tutor enters', () => {
  const submitted = () => new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
  const withScore = (driver: SessionDriver, id: string, value: number | string) => ({
    type: 'evaluateStage',
    stage: '4.1',
    evaluation: { ...fullMarks(driver.session, '4.1'), scores: { ...fullMarks(driver.session, '4.1').scores, [id]: value } },
  });

  it('refuses a score above the criterion’s maximum, below zero or off the 0.5 step, saying which', () => {
    const driver = submitted();
    const [criterion] = driver.session.stageForm.stages[0]!.scoring === 'criteria' ? driver.session.stageForm.stages[0]!.criteria : [];
    const max = criterion!.kind === 'points' ? criterion!.max : 0;
    const over = driver.attempt(withScore(driver, criterion!.id, max + 0.5), TUTOR);
    expect(over.ok || over.problem).toMatchObject({ code: 'score.outOfRange', message: { en: expect.stringContaining(criterion!.label.en) } });
    expect(driver.refused(withScore(driver, criterion!.id, -1), TUTOR)).toBe('score.outOfRange');
    expect(driver.refused(withScore(driver, criterion!.id, 0.3), TUTOR)).toBe('score.offStep');
    expect(driver.refused(withScore(driver, criterion!.id, 'excellent'), TUTOR)).toBe('score.notNumber');
  });

  it('refuses scores for criteria the stage does not have', () => {
    const driver = submitted();
    expect(driver.refused(withScore(driver, 'made-up', 1), TUTOR)).toBe('input.unknownCriterion');
  });

  it('refuses report-sheet scores out of range, unknown items and unknown vetoes', () => {
    const driver = new SessionDriver();
    for (const stage of ['4.1', '4.2', '4.3', '4.4', '4.5'] as const) driver.do({ type: 'submitStage', stage }, RESIDENT);
    const sheet = fullSheet(driver.session);
    const [firstItem] = driver.session.reportSheet.sections[0]!.items;
    const tooMuch = { ...sheet, sheet: { ...sheet.sheet, items: { ...sheet.sheet.items, [firstItem!.id]: firstItem!.points + 1 } } };
    expect(driver.refused({ type: 'evaluateReport', evaluation: tooMuch }, TUTOR)).toBe('score.outOfRange');
    const unknownItem = { ...sheet, sheet: { ...sheet.sheet, items: { ...sheet.sheet.items, nope: 1 } } };
    expect(driver.refused({ type: 'evaluateReport', evaluation: unknownItem }, TUTOR)).toBe('sheet.unknownItem');
    const unknownVeto = { ...sheet, sheet: { ...sheet.sheet, vetoes: ['nope'] } };
    expect(driver.refused({ type: 'evaluateReport', evaluation: unknownVeto }, TUTOR)).toBe('sheet.unknownVeto');
  });

  it('refuses a command that is not one, with the reason', () => {
    const driver = new SessionDriver();
    expect(driver.refused({ type: 'deleteEverything' }, ADMIN)).toBe('input.invalidCommand');
    expect(driver.refused({ type: 'submitStage', stage: '4.9' }, RESIDENT)).toBe('input.invalidCommand');
  });
});
