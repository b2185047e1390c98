import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaFor } from '../../src/core/scoring/stageResult';
import type { TeachingSession } from '../../src/core/session/session';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { commandsToScore } from '../fixtures/scoredSession';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-sign-off');
const STUDY = SAMPLE_STUDIES.chestCt.studyUID;
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${STUDY}`;

/**
 * The end of a session: the tutor signs it off once every stage is scored, the resident then sees the
 * evaluation and can change nothing, the tutor amends a score with a reason, and the score sheet prints.
 */
describe('sign-off, the evaluation after it, amendments and the score sheet', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let residentContext: BrowserContext;
  let tutorContext: BrowserContext;
  let resident: Page;
  let tutor: Page;
  let lastCriterion: { id: string; max: number };

  const panel = (page: Page) => page.getByTestId('teaching-panel');
  const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');
  const open = async (page: Page) => {
    await page.goto(`${server.url}${TEACHING_URL}`);
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await page.getByTestId('teaching-stepper').waitFor();
  };
  const toStage = (page: Page, stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`).click();
  const toggleLanguage = (page: Page) => page.getByTestId('teaching-language-toggle').click();
  /** Text fields and choices in the panel that someone could still change. */
  const editable = (page: Page) =>
    panel(page)
      .locator('textarea:not([readonly]):not([disabled]), input:not([readonly]):not([disabled]), select:not([disabled])')
      .count();

  /** One command with the person's own cookie, on the version the server holds now. */
  async function command(context: BrowserContext, sessionId: string, body: unknown) {
    const current = await (await context.request.get(`${server.url}/api/sessions/${sessionId}`)).json();
    const response = await context.request.post(`${server.url}/api/sessions/${sessionId}/commands`, { data: { version: current.version, command: body } });
    expect(response.status(), await response.text()).toBe(200);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-sign-off-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    residentContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    tutorContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // The score sheet asks to be printed on load; here that is recorded instead of opening a dialog.
    for (const context of [residentContext, tutorContext]) await context.addInitScript(() => Object.assign(window, { print: () => Object.assign(window, { printed: true }) }));
    resident = await residentContext.newPage();
    tutor = await tutorContext.newPage();
    for (const [page, username] of [[resident, 'resident1'], [tutor, 'tutor1']] as const) {
      await page.goto(`${server.url}/api/auth/sign-in`);
      await signIn(page, server.url, username);
      await page.goto('about:blank');
    }

    // Quickly to where only the last criterion of 4.4 is still to score, each person sending their own part.
    const { sessions } = await (await tutorContext.request.get(`${server.url}/api/sessions?studyInstanceUID=${STUDY}&open=true`)).json();
    const session = sessions[0].session as TeachingSession;
    const last = criteriaFor(session.stageForm, '4.4', session.realTime).at(-1)!;
    if (last.kind !== 'points') throw new Error('the test gives the last 4.4 criterion its points by typing');
    lastCriterion = { id: last.id, max: last.max };
    const running = session.timer.intervals.length > 0;
    for (const step of commandsToScore(session, [last.id])) {
      if (step.command.type === 'startClock' && running) continue;
      await command(step.by === 'resident' ? residentContext : tutorContext, session.id, step.command);
    }
    await open(tutor);
    await open(resident);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the tutor why sign-off is refused while a score is missing', async () => {
    const action = tutor.getByTestId('teaching-sign-off-action');
    await action.waitFor();
    expect(await action.isDisabled()).toBe(true);
    const refusal = tutor.getByTestId('teaching-sign-off-refusal');
    expect(await refusal.innerText()).toMatch(/尚不能签署.*4\.4/);
    expect(await action.getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));
    expect(await action.getAttribute('title')).toBe(await refusal.innerText());
    await toStage(tutor, '4.4');
    await shot(tutor, 'refused-zh', panel(tutor));
    await toggleLanguage(tutor);
    expect(await refusal.innerText()).toMatch(/Not ready to sign off: stage 4\.4/);
    await shot(tutor, 'refused-en', panel(tutor));
    await toggleLanguage(tutor);
  });

  it('signs off after the last score, once confirmed', async () => {
    await tutor.locator(`[data-testid="teaching-criterion"][data-criterion="${lastCriterion.id}"] [data-testid="teaching-criterion-score"]`).fill(String(lastCriterion.max));
    const action = tutor.getByTestId('teaching-sign-off-action');
    await expect.poll(() => action.isEnabled()).toBe(true);
    expect(await tutor.getByTestId('teaching-sign-off-refusal').count()).toBe(0);
    await expect.poll(() => workStatus(tutor)).toBe('saved');

    await action.click();
    await tutor.getByTestId('teaching-sign-off-confirmation').waitFor();
    await shot(tutor, 'confirm-zh', panel(tutor));
    await tutor.getByTestId('teaching-sign-off-cancel').click();
    expect(await tutor.getByTestId('teaching-signed-off').count()).toBe(0);
    await action.click();
    await tutor.getByTestId('teaching-sign-off-confirm').click();
    await tutor.getByTestId('teaching-signed-off').waitFor();
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    expect(await tutor.getByTestId('teaching-signed-by').innerText()).toMatch(/^已由 王建华 于 \d{4}-\d\d-\d\d \d\d:\d\d 签署$/);
    const { session } = await (await tutorContext.request.get(`${server.url}/api/sessions/${(await tutor.evaluate(async study => (await (await fetch(`/api/sessions?studyInstanceUID=${study}`)).json()).sessions[0].session.id, STUDY))}`)).json();
    expect(session.signOff.by).toBe('demo-tutor1');

    await tutor.reload();
    await waitForViewportsRendered(tutor);
    await tutor.getByTestId('teaching-signed-off').waitFor();
    expect(await tutor.getByTestId('teaching-scoring-4.4').count()).toBe(0);
    expect(await editable(tutor)).toBe(0);
    await shot(tutor, 'signed-tutor-zh', panel(tutor));
  });

  it('shows the resident the evaluation, with nothing left to edit', async () => {
    await resident.reload();
    await waitForViewportsRendered(resident);
    await resident.getByTestId('teaching-signed-off').waitFor();
    expect(await resident.getByTestId('teaching-signed-by').innerText()).toMatch(/^已由 指导医师 于 .* 签署$/);
    await toStage(resident, '4.1');
    const summary = resident.getByTestId('teaching-evaluation-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('teaching-summary-feedback').innerText()).toContain('4.1 反馈：思路清晰');
    expect(await summary.getByTestId('teaching-summary-guidance').innerText()).toContain('4.1 指导：注意鉴别诊断');
    expect(await summary.locator('[data-testid="teaching-summary-stage"][data-stage="4.4"]').innerText()).toMatch(/^4\.4\s+\d+\/\d+分$/);
    expect(await editable(resident)).toBe(0);
    expect(await resident.getByTestId('teaching-submit-stage').count()).toBe(0);
    await shot(resident, 'resident-summary-4.1-zh', panel(resident));

    await toStage(resident, '4.5');
    expect(await summary.getByTestId('teaching-summary-sheet-total').innerText()).toMatch(/^报告得分：97 \/ 100/);
    expect(await summary.getByTestId('teaching-summary-sheet-band').innerText()).toContain('优秀');
    expect(await summary.getByTestId('teaching-summary-sheet-vetoes').innerText()).toBe('无否决项');
    expect(await summary.getByTestId('teaching-summary-main-problems').innerText()).toContain('阴性征象描述不足');
    expect(await editable(resident)).toBe(0);
    await shot(resident, 'resident-summary-4.5-zh', panel(resident));
    await toggleLanguage(resident);
    expect(await summary.getByTestId('teaching-summary-sheet-total').innerText()).toMatch(/^Report score: 97 \/ 100/);
    await shot(resident, 'resident-summary-4.5-en', panel(resident));
    await toStage(resident, '4.1');
    await shot(resident, 'resident-summary-4.1-en', panel(resident));
    await toggleLanguage(resident);

    // Nor through the API: the session is locked for the resident's work too.
    const { sessions } = await (await residentContext.request.get(`${server.url}/api/sessions?studyInstanceUID=${STUDY}`)).json();
    const refused = await residentContext.request.post(`${server.url}/api/sessions/${sessions[0].session.id}/commands`, {
      data: { version: sessions[0].version, command: { type: 'saveWork', stage: '4.5', work: sessions[0].session.stages['4.5'].work } },
    });
    expect(refused.status()).toBe(422);
  });

  it('lets the tutor amend a score with a reason, the signed original staying beside it', async () => {
    await toStage(tutor, '4.1');
    await tutor.getByTestId('teaching-amend-open').click();
    const editor = tutor.getByTestId('teaching-amend-editor');
    await editor.getByTestId('teaching-amend-target').selectOption('4.1');
    const first = editor.getByTestId('teaching-amend-criterion').first();
    const score = first.getByTestId('teaching-amend-score');
    const max = Number(await score.getAttribute('max'));
    const signedScore = Number(await score.inputValue());
    expect(signedScore).toBe(max - 1);
    await score.fill(String(max));
    expect(await editor.getByTestId('teaching-amend-submit').isDisabled()).toBe(true);
    await editor.getByTestId('teaching-amend-reason').pressSequentially('复核录像后确认临床信息提取完整');
    await expect.poll(() => editor.getByTestId('teaching-amend-submit').isEnabled()).toBe(true);
    await shot(tutor, 'amend-editor-zh', panel(tutor));
    await editor.getByTestId('teaching-amend-submit').click();
    await expect.poll(() => workStatus(tutor)).toBe('saved');

    const amendment = tutor.getByTestId('teaching-amendment');
    await amendment.waitFor();
    expect(await amendment.getByTestId('teaching-amendment-reason').innerText()).toContain('复核录像后确认临床信息提取完整');
    expect(await amendment.getByTestId('teaching-amendment-change').first().innerText()).toContain(`${signedScore} → ${max}`);
    const criterion = tutor.getByTestId('teaching-summary-criterion').first();
    expect(await criterion.getByTestId('teaching-summary-criterion-score').innerText()).toBe(String(max));
    expect(await criterion.getByTestId('teaching-as-signed').innerText()).toBe(`签署时：${signedScore}`);
    await criterion.scrollIntoViewIfNeeded();
    await shot(tutor, 'amended-zh', panel(tutor));
    await amendment.scrollIntoViewIfNeeded();
    await shot(tutor, 'amendment-list-zh', panel(tutor));
    await toggleLanguage(tutor);
    expect(await criterion.getByTestId('teaching-as-signed').innerText()).toBe(`as signed: ${signedScore}`);
    await shot(tutor, 'amendment-list-en', panel(tutor));
    await criterion.scrollIntoViewIfNeeded();
    await shot(tutor, 'amended-en', panel(tutor));
    await toggleLanguage(tutor);

    await resident.reload();
    await waitForViewportsRendered(resident);
    await toStage(resident, '4.1');
    await resident.getByTestId('teaching-amendment').waitFor();
    expect(await resident.getByTestId('teaching-summary-criterion').first().getByTestId('teaching-as-signed').innerText()).toBe(`签署时：${signedScore}`);
    expect(await editable(resident)).toBe(0);
    await resident.getByTestId('teaching-amendment').scrollIntoViewIfNeeded();
    await shot(resident, 'resident-amended-zh', panel(resident));
  });

  it('opens the score sheet in a new tab that prints itself, for the tutor and the resident', async () => {
    for (const [page, language] of [
      [tutor, 'zh-CN'],
      [resident, 'zh-CN'],
      [tutor, 'en'],
    ] as const) {
      if (language === 'en') await toggleLanguage(page);
      const [sheet] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('teaching-print-score-sheet').click()]);
      await sheet.waitForLoadState('load');
      expect(sheet.url()).toContain(`score-sheet?language=${language}&print=1`);
      await expect.poll(() => sheet.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);
      const text = await sheet.locator('main').innerText();
      expect(text).toContain(language === 'en' ? 'Imaging report-writing instruction' : '影像诊断报告书写指导记录');
      expect(text).toContain('复核录像后确认临床信息提取完整');
      await sheet.setViewportSize({ width: 900, height: 1200 });
      await shot(sheet, `score-sheet-${page === tutor ? 'tutor' : 'resident'}-${language}`);
      await sheet.close();
      if (language === 'en') await toggleLanguage(page);
    }
  });
});
