import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotter } from '../support/screenshots';
import { scoreEveryCriterion, waitForTeachingPanel } from '../support/teachingPanel';
import { openWorkstations, type Workstations } from '../support/workstations';

const shot = screenshotter('e2e-tutor-scoring');

/** The tutor scores a handed-in stage at their own workstation, beside the resident's work, and can send it back. */
describe("the tutor's scores of a stage", () => {
  let workstations: Workstations;
  let resident: Page;
  let tutor: Page;

  const panel = (page: Page) => page.getByTestId('teaching-panel');
  const progress = (page: Page, stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`).getAttribute('data-progress');
  const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');

  beforeAll(async () => {
    workstations = await openWorkstations('scoring');
    ({ resident, tutor } = workstations);
  });

  afterAll(() => workstations?.close());

  it("appears once the resident has handed the stage in", async () => {
    expect(await tutor.getByTestId('teaching-scoring-4.1').count()).toBe(0);
    await resident.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => progress(resident, '4.1')).toBe('submitted');
    await tutor.reload();
    await waitForTeachingPanel(tutor);
    await tutor.getByTestId('teaching-scoring-4.1').waitFor();
  });

  it('scores each criterion of the rubric, with the total as it goes, kept through a reload', async () => {
    const scoring = tutor.getByTestId('teaching-scoring-4.1');
    await scoring.waitFor();
    // The resident's work is there beside it, to be read, not changed.
    expect(await tutor.locator('[data-testid="teaching-clinical-item"][data-item="complaint"] textarea').getAttribute('readonly')).not.toBeNull();
    const criteria = scoring.getByTestId('teaching-criterion');
    const count = await criteria.count();
    expect(count).toBeGreaterThan(1);
    await scoreEveryCriterion(tutor, '4.1');
    await scoring.getByTestId('teaching-scoring-feedback').pressSequentially('临床信息提取完整，缺失项已注明');
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    await expect.poll(() => progress(tutor, '4.1')).toBe('evaluated');
    const total = await scoring.getByTestId('teaching-scoring-total').innerText();
    await shot(tutor, 'scored-zh', panel(tutor));

    await tutor.reload();
    await waitForTeachingPanel(tutor);
    // Scored in full, 4.1 is no longer where the session opens: the tutor goes back to it.
    expect(await tutor.getByTestId('teaching-stage-title').innerText()).toMatch(/^4\.2/);
    await tutor.locator('[data-testid="teaching-step"][data-stage="4.1"]').click();
    await expect.poll(() => tutor.getByTestId('teaching-scoring-total').innerText()).toBe(total);
    expect(await tutor.getByTestId('teaching-scoring-feedback').inputValue()).toBe('临床信息提取完整，缺失项已注明');
    const { sessions } = await tutor.evaluate(async () => (await fetch('/api/sessions?open=true')).json());
    expect(sessions[0].session.stages['4.1'].evaluation).toMatchObject({ kind: 'criteria', evaluatorId: 'demo-tutor1', feedback: '临床信息提取完整，缺失项已注明' });
  });

  it('sends the stage back with a reason, which the resident then sees as returned', async () => {
    await tutor.getByTestId('teaching-return-reason').pressSequentially('请补充实验室检查结果');
    await tutor.getByTestId('teaching-return-stage').click();
    await expect.poll(() => progress(tutor, '4.1')).toBe('returned');
    await tutor.getByTestId('teaching-language-toggle').click();
    await shot(tutor, 'returned-en', panel(tutor));
    await resident.reload();
    await waitForTeachingPanel(resident);
    await expect.poll(() => progress(resident, '4.1')).toBe('returned');
    expect(await resident.getByTestId('teaching-scoring-4.1').count()).toBe(0);
  });
});
