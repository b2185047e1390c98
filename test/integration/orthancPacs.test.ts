import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser, newViewerPage } from '../support/browser';
import { startOrthancWithSamples, type RunningOrthanc } from '../support/orthanc';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dragOnPage, openInTeachingMode, pageDistanceMm, scrollToInstanceNumber, selectTool, signIn, worldToPage } from '../support/viewer';

const shot = screenshotter('integration-orthanc');
const STUDY_DESCRIPTION = '00081030';

describe('teaching mode against a real Orthanc through PACS_URL', () => {
  let workDir: string;
  let orthanc: RunningOrthanc;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-orthanc-'));
    orthanc = await startOrthancWithSamples(workDir);
    server = await startServer({ PACS_URL: orthanc.dicomWebUrl, DATA_DIR: path.join(workDir, 'unused') });
    browser = await launchBrowser();
    ({ page } = await newViewerPage(browser));
    await signIn(page, server.url, 'resident1');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await orthanc?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('serves no image to an anonymous caller', async () => {
    const anonymous = await fetch(`${server.url}/dicom-web/studies/${SAMPLE_STUDIES.chestCt.studyUID}/metadata`);
    expect(anonymous.status).toBe(401);
  });

  it('serves the sample studies from Orthanc, with the fields OHIF asks for', async () => {
    // OHIF percent-encodes the commas of includefield; the proxy must still get descriptions back.
    // Signed in: the browser's cookie goes along with the request, as the viewer's own do.
    const response = await page.context().request.get(`${server.url}/dicom-web/studies?includefield=${STUDY_DESCRIPTION}%2C00080060`);
    expect(response.status()).toBe(200);
    const studies = (await response.json()) as Array<Record<string, { Value?: unknown[] }>>;
    const byUid = new Map(studies.map(study => [study['0020000D']?.Value?.[0], study[STUDY_DESCRIPTION]?.Value?.[0]]));
    for (const sample of Object.values(SAMPLE_STUDIES)) expect(byUid.get(sample.studyUID)).toBe(sample.description);
  });

  it('opens the CT from Orthanc in teaching mode and lists a length drawn on it', async () => {
    await openInTeachingMode(page, server.url, SAMPLE_STUDIES.chestCt.studyUID);
    await scrollToInstanceNumber(page, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(page, 'Length');
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    const from = await worldToPage(page, [cx - CHEST_CT_NODULE.diameterMm / 2, cy, cz]);
    const to = await worldToPage(page, [cx + CHEST_CT_NODULE.diameterMm / 2, cy, cz]);
    await dragOnPage(page, from, to);
    const row = page.getByTestId('teaching-annotation-row');
    await expect.poll(() => row.count()).toBe(1);
    const dragged = await pageDistanceMm(page, from, to);
    await expect
      .poll(async () => Math.abs(Number.parseFloat(await row.getByTestId('teaching-annotation-value').innerText()) - dragged))
      .toBeLessThan(0.3);
    await shot(page, 'orthanc-length-listed');
  });

  it('tells the viewer clearly when the PACS is down, without hanging', async () => {
    await orthanc.stop();
    const started = Date.now();
    const response = await page.context().request.get(`${server.url}/dicom-web/studies`);
    expect(response.status()).toBe(502);
    expect(((await response.json()) as { error: string }).error).toMatch(/did not answer \(ECONNREFUSED\)/);
    expect(Date.now() - started).toBeLessThan(10_000);

    await page.goto(`${server.url}/`);
    await page.getByText('Data Source Connection Error').waitFor({ timeout: 15_000 });
    expect(await page.getByText('Department PACS').count()).toBeGreaterThan(0);
    await page.getByText(/PACS unreachable/).first().waitFor();
    await shot(page, 'pacs-down');
  });
});
