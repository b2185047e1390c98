import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { DEFAULT_DEMO_PASSWORD } from '../../src/records/config';
import { bundleDir, ohifDistDir } from '../../src/server/viewerAssets';
import { launchBrowser, newViewerPage } from '../support/browser';
import { freePort } from '../support/net';
import { startNginx, type RunningNginx } from '../support/nginx';
import { startOrthancWithSamples, type RunningOrthanc } from '../support/orthanc';
import { startRecordsService, type RunningRecords } from '../support/recordsProcess';
import { screenshotter } from '../support/screenshots';
import { dismissBanner, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('integration-department');
const DEPARTMENT = path.resolve('docs/department');

/**
 * The README's department path, done as written: the stock OHIF dist served by nginx with the
 * department's app-config, Orthanc as the PACS behind it, our two bundles, and the records service
 * started on its own, asked by nginx before anything else is served.
 */
describe('a department running the records service beside its own OHIF, nginx and PACS', () => {
  let workDir: string;
  let orthanc: RunningOrthanc;
  let records: RunningRecords;
  let nginx: RunningNginx;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-department-'));
    orthanc = await startOrthancWithSamples(workDir);
    records = await startRecordsService({ DATA_DIR: path.join(workDir, 'records') });
    const port = await freePort();
    nginx = await startNginx(
      path.join(DEPARTMENT, 'nginx.conf'),
      {
        LISTEN: `127.0.0.1:${port}`,
        OHIF_DIST: ohifDistDir,
        APP_CONFIG: path.join(DEPARTMENT, 'app-config.js'),
        TEACHING_BUNDLES: bundleDir,
        RECORDS: new URL(records.url).host,
        PACS_DICOMWEB: orthanc.dicomWebUrl,
        RUN_DIR: path.join(workDir, 'nginx'),
      },
      path.join(workDir, 'nginx'),
      port,
    );
    browser = await launchBrowser();
    ({ page } = await newViewerPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
    await records?.stop();
    await orthanc?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('serves no image, page or record to an anonymous caller', async () => {
    const study = SAMPLE_STUDIES.chestCt.studyUID;
    const images = await fetch(`${nginx.url}/dicom-web/studies/${study}/metadata`);
    expect(images.status).toBe(401);
    const viewer = await fetch(`${nginx.url}/teaching?StudyInstanceUIDs=${study}`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(viewer.status).toBe(302);
    // nginx cannot percent-encode: the page it came from follows returnTo= as it was asked for.
    const location = new URL(viewer.headers.get('location') ?? '', nginx.url);
    expect(`${location.pathname}${location.search}`).toBe(`/api/auth/sign-in?returnTo=/teaching?StudyInstanceUIDs=${study}`);
    const api = await fetch(`${nginx.url}/api/sessions`);
    expect(api.status).toBe(401);
  });

  it('signs a resident in through the sign-in page and brings them back to the study in teaching mode', async () => {
    const study = SAMPLE_STUDIES.chestCt.studyUID;
    await page.goto(`${nginx.url}/teaching?StudyInstanceUIDs=${study}`);
    await page.waitForSelector('[data-testid="sign-in-form"]');
    await shot(page, 'sign-in-page');
    await page.fill('#username', 'resident1');
    await page.fill('#password', DEFAULT_DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(url => url.pathname === '/teaching');
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await page.waitForSelector('[data-testid="teaching-panel"]');
    await shot(page, 'teaching-mode-behind-nginx');
    const images = await page.evaluate(async uid => (await fetch(`/dicom-web/studies/${uid}/series`)).status, study);
    expect(images).toBe(200);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.account.username).toBe('resident1');
  });
});
