import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparedAnnotation, StoredSignComparison } from '../../src/core/comparison/signComparison';
import { emptyWork, type Finding } from '../../src/core/session/stageWork';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { DEFAULT_DEMO_PASSWORD } from '../../src/records/config';
import { DEMO_REFERENCE_UIDS, demoReferenceAnnotations } from '../../src/records/seed/demoReferenceAnnotations';
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
    // As the README's step 2 says: the department's PACS for checking a case's studies. The viewer is
    // at the site's root (app-config's routerBasename '/'), TEACHING_VIEWER_PATH's default.
    records = await startRecordsService({ DATA_DIR: path.join(workDir, 'records'), PACS_URL: orthanc.dicomWebUrl });
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
    // The worklist is the records service's own page: it sends an anonymous browser to sign in and back.
    const worklist = await fetch(`${nginx.url}/api/worklist`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(worklist.status).toBe(302);
    expect(worklist.headers.get('location')).toBe(`/api/auth/sign-in?returnTo=${encodeURIComponent('/api/worklist')}`);
    expect((await fetch(`${nginx.url}/api/worklist`)).status).toBe(401);
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

  /** Signed in with the JSON form of the sign-in, through nginx: the cookie, who, and where they would land. */
  async function signIn(username: string) {
    const response = await fetch(`${nginx.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEFAULT_DEMO_PASSWORD }) });
    expect(response.status, username).toBe(200);
    const body = (await response.json()) as { account: { id: string }; returnTo: string };
    return { cookie: response.headers.getSetCookie()[0]!.split(';')[0]!, id: body.account.id, returnTo: body.returnTo };
  }

  /** The records API through nginx, as the teaching panel calls it. */
  async function call(cookie: string, method: string, apiPath: string, body?: unknown) {
    const response = await fetch(`${nginx.url}/api${apiPath}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
  }

  it('lands someone without a session under way on the worklist, whose "open in viewer" opens the viewer in teaching mode', async () => {
    const tutor = await signIn('tutor2');
    expect(tutor.returnTo).toBe('/api/worklist');
    const worklist = await fetch(`${nginx.url}/api/worklist`, { headers: { cookie: tutor.cookie, accept: 'text/html' } });
    expect(worklist.status).toBe(200);
    expect(worklist.headers.get('content-type')).toMatch(/^text\/html/);
    // The case library's rows prepare a case in the department's viewer, at its root.
    expect(await worklist.text()).toContain(`href="/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}&amp;prepareCase=`);

    const { page: residentPage } = await newViewerPage(browser);
    try {
      await residentPage.goto(`${nginx.url}/api/auth/sign-in`);
      await residentPage.fill('#username', 'resident2');
      await residentPage.fill('#password', DEFAULT_DEMO_PASSWORD);
      await residentPage.click('button[type="submit"]');
      await residentPage.waitForURL(url => url.pathname === '/api/worklist');
      await shot(residentPage, 'worklist-behind-nginx');
      // resident2's session on the chest radiograph is signed off; they open it from the worklist.
      const open = residentPage.locator('[data-testid="worklist-open"]').first();
      expect(await open.getAttribute('href')).toBe(`/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestRadiograph.studyUID}`);
      await open.click();
      await residentPage.waitForURL(url => url.pathname === '/teaching');
      await waitForViewportsRendered(residentPage);
      await dismissBanner(residentPage);
      await residentPage.waitForSelector('[data-testid="teaching-panel"]');
      await shot(residentPage, 'worklist-opened-in-viewer');
    } finally {
      await residentPage.context().close();
    }
  });

  const [chestCt, chestCtPrior] = [SAMPLE_STUDIES.chestCt, SAMPLE_STUDIES.chestCtPrior];
  const NOT_IN_PACS = '1.2.826.0.1.3680043.8.498.424242';
  const caseFor = (studyInstanceUIDs: string[], referenceNodule: string) => ({
    title: '右肺上叶结节随访',
    studyInstanceUIDs,
    modality: 'CT',
    bodyPart: 'CHEST',
    category: 'respiratory',
    trainingYear: 1,
    realTime: false,
    objectives: ['比较结节与既往检查的大小变化'],
    referenceAnswer: {
      findings: [{ id: 'ref-f-nodule', kind: 'positive', description: '右肺上叶实性结节', location: '右肺上叶', annotationIds: [referenceNodule], pathology: '' }],
      diagnosis: '右肺上叶结节，较前增大',
      report: { examination: '胸部 CT 平扫', clinicalInformation: '', technique: '', findings: '右肺上叶结节', impression: '右肺上叶结节，较前增大', recommendations: '' },
    },
  });
  /** The sample nodule's reference drawing, under a uid of this case. */
  const nodule = demoReferenceAnnotations().chestCt.find(drawing => drawing.uid === DEMO_REFERENCE_UIDS.chestCtNodule)!;
  /** The drawing as the panel saves it, under `uid`, moved `shiftMm` to the patient's left. */
  const placedAs = (uid: string, drawing: ComparedAnnotation, shiftMm = 0) => {
    const data = drawing.annotation.data as { handles: { points: Array<[number, number, number]> } };
    return {
      studyInstanceUID: drawing.studyInstanceUID,
      seriesInstanceUID: drawing.seriesInstanceUID,
      sopInstanceUID: drawing.sopInstanceUID,
      frameNumber: drawing.frameNumber,
      annotation: { ...drawing.annotation, annotationUID: uid, data: { ...data, handles: { ...data.handles, points: data.handles.points.map(([x, y, z]) => [x + shiftMm, y, z]) } } },
    };
  };
  let caseId: string;

  it("prepares a case only on studies the department's PACS holds, asked by QIDO-RS", async () => {
    const { cookie } = await signIn('tutor2');
    const refused = await call(cookie, 'POST', '/cases', caseFor([chestCt.studyUID, NOT_IN_PACS], 'dept-ref-nodule'));
    expect(refused.status).toBe(400);
    expect(refused.json.problems).toEqual([
      { code: 'case.studyNotInPacs', field: 'studyInstanceUIDs.1', messages: { zh: expect.stringContaining(NOT_IN_PACS), en: expect.stringContaining(NOT_IN_PACS) } },
    ]);
    expect(refused.json.messages.en).toContain(`The PACS has no study ${NOT_IN_PACS}`);

    const created = await call(cookie, 'POST', '/cases', caseFor([chestCt.studyUID, chestCtPrior.studyUID], 'dept-ref-nodule'));
    expect(created.status, created.text).toBe(201);
    caseId = created.json.case.id;
    const onStudy = await call(cookie, 'GET', `/cases?studyInstanceUID=${chestCtPrior.studyUID}`);
    expect(onStudy.json.cases.map((item: { case: { id: string } }) => item.case.id)).not.toContain(caseId);
  });

  it("keeps the case's reference drawing from the resident and compares their signs with it when they hand in 4.3", async () => {
    const tutor = await signIn('tutor2');
    const resident = await signIn('resident2');
    const drawn = await call(tutor.cookie, 'PUT', `/cases/${caseId}/annotations/dept-ref-nodule`, { version: 0, ...placedAs('dept-ref-nodule', nodule) });
    expect(drawn.status, drawn.text).toBe(200);
    expect((await call(tutor.cookie, 'GET', `/cases/${caseId}/annotations`)).json.annotations.map((annotation: { uid: string }) => annotation.uid)).toEqual(['dept-ref-nodule']);

    const opened = await call(tutor.cookie, 'POST', '/sessions', { caseId, residentId: resident.id, plannedAt: new Date().toISOString(), place: '阅片室 1' });
    expect(opened.status, opened.text).toBe(201);
    const sessionId: string = opened.json.session.id;
    expect((await call(resident.cookie, 'GET', `/cases/${caseId}/annotations`)).status).toBe(404);

    const run = async (cookie: string, command: unknown) => {
      const { version } = (await call(tutor.cookie, 'GET', `/sessions/${sessionId}`)).json;
      const response = await call(cookie, 'POST', `/sessions/${sessionId}/commands`, { version, command });
      expect(response.status, `${JSON.stringify(command).slice(0, 60)}: ${response.text}`).toBe(200);
    };
    await run(tutor.cookie, { type: 'startClock' });
    const work = emptyWork();
    for (const stage of ['4.1', '4.2'] as const) {
      await run(resident.cookie, { type: 'saveWork', stage, work: work[stage] });
      await run(resident.cookie, { type: 'submitStage', stage });
    }
    // The resident measures the nodule 1 mm to the side of the reference, and names it as a sign.
    const residentDrawing = await call(resident.cookie, 'PUT', `/sessions/${sessionId}/annotations/dept-res-nodule`, { version: 0, ...placedAs('dept-res-nodule', nodule, 1) });
    expect(residentDrawing.status, residentDrawing.text).toBe(200);
    const findings: Finding[] = [{ id: 'res-f-nodule', kind: 'positive', description: '右肺上叶结节', location: '右肺上叶', annotationIds: ['dept-res-nodule'], pathology: '' }];
    await run(resident.cookie, { type: 'saveWork', stage: '4.3', work: { findings } });
    await run(resident.cookie, { type: 'submitStage', stage: '4.3' });

    const compared = await call(tutor.cookie, 'GET', `/sessions/${sessionId}/comparison`);
    expect(compared.status, compared.text).toBe(200);
    const comparison = compared.json as StoredSignComparison;
    expect(comparison).toMatchObject({ sessionId, caseId, computedBy: resident.id });
    expect(comparison.result.found).toEqual([expect.objectContaining({ referenceUid: 'dept-ref-nodule', residentUid: 'dept-res-nodule' })]);
    expect(comparison.result.missed).toEqual([]);
    expect(comparison.result.extra).toEqual([]);
    const beforeSignOff = await call(resident.cookie, 'GET', `/sessions/${sessionId}/comparison`);
    expect(beforeSignOff.status).toBe(403);
    expect(beforeSignOff.json.code).toBe('access.afterSignOff');
  });
});
