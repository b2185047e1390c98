import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-tutor-scoring');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;

/** The tutor scores a handed-in stage at their own workstation, beside the resident's work, and can send it back. */
describe("the tutor's scores of a stage", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;
  let tutor: Page;

  const panel = (page: Page) => page.getByTestId('teaching-panel');
  const progress = (page: Page, stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`).getAttribute('data-progress');
  const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');
  const open = async (page: Page) => {
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await page.getByTestId('teaching-stepper').waitFor();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-scoring-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    resident = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    tutor = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    for (const [page, username] of [[resident, 'resident1'], [tutor, 'tutor1']] as const) {
      await page.goto(`${server.url}${TEACHING_URL}`);
      await signIn(page, server.url, username);
      await open(page);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("appears once the resident has handed the stage in", async () => {
    expect(await tutor.getByTestId('teaching-scoring-4.1').count()).toBe(0);
    await resident.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => progress(resident, '4.1')).toBe('submitted');
    await tutor.reload();
    await open(tutor);
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
    for (let index = 0; index < count; index++) {
      const input = criteria.nth(index).getByTestId('teaching-criterion-score');
      if ((await input.evaluate(element => element.tagName)) === 'SELECT') {
        const values = await input.locator('option').evaluateAll(options => options.map(option => (option as HTMLOptionElement).value).filter(Boolean));
        await input.selectOption(values[0]!);
      } else {
        await input.fill((await input.getAttribute('max'))!);
      }
    }
    await scoring.getByTestId('teaching-scoring-feedback').pressSequentially('临床信息提取完整，缺失项已注明');
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    await expect.poll(() => progress(tutor, '4.1')).toBe('evaluated');
    const total = await scoring.getByTestId('teaching-scoring-total').innerText();
    await shot(tutor, 'scored-zh', panel(tutor));

    await tutor.reload();
    await open(tutor);
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
    await open(resident);
    await expect.poll(() => progress(resident, '4.1')).toBe('returned');
    expect(await resident.getByTestId('teaching-scoring-4.1').count()).toBe(0);
  });
});
