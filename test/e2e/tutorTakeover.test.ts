import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { scoreEveryCriterion } from '../support/teachingPanel';
import { startServer, type RunningServer } from '../support/serverProcess';
import { DEMO_PASSWORD, dismissBanner, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-tutor-takeover');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;

/**
 * The tutor beside the resident at the resident's workstation: the resident stays signed in, the
 * tutor takes over scoring with their own password, scores, and hands back. Every score is the tutor's.
 */
describe("the tutor takes over scoring on the resident's screen", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const panel = () => page.getByTestId('teaching-panel');
  const progress = (stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`).getAttribute('data-progress');
  const workStatus = () => page.getByTestId('teaching-work-status').getAttribute('data-state');
  const open = async () => {
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await page.getByTestId('teaching-stepper').waitFor();
  };
  /** The session's history as the records service holds it, read with the workstation's own sign-in. */
  const events = () =>
    page.evaluate(async () => {
      const { sessions } = await (await fetch('/api/sessions?open=true')).json();
      const answer = await (await fetch(`/api/sessions/${sessions[0].session.id}/events`)).json();
      return (answer.events as Array<{ event: { type: string; actor: { id: string; role: string } } }>).map(({ event }) => ({ type: event.type, actor: event.actor }));
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-takeover-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`${server.url}${TEACHING_URL}`);
    await signIn(page, server.url, 'resident1');
    await open();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the resident writes 4.1 and hands it in, and sees no scoring', async () => {
    const complaint = page.locator('[data-testid="teaching-clinical-item"][data-item="complaint"]').getByTestId('teaching-clinical-text');
    await complaint.click();
    await complaint.press('Control+Home');
    await complaint.pressSequentially('咳嗽 2 周。');
    await expect.poll(workStatus).toBe('saved');
    await page.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => progress('4.1')).toBe('submitted');
    expect(await page.getByTestId('teaching-scoring-4.1').count()).toBe(0);
    expect(await page.getByTestId('teaching-account-name').innerText()).toBe('李明轩');
    await shot(page, 'resident-handed-in-zh', panel());
  });

  it('refuses a wrong password, then lets the tutor take over with theirs, typed', async () => {
    await page.getByTestId('teaching-stand-in-open').click();
    const form = page.getByTestId('teaching-stand-in-form');
    expect(await form.getByTestId('teaching-stand-in-password').getAttribute('autocomplete')).toBe('off');
    await form.getByTestId('teaching-stand-in-username').pressSequentially('tutor1');
    await form.getByTestId('teaching-stand-in-password').pressSequentially('not the password');
    await form.getByTestId('teaching-stand-in-submit').click();
    await expect.poll(() => page.getByTestId('teaching-stand-in-notice').innerText()).toContain('未能接管：用户名或密码不正确');
    await shot(page, 'wrong-password-zh', panel());

    await form.getByTestId('teaching-stand-in-password').pressSequentially(DEMO_PASSWORD);
    await form.getByTestId('teaching-stand-in-submit').click();
    await expect.poll(() => page.getByTestId('teaching-stand-in-tutor').innerText()).toBe('王建华 正在本工作站评分');
    // Still the resident's sign-in: the account bar says so, and so does the banner.
    expect(await page.getByTestId('teaching-account-name').innerText()).toBe('李明轩');
    expect(await page.getByTestId('teaching-stand-in-active').innerText()).toContain('本工作站登录者：李明轩');
    await page.getByTestId('teaching-scoring-4.1').waitFor();
    // The resident's work is shown to be read, not changed.
    expect(await page.locator('[data-testid="teaching-clinical-item"][data-item="complaint"] textarea').getAttribute('readonly')).not.toBeNull();
    await shot(page, 'taken-over-zh', panel());
  });

  it('keeps the takeover through a reload of the tab', async () => {
    await page.reload();
    await open();
    await expect.poll(() => page.getByTestId('teaching-stand-in-tutor').innerText()).toBe('王建华 正在本工作站评分');
    await page.getByTestId('teaching-scoring-4.1').waitFor();
  });

  it("scores 4.1 as the tutor: the session's history names the tutor", async () => {
    const scoring = page.getByTestId('teaching-scoring-4.1');
    const criteria = scoring.getByTestId('teaching-criterion');
    const count = await criteria.count();
    expect(count).toBeGreaterThan(1);
    await scoreEveryCriterion(page, '4.1');
    await scoring.getByTestId('teaching-scoring-feedback').pressSequentially('病史采集完整');
    await expect.poll(workStatus).toBe('saved');
    await expect.poll(() => progress('4.1')).toBe('evaluated');
    await page.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => page.getByTestId('teaching-stand-in-tutor').innerText()).toBe('王建华 is scoring at this workstation');
    await shot(page, 'scored-by-tutor-en', panel());

    const history = await events();
    const scores = history.filter(({ type }) => type === 'evaluateStage');
    expect(scores.length).toBeGreaterThan(0);
    for (const { actor } of scores) expect(actor).toEqual({ id: 'demo-tutor1', role: 'tutor' });
    expect(history.filter(({ type }) => type === 'submitStage').map(({ actor }) => actor.id)).toEqual(['demo-resident1']);
    expect(history.filter(({ actor }) => actor.id === 'demo-resident1' && actor.role !== 'resident')).toEqual([]);
  });

  it("hands back: the tutor's last words go first, then the resident is at the workstation again, with no scoring controls", async () => {
    // Typed, and handed back at once over a slow network: the guidance still goes, as the tutor's.
    const slow = async (route: Route) => {
      await new Promise(resolve => setTimeout(resolve, 700));
      await route.continue();
    };
    await page.route('**/api/sessions/*/commands', slow);
    await page.getByTestId('teaching-scoring-guidance').pressSequentially('下次注明检查目的');
    await page.getByTestId('teaching-stand-in-hand-back').click();
    await page.getByTestId('teaching-stand-in-active').waitFor({ state: 'detached' });
    await page.unroute('**/api/sessions/*/commands', slow);
    await expect.poll(workStatus).toBe('saved');
    const { sessions } = await page.evaluate(async () => (await fetch('/api/sessions?open=true')).json());
    expect(sessions[0].session.stages['4.1'].evaluation).toMatchObject({ evaluatorId: 'demo-tutor1', guidance: '下次注明检查目的' });
    for (const { actor } of (await events()).filter(({ type }) => type === 'evaluateStage')) expect(actor.id).toBe('demo-tutor1');
    await page.locator('[data-testid="teaching-step"][data-stage="4.1"]').click();
    await page.getByTestId('teaching-stage-4.1').waitFor();
    expect(await page.getByTestId('teaching-scoring-4.1').count()).toBe(0);
    expect(await page.getByTestId('teaching-stand-in-open').innerText()).toBe('Tutor takes over scoring');
    await shot(page, 'handed-back-en', panel());

    expect(await page.evaluate(() => window.sessionStorage.getItem('ohif-teaching.stand-in'))).toBeNull();
    await page.reload();
    await open();
    await page.locator('[data-testid="teaching-step"][data-stage="4.1"]').click();
    await page.getByTestId('teaching-stage-4.1').waitFor();
    expect(await page.getByTestId('teaching-stand-in-active').count()).toBe(0);
    expect(await page.getByTestId('teaching-scoring-4.1').count()).toBe(0);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.account.username).toBe('resident1');
  });
});
