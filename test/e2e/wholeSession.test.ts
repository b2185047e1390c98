import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_NODULE } from '../../src/dicomweb/sample/sampleCatalogue';
import { IN_PROGRESS_PLAN } from '../../src/records/seed/demoSessionPlans';
import { screenshotter } from '../support/screenshots';
import { drawAcrossNodule, openStage, panel, progress, scoreEveryCriterion, scoreEverySheetItem, sidewaysOverflow, toLanguage, waitForTeachingPanel, workStatus } from '../support/teachingPanel';
import { DEMO_PASSWORD, scrollToInstanceNumber, selectTool, waitForViewportsRendered } from '../support/viewer';
import { openWorkstations, type Workstations } from '../support/workstations';

const shot = screenshotter('e2e-whole-session');
const SESSION_ID = IN_PROGRESS_PLAN.id;
/** The session's live view reaches the other workstation within one look (every 4 s) and a little. */
const LIVE = { timeout: 20_000 };

interface StoredEvent {
  event: { type: string; actor: { id: string; role: string } };
}

/**
 * One whole teaching session from the guide, in the viewer, with real typing and real mouse
 * drawing: the resident works the five stages at their workstation; the tutor follows, asks and
 * scores 4.1–4.4 from their own; then sits down at the resident's screen, takes over with their own
 * password, scores the report sheet and signs off. The resident then sees the evaluation and the
 * tutor's corrections on the images.
 */
describe('a whole teaching session, two workstations and one shared screen', () => {
  let workstations: Workstations;
  let resident: Page;
  let tutor: Page;

  /** The panel as it stands, in Chinese and in English, with nothing wider than the panel. */
  const shotBoth = async (page: Page, name: string) => {
    for (const language of ['zh-CN', 'en'] as const) {
      await toLanguage(page, language);
      expect(await sidewaysOverflow(page)).toBe(0);
      await shot(page, `${name}-${language === 'en' ? 'en' : 'zh'}`, panel(page));
    }
    await toLanguage(page, 'zh-CN');
  };
  const serverSession = (page: Page) => page.evaluate(async id => (await (await fetch(`/api/sessions/${id}`)).json()).session, SESSION_ID);
  const submit = async (stage: string) => {
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await resident.getByTestId(`teaching-stage-${stage}`).getByTestId('teaching-submit-stage').click();
    await expect.poll(() => progress(resident, stage)).toBe('submitted');
  };
  /** The tutor, at their own workstation, sees the stage handed in without reloading, and scores it in full. */
  const tutorScores = async (stage: string) => {
    await expect.poll(() => progress(tutor, stage), LIVE).toBe('submitted');
    await openStage(tutor, stage);
    await scoreEveryCriterion(tutor, stage);
    await tutor.getByTestId(`teaching-scoring-${stage}`).getByTestId('teaching-scoring-feedback').pressSequentially(`${stage} 完成良好`);
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    await expect.poll(() => progress(tutor, stage)).toBe('evaluated');
    await shotBoth(tutor, `${stage}-tutor`);
  };

  beforeAll(async () => {
    workstations = await openWorkstations('whole');
    ({ resident, tutor } = workstations);
  });

  afterAll(() => workstations?.close());

  it('4.1: the resident writes the clinical information; the tutor asks, the resident answers, the tutor scores', async () => {
    await openStage(resident, '4.1');
    const summary = resident.getByTestId('teaching-clinical-summary');
    await summary.fill('');
    await summary.pressSequentially('男，68 岁，吸烟 40 年；右肺上叶结节 6 个月复查');
    await shotBoth(resident, '4.1-resident');
    await submit('4.1');

    await expect.poll(() => progress(tutor, '4.1'), LIVE).toBe('submitted');
    await openStage(tutor, '4.1');
    const asked = tutor.getByTestId('teaching-questions-4.1');
    await asked.getByTestId('teaching-question-new').pressSequentially('本例为何需要复查？');
    await asked.getByTestId('teaching-question-new').press('Enter');
    await expect.poll(() => workStatus(tutor)).toBe('saved');

    const answering = resident.getByTestId('teaching-questions-4.1');
    await expect.poll(() => answering.getByTestId('teaching-question').count(), LIVE).toBe(1);
    await answering.getByTestId('teaching-question-answer').pressSequentially('实性结节需随访观察其大小变化');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await expect.poll(() => tutor.getByTestId('teaching-questions-4.1').getByTestId('teaching-question-answer').inputValue(), LIVE).toBe('实性结节需随访观察其大小变化');
    await tutorScores('4.1');
  });

  it('4.2: the technique and image quality, handed in and scored', async () => {
    await openStage(resident, '4.2');
    await resident.locator('[data-testid="teaching-technique-field"][data-field="protocol"]').pressSequentially('胸部 CT 平扫，层厚 5 mm，120 kV');
    await resident.getByTestId('teaching-image-quality').selectOption('gradeA');
    await shotBoth(resident, '4.2-resident');
    await submit('4.2');
    await tutorScores('4.2');
  });

  it('4.3: a drawing on the nodule becomes a sign named from the list; the tutor sees it locked and draws a correction', async () => {
    await openStage(resident, '4.3');
    await scrollToInstanceNumber(resident, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(resident, 'Length');
    await drawAcrossNodule(resident);
    await resident.getByTestId('teaching-sign-picker').waitFor();
    await resident.keyboard.type('结节');
    await resident.keyboard.press('Enter');
    const sign = resident.getByTestId('teaching-finding').first();
    await expect.poll(() => sign.getByTestId('teaching-finding-description').inputValue()).toBe('结节');
    await sign.getByTestId('teaching-finding-location').pressSequentially('右肺上叶尖段');
    await sign.getByTestId('teaching-finding-pathology').pressSequentially('分叶、毛刺，提示肿瘤浸润性生长');
    await resident.getByTestId('teaching-add-negative').click();
    const negative = resident.locator('[data-testid="teaching-finding"][data-kind="negative"]');
    await negative.getByTestId('teaching-finding-description').pressSequentially('纵隔未见肿大淋巴结');
    await negative.getByTestId('teaching-finding-location').pressSequentially('纵隔');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await expect.poll(() => resident.getByTestId('teaching-save-status').getAttribute('data-state')).toBe('saved');
    await shotBoth(resident, '4.3-resident');
    await submit('4.3');

    // At the tutor's workstation the resident's drawing arrives by itself, listed as the resident's and locked.
    const residentRow = tutor.locator('[data-testid="teaching-annotation-row"]').first();
    await expect.poll(() => tutor.locator('[data-testid="teaching-annotation-row"]').count(), LIVE).toBe(1);
    expect(await residentRow.getByTestId('teaching-annotation-author').getAttribute('data-role')).toBe('resident');
    expect(await residentRow.getByTestId('teaching-read-only').count()).toBe(1);
    await scrollToInstanceNumber(tutor, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(tutor, 'Length');
    await drawAcrossNodule(tutor, 8);
    await expect.poll(() => tutor.locator('[data-testid="teaching-annotation-row"]').count()).toBe(2);
    const correction = tutor.locator('[data-testid="teaching-annotation-row"]').nth(1);
    expect(await correction.getByTestId('teaching-annotation-author').getAttribute('data-role')).toBe('tutor');
    await expect.poll(() => tutor.getByTestId('teaching-save-status').getAttribute('data-state')).toBe('saved');
    await tutorScores('4.3');
    await shot(tutor, '4.3-correction-tutor-zh');
    // The tutor's correction stays the tutor's until sign-off: the resident does not see the answer yet.
    await new Promise(resolve => setTimeout(resolve, 5_000));
    expect(await resident.locator('[data-testid="teaching-annotation-row"]').count()).toBe(1);
  });

  it('4.4: with the prior opened beside the current study, the diagnosis, handed in and scored', async () => {
    await openStage(resident, '4.4');
    await resident.getByTestId('teaching-prior-toggle').click();
    await expect
      .poll(() => resident.evaluate(() => (window as any).cornerstone.getRenderingEngines().flatMap((engine: any) => engine.getViewports()).length), LIVE)
      .toBe(2);
    await waitForViewportsRendered(resident);
    await shot(resident, '4.4-prior-beside-resident-zh');
    await resident.getByTestId('teaching-add-differential').click();
    await resident.keyboard.type('周围型肺癌');
    await resident.getByTestId('teaching-differential-reasoning').pressSequentially('分叶、毛刺，6 个月增大');
    await resident.getByTestId('teaching-final-diagnosis').pressSequentially('右肺上叶周围型肺癌');
    await resident.getByTestId('teaching-nature').pressSequentially('恶性可能大');
    await resident.getByTestId('teaching-change-from-prior').pressSequentially('较 6 个月前由 8 mm 增大至 14 mm');
    await resident.getByTestId('teaching-prior-toggle').click();
    await expect
      .poll(() => resident.evaluate(() => (window as any).cornerstone.getRenderingEngines().flatMap((engine: any) => engine.getViewports()).length))
      .toBe(1);
    await shotBoth(resident, '4.4-resident');
    await submit('4.4');
    await tutorScores('4.4');
  });

  it('4.5: the report, prefilled from the stages and finished by the resident, handed in', async () => {
    await openStage(resident, '4.5');
    const impression = resident.locator('[data-testid="teaching-report-section"][data-section="impression"]').getByTestId('teaching-report-text');
    await expect.poll(() => impression.inputValue()).toContain('右肺上叶周围型肺癌');
    await impression.press('Control+End');
    await impression.pressSequentially('\n建议 CT 引导下穿刺活检');
    await shotBoth(resident, '4.5-resident');
    await submit('4.5');
  });

  it("the tutor takes over the resident's screen with their password, scores the report sheet and signs off", async () => {
    await resident.getByTestId('teaching-stand-in-open').click();
    const form = resident.getByTestId('teaching-stand-in-form');
    await form.getByTestId('teaching-stand-in-username').pressSequentially('tutor1');
    await form.getByTestId('teaching-stand-in-password').pressSequentially(DEMO_PASSWORD);
    await form.getByTestId('teaching-stand-in-submit').click();
    await expect.poll(() => resident.getByTestId('teaching-stand-in-tutor').innerText()).toBe('王建华 正在本工作站评分');

    await openStage(resident, '4.5');
    await resident.getByTestId('teaching-report-sheet').waitFor();
    const total = await scoreEverySheetItem(resident);
    await expect.poll(() => resident.getByTestId('teaching-sheet-total').innerText()).toBe(`${total} / ${total} 分`);
    await resident.getByTestId('teaching-sheet-main-problems').pressSequentially('建议写明与既往检查的比较');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await expect.poll(() => progress(resident, '4.5')).toBe('evaluated');
    await shotBoth(resident, '4.5-tutor-at-resident-screen');

    await resident.getByTestId('teaching-sign-off-action').click();
    await resident.getByTestId('teaching-sign-off-confirm').click();
    await resident.getByTestId('teaching-signed-off').waitFor();
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await resident.getByTestId('teaching-stand-in-hand-back').click();
    await resident.getByTestId('teaching-stand-in-active').waitFor({ state: 'detached' });

    // Every score and the sign-off are the tutor's in the session's history, none the resident's.
    const { events } = (await resident.evaluate(async id => (await fetch(`/api/sessions/${id}/events`)).json(), SESSION_ID)) as { events: StoredEvent[] };
    const scoring = events.map(({ event }) => event).filter(event => ['evaluateStage', 'evaluateReport', 'signOff', 'askQuestion'].includes(event.type));
    expect(new Set(scoring.map(event => event.type))).toEqual(new Set(['evaluateStage', 'evaluateReport', 'signOff', 'askQuestion']));
    expect(new Set(scoring.map(event => event.actor.id))).toEqual(new Set(['demo-tutor1']));
    const stored = await serverSession(resident);
    expect(stored.signOff.by).toBe('demo-tutor1');
  });

  it("after sign-off the resident sees the scores, the feedback and the tutor's correction on the images", async () => {
    await resident.reload();
    await waitForTeachingPanel(resident);
    await resident.getByTestId('teaching-evaluation-summary').waitFor();
    await openStage(resident, '4.1');
    expect(await resident.getByTestId('teaching-evaluation-summary').innerText()).toContain('4.1 完成良好');
    await expect.poll(() => resident.locator('[data-testid="teaching-annotation-row"]').count(), LIVE).toBe(2);
    expect(await resident.locator('[data-testid="teaching-annotation-author"][data-role="tutor"]').count()).toBe(1);
    expect(await resident.getByTestId('teaching-clinical-summary').getAttribute('readonly')).not.toBeNull();
    await shot(resident, 'signed-resident-zh');
    await toLanguage(resident, 'en');
    expect(await resident.getByTestId('teaching-signed-off').innerText()).toMatch(/Signed off/);
    await shot(resident, 'signed-resident-en', panel(resident));

    const sheet = await resident.evaluate(async id => (await fetch(`/api/sessions/${id}/score-sheet`)).text(), SESSION_ID);
    expect(sheet).toContain('李明轩');
    expect(sheet).toContain('王建华');
    expect(sheet).toContain('建议写明与既往检查的比较');
  });
});
