import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, dragOnPage, scrollToInstanceNumber, selectTool, signIn, waitForViewportsRendered, worldToPage } from '../support/viewer';

const shot = screenshotter('e2e-clinical-stage');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;
const COMMANDS = /\/api\/sessions\/[^/]+\/commands$/;

/** Stage 4.1 as the resident works it: prefilled from the header, typed, kept through reloads and a lost connection, handed in. */
describe('stage 4.1, clinical information', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;

  const panel = (page: Page) => page.getByTestId('teaching-panel');
  const item = (page: Page, id: string) => page.locator(`[data-testid="teaching-clinical-item"][data-item="${id}"]`);
  const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');
  const serverWork = async (page: Page) => {
    const { sessions } = await page.evaluate(async () => (await fetch('/api/sessions?open=true')).json());
    return sessions[0].session.stages['4.1'] as { status: string; work: { items: Record<'complaint' | 'labs' | 'examReason', { status: string; text: string }>; summary: string } };
  };
  const open = async (page: Page) => {
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await page.getByTestId('teaching-stage-4.1').waitFor();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-clinical-'));
    server = await startServer({ DATA_DIR: dataDir });
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

  it("prefills what the study's header carries, marked as taken from the images", async () => {
    const reason = item(resident, 'examReason');
    await expect.poll(() => reason.getByTestId('teaching-clinical-text').inputValue()).toBe('右肺结节 6 个月复查');
    expect(await reason.getByTestId('teaching-from-images').count()).toBe(1);
    expect(await resident.getByTestId('teaching-header-facts').innerText()).toMatch(/CT Chest without contrast/);
    await expect.poll(() => workStatus(resident)).toBe('saved');
    expect((await serverWork(resident)).work.items.examReason.text).toBe('右肺结节 6 个月复查');
    await shot(resident, 'prefilled-zh', panel(resident));
  });

  it('keeps what the resident types and flags, through a reload', async () => {
    const complaint = item(resident, 'complaint').getByTestId('teaching-clinical-text');
    const before = await complaint.inputValue();
    // Typed into the middle of what is there: each keystroke lands where the caret is.
    await complaint.click();
    await complaint.press('Control+Home');
    await complaint.pressSequentially('咳嗽 2 周，无发热。');
    await item(resident, 'labs').getByTestId('teaching-clinical-status').selectOption('missing');
    await expect.poll(() => resident.getByTestId('teaching-missing-items').innerText()).toBe('尚待补充：实验室检查');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await resident.reload();
    await open(resident);
    expect(await item(resident, 'complaint').getByTestId('teaching-clinical-text').inputValue()).toBe(`咳嗽 2 周，无发热。${before}`);
    expect(await item(resident, 'labs').getAttribute('data-status')).toBe('missing');
    const stored = await serverWork(resident);
    expect(stored.work.items.complaint.text).toBe(`咳嗽 2 周，无发热。${before}`);
    expect(stored.work.items.labs.status).toBe('missing');
  });

  it('keeps working offline, survives a reload while offline, and sends everything once the server answers', async () => {
    await resident.route(COMMANDS, route => route.abort('internetdisconnected'));
    const summary = resident.getByTestId('teaching-clinical-summary');
    await summary.fill('');
    await summary.pressSequentially('男，68 岁；右肺上叶结节复查');
    await expect.poll(() => workStatus(resident)).toBe('offline');
    expect(await resident.getByTestId('teaching-work-status').innerText()).toMatch(/^离线——\d+ 项修改待发送$/);
    await shot(resident, 'offline-zh', panel(resident));
    expect((await serverWork(resident)).work.summary).not.toBe('男，68 岁；右肺上叶结节复查');

    await resident.reload();
    await open(resident);
    await expect.poll(() => summary.inputValue()).toBe('男，68 岁；右肺上叶结节复查');
    await resident.unroute(COMMANDS);
    await resident.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => workStatus(resident), { timeout: 40_000 }).toBe('saved');
    expect((await serverWork(resident)).work.summary).toBe('男，68 岁；右肺上叶结节复查');
  });

  it('hands the stage in, after which it reads as submitted and can no longer be typed in', async () => {
    await resident.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => resident.locator('[data-testid="teaching-step"][data-stage="4.1"]').getAttribute('data-progress')).toBe('submitted');
    expect(await item(resident, 'complaint').getByTestId('teaching-clinical-text').getAttribute('readonly')).not.toBeNull();
    expect((await serverWork(resident)).status).toBe('submitted');
    await resident.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => resident.getByTestId('teaching-stage-title').innerText()).toBe('4.1 Clinical information·Submitted, awaiting scoring');
    await shot(resident, 'submitted-en', panel(resident));
  });

  it('shows 4.2 with the technique each series header records, and keeps the account of it', async () => {
    await resident.getByTestId('teaching-language-toggle').click();
    await resident.locator('[data-testid="teaching-step"][data-stage="4.2"]').click();
    const facts = resident.getByTestId('teaching-series-facts').first();
    await facts.waitFor();
    if ((await facts.getAttribute('open')) === null) await facts.locator('summary').click();
    expect(await facts.locator('[data-fact="protocol"] dd').innerText()).toBe('Routine chest');
    expect(await facts.locator('[data-fact="kvp"] dd').innerText()).toMatch(/kV/);
    expect(await facts.locator('[data-fact="contrastAgent"] dd').innerText()).toBe('未记录');
    const protocol = resident.locator('[data-testid="teaching-technique-field"][data-field="protocol"]');
    await protocol.pressSequentially('胸部平扫，层厚 5 mm，120 kV');
    await resident.getByTestId('teaching-image-quality').selectOption('gradeA');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await shot(resident, 'technique-zh', panel(resident));
    await resident.reload();
    await open(resident);
    await resident.locator('[data-testid="teaching-step"][data-stage="4.2"]').click();
    await expect.poll(() => protocol.inputValue()).toBe('胸部平扫，层厚 5 mm，120 kV');
    expect(await resident.getByTestId('teaching-image-quality').inputValue()).toBe('gradeA');
    await resident.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => resident.locator('[data-testid="teaching-step"][data-stage="4.2"]').getAttribute('data-progress')).toBe('submitted');
  });

  it('makes the drawing of 4.3 a positive sign at once, keeps negative signs beside it, and both through a reload', async () => {
    await resident.locator('[data-testid="teaching-step"][data-stage="4.3"]').click();
    await scrollToInstanceNumber(resident, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(resident, 'Length');
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    const r = CHEST_CT_NODULE.diameterMm / 2;
    await dragOnPage(resident, await worldToPage(resident, [cx - r, cy, cz]), await worldToPage(resident, [cx + r, cy, cz]));
    const positive = resident.locator('[data-testid="teaching-finding"][data-kind="positive"]');
    await expect.poll(() => positive.count()).toBe(1);
    const uid = await positive.getAttribute('data-annotations');
    expect(await resident.evaluate(id => (window as any).cornerstoneTools.annotation.state.getAnnotation(id) !== undefined, uid)).toBe(true);
    await positive.getByTestId('teaching-finding-location').pressSequentially('右肺上叶尖后段');
    await resident.getByTestId('teaching-add-negative').click();
    const negative = resident.locator('[data-testid="teaching-finding"][data-kind="negative"]');
    await negative.getByTestId('teaching-finding-description').pressSequentially('无胸腔积液');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await shot(resident, 'signs-zh', panel(resident));

    await resident.reload();
    await open(resident);
    await resident.locator('[data-testid="teaching-step"][data-stage="4.3"]').click();
    await expect.poll(() => resident.getByTestId('teaching-finding').count()).toBe(2);
    expect(await positive.getAttribute('data-annotations')).toBe(uid);
    expect(await positive.getByTestId('teaching-finding-location').inputValue()).toBe('右肺上叶尖后段');
    expect(await negative.getByTestId('teaching-finding-description').inputValue()).toBe('无胸腔积液');
    const { sessions } = await resident.evaluate(async () => (await fetch('/api/sessions?open=true')).json());
    expect(sessions[0].session.stages['4.3'].work.findings.map((finding: { kind: string }) => finding.kind)).toEqual(['positive', 'negative']);
  });
});
