import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser } from '../support/browser';
import { freePort } from '../support/net';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-server-crash');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;

/**
 * The server is killed (SIGKILL, no shutdown of any kind) in the middle of a session: what it had
 * acknowledged is still there when it comes back, what the resident typed while it was down waits
 * in the local draft, and the queue drains in order once it is back, through a reload too.
 */
describe('the server killed in the middle of a session', () => {
  let dataDir: string;
  let port: number;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;

  const summary = (page: Page) => page.getByTestId('teaching-clinical-summary');
  const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');
  const open = async (page: Page) => {
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await page.getByTestId('teaching-stage-4.1').waitFor();
  };
  const start = async () => {
    server = await startServer({ DATA_DIR: dataDir, PORT: String(port) });
  };
  const kill = async () => {
    const exited = new Promise(resolve => server.child.once('exit', resolve));
    server.child.kill('SIGKILL');
    await exited;
  };
  /** What the server holds, asked the way the panel asks, with the resident's own cookie. */
  const storedSummary = async () => {
    const response = await resident.context().request.get(`${server.url}/api/sessions?open=true`);
    const { sessions } = await response.json();
    return sessions[0].session.stages['4.1'].work.summary as string;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-crash-'));
    port = await freePort();
    await start();
    browser = await launchBrowser();
    resident = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await resident.goto(`${server.url}${TEACHING_URL}`);
    await signIn(resident, server.url, 'resident1');
    await open(resident);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps everything acknowledged before the kill and everything typed while the server was down', async () => {
    await summary(resident).fill('');
    await summary(resident).pressSequentially('男，68 岁；');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    expect(await storedSummary()).toBe('男，68 岁；');

    // Killed while the resident is typing: some keystrokes may have been sent and never answered.
    const typing = summary(resident).pressSequentially('右肺上叶结节', { delay: 40 });
    await new Promise(resolve => setTimeout(resolve, 120));
    await kill();
    await typing;
    await summary(resident).pressSequentially('，6 个月复查');
    await expect.poll(() => workStatus(resident), { timeout: 30_000 }).toBe('offline');
    expect(await resident.getByTestId('teaching-work-status').innerText()).toMatch(/^离线——\d+ 项修改待发送$/);
    await shot(resident, 'server-down-zh', resident.getByTestId('teaching-panel'));

    await start();
    expect(await storedSummary()).toMatch(/^男，68 岁；/);
    await resident.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => workStatus(resident), { timeout: 40_000 }).toBe('saved');
    expect(await storedSummary()).toBe('男，68 岁；右肺上叶结节，6 个月复查');
  });

  it('sends what only the local draft held when the page is reloaded after the server came back', async () => {
    await kill();
    await summary(resident).pressSequentially('；建议随访');
    await expect.poll(() => workStatus(resident), { timeout: 30_000 }).toBe('offline');
    await start();
    // A new page: nothing of the old one's memory survives, only the browser's local draft.
    await resident.reload();
    await open(resident);
    await expect.poll(() => summary(resident).inputValue()).toBe('男，68 岁；右肺上叶结节，6 个月复查；建议随访');
    await expect.poll(() => workStatus(resident), { timeout: 40_000 }).toBe('saved');
    expect(await storedSummary()).toBe('男，68 岁；右肺上叶结节，6 个月复查；建议随访');
    await shot(resident, 'drained-after-reload-zh', resident.getByTestId('teaching-panel'));
  });
});
