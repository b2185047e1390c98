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

const shot = screenshotter('e2e-session-clock');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;

/** The session's clock and its five stages, always in view, for the resident and the tutor. */
describe('the session clock and the stage stepper', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;
  let tutor: Page;

  const clockStatus = (page: Page) => page.getByTestId('teaching-clock').getAttribute('data-status');
  const serverTimer = async (page: Page) => {
    const { sessions } = await page.evaluate(async () => (await fetch('/api/sessions?open=true')).json());
    return sessions[0].session.timer as { intervals: Array<{ start: string; end?: string }> };
  };
  const panel = (page: Page) => page.getByTestId('teaching-panel');

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-clock-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    resident = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    tutor = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    for (const [page, username] of [[resident, 'resident1'], [tutor, 'tutor1']] as const) {
      await page.goto(`${server.url}${TEACHING_URL}`);
      await signIn(page, server.url, username);
      await waitForViewportsRendered(page);
      await dismissBanner(page);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the running clock and each stage where it stands', async () => {
    await expect.poll(() => clockStatus(resident)).toBe('running');
    const first = await resident.getByTestId('teaching-clock-elapsed').innerText();
    await expect.poll(() => resident.getByTestId('teaching-clock-elapsed').innerText()).not.toBe(first);
    const steps = resident.getByTestId('teaching-step');
    expect(await steps.count()).toBe(5);
    expect(await steps.evaluateAll(elements => elements.map(element => [element.getAttribute('data-stage'), element.getAttribute('data-progress')]))).toEqual([
      ['4.1', 'draft'],
      ['4.2', 'draft'],
      ['4.3', 'draft'],
      ['4.4', 'draft'],
      ['4.5', 'draft'],
    ]);
    expect(await resident.locator('[data-testid="teaching-step"][aria-current="step"]').getAttribute('data-stage')).toBe('4.1');
    expect(await resident.getByTestId('teaching-stage-title').innerText()).toBe('4.1 临床信息·草稿');
    await resident.locator('[data-testid="teaching-step"][data-stage="4.3"]').click();
    expect(await resident.getByTestId('teaching-stage-title').innerText()).toBe('4.3 影像征象·草稿');
    await resident.locator('[data-testid="teaching-step"][data-stage="4.1"]').click();
    await expect.poll(() => resident.getByTestId('teaching-clock-status').innerText()).toBe('计时中');
    await shot(resident, 'resident-running-zh', panel(resident));
  });

  it('pauses and resumes on the server, and the other workstation sees it after a reload', async () => {
    await resident.getByTestId('teaching-clock-action').click();
    await expect.poll(() => clockStatus(resident)).toBe('paused');
    const paused = await serverTimer(resident);
    expect(paused.intervals.at(-1)?.end).toBeDefined();
    await tutor.reload();
    await expect.poll(() => clockStatus(tutor)).toBe('paused');
    const frozen = await tutor.getByTestId('teaching-clock-elapsed').innerText();
    await tutor.waitForTimeout(1500);
    expect(await tutor.getByTestId('teaching-clock-elapsed').innerText()).toBe(frozen);
    await shot(tutor, 'tutor-paused-zh', panel(tutor));

    await tutor.getByTestId('teaching-clock-action').click();
    await expect.poll(() => clockStatus(tutor)).toBe('running');
    expect((await serverTimer(tutor)).intervals).toHaveLength(paused.intervals.length + 1);
  });

  it('tells the resident when the clock moved on elsewhere, and shows the server\'s state', async () => {
    // The resident's page still holds the paused clock the tutor has since resumed.
    await resident.getByTestId('teaching-clock-action').click();
    await expect.poll(() => clockStatus(resident)).toBe('running');
    await expect.poll(() => resident.getByTestId('teaching-clock-refused').count()).toBe(1);
  });

  it('switches every word of the clock and the stepper to English at once', async () => {
    await resident.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => resident.getByTestId('teaching-clock-status').innerText()).toBe('Running');
    expect(await resident.getByTestId('teaching-stage-title').innerText()).toBe('4.1 Clinical information·Draft');
    await shot(resident, 'resident-running-en', panel(resident));
  });
});
