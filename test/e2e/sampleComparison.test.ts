import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARISON_COLOURS } from '../../extension/host/annotationStyle';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { DEMO_REFERENCE_UIDS } from '../../src/records/seed/demoReferenceAnnotations';
import { DEMO_RESIDENT_UIDS } from '../../src/records/seed/demoResidentDrawings';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { drawingOnPage, openStage, panel, toLanguage, waitForTeachingPanel } from '../support/teachingPanel';
import { signIn } from '../support/viewer';

const shot = screenshotter('e2e-sample-comparison');
const rows = (page: Page, mark: string) => page.locator(`[data-testid="teaching-comparison-row"][data-mark="${mark}"]`);

/**
 * A newcomer to the sample department sees the comparison working on the first try: the resident of
 * the signed-off brain MR session opens it from the worklist and finds, in 4.3, the lesion found,
 * the oedema missed and their extra mark, on the images too.
 */
describe('the sample department’s comparison of signs', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-sample-comparison-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    resident = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows resident3 the lesion found, the oedema missed and the extra mark of their signed-off brain MR', async () => {
    await signIn(resident, server.url, 'resident3');
    await resident.waitForSelector('html[data-ready="true"]');
    const row = resident.getByTestId('worklist-signed-off').locator('tbody tr').filter({ hasText: '右额叶' });
    await Promise.all([resident.waitForURL(url => url.pathname === '/teaching'), row.getByTestId('worklist-open').click()]);
    expect(new URL(resident.url()).searchParams.get('StudyInstanceUIDs')).toBe(SAMPLE_STUDIES.brainMr.studyUID);
    await waitForTeachingPanel(resident);
    await openStage(resident, '4.3');
    await expect.poll(() => resident.getByTestId('teaching-comparison').getAttribute('data-status'), { timeout: 20_000 }).toBe('ready');
    expect(await rows(resident, 'found').getAttribute('data-uid')).toBe(DEMO_RESIDENT_UIDS.brainMrLesion);
    expect(await rows(resident, 'found').getByTestId('teaching-comparison-measured').innerText()).toBe('19.6 mm 对比 20.0 mm');
    expect(await rows(resident, 'missed').getAttribute('data-uid')).toBe(DEMO_REFERENCE_UIDS.brainMrOedema);
    expect(await rows(resident, 'extra').getAttribute('data-uid')).toBe(DEMO_RESIDENT_UIDS.brainMrExtra);
    await expect.poll(() => drawingOnPage(resident, DEMO_RESIDENT_UIDS.brainMrExtra)).toMatchObject({ color: COMPARISON_COLOURS.extra, dashed: true });
    await resident.getByTestId('teaching-comparison').scrollIntoViewIfNeeded();
    await shot(resident, 'resident3-zh', panel(resident));
    await toLanguage(resident, 'en');
    expect(await rows(resident, 'found').getByTestId('teaching-comparison-measured').innerText()).toBe('19.6 mm vs 20.0 mm');
    await shot(resident, 'resident3-en', panel(resident));
  });
});
