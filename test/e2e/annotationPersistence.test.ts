import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_GEOMETRY, CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import type { AnnotationView } from '../../src/records/api/annotations';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import {
  annotationHandlesOnPage,
  currentSlice,
  dismissBanner,
  dragOnPage,
  hostAnnotations,
  scrollToInstanceNumber,
  scrollToSlice,
  selectTool,
  signIn,
  SIGN_IN_PATH,
  waitForViewportsRendered,
  worldToPage,
} from '../support/viewer';

const shot = screenshotter('e2e-annotation-persistence');
const CHEST_CT = SAMPLE_STUDIES.chestCt;
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${CHEST_CT.studyUID}`;

const rows = (page: Page) => page.locator('[data-testid="teaching-annotation-row"]');
const rowUids = async (page: Page) => rows(page).evaluateAll(elements => elements.map(element => element.getAttribute('data-uid')));
const saveState = (page: Page) => page.getByTestId('teaching-save-status').getAttribute('data-state');
const panel = (page: Page) => page.getByTestId('teaching-panel');
const teachingState = (page: Page) => page.evaluate(() => (window as any).services.teachingService.getState());

/** Where each annotation lies, as the host's measurementService says: SOP instance, and slice as the panel lists it. */
async function placement(page: Page, uid: string) {
  const sop = await page.evaluate(id => (window as any).services.measurementService.getMeasurement(id)?.SOPInstanceUID as string | undefined, uid);
  const where = await page.locator(`[data-testid="teaching-annotation-row"][data-uid="${uid}"] [data-testid="teaching-annotation-where"]`).innerText();
  return { sop, where };
}

const handles = (page: Page, uid: string) =>
  page.evaluate(id => (window as any).cornerstoneTools.annotation.state.getAnnotation(id).data.handles.points as number[][], uid);

const distance = ([a, b]: number[][]) => Math.hypot(a![0]! - b![0]!, a![1]! - b![1]!, a![2]! - b![2]!);
const measuredLengths = (saved: AnnotationView | undefined) =>
  Object.values((saved?.annotation.data as { cachedStats?: Record<string, { length: number; unit: string }> } | undefined)?.cachedStats ?? {});

describe('a resident\'s annotations belong to their session and survive a reload', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let sessionId: string;
  let nodule: { uid: string; sop: string | undefined; where: string };
  let vessel: { uid: string; sop: string | undefined; where: string };

  /** What the server holds, asked with the browser's own sign-in. */
  const stored = async (): Promise<AnnotationView[]> => {
    const response = await page.request.get(`${server.url}/api/sessions/${sessionId}/annotations`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { annotations: AnnotationView[] }).annotations;
  };

  const reload = async () => {
    await page.reload();
    await waitForViewportsRendered(page);
    await dismissBanner(page);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-persistence-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', error => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows an anonymous browser nothing but the sign-in page, and no images', async () => {
    await page.goto(`${server.url}${TEACHING_URL}`);
    const landed = new URL(page.url());
    expect(landed.pathname).toBe(SIGN_IN_PATH);
    expect(landed.searchParams.get('returnTo')).toBe(TEACHING_URL);
    await page.locator('#username').waitFor();
    expect(await page.locator('#password').count()).toBe(1);
    expect(await page.evaluate(() => 'config' in window || 'cornerstone' in window)).toBe(false);
    // The sign-in page's own policy (default-src 'none') lets no script fetch anything from it, so
    // the browser's requests are made with its cookie jar, which holds no sign-in.
    expect(await page.evaluate(async () => fetch('/dicom-web/studies').then(() => 'answered', () => 'blocked'))).toBe('blocked');
    expect((await page.request.get(`${server.url}/dicom-web/studies`)).status()).toBe(401);
    expect((await page.request.get(`${server.url}/dicom-web/studies/${CHEST_CT.studyUID}/metadata`)).status()).toBe(401);
    expect((await page.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
    await shot(page, 'anonymous-sign-in-page');
  });

  it('signs the resident in and lands in their chest CT session, named in the panel', async () => {
    await page.goto(`${server.url}${SIGN_IN_PATH}`);
    await signIn(page, server.url, 'resident1');
    expect(new URL(page.url()).pathname).toBe('/teaching');
    expect(new URL(page.url()).searchParams.get('StudyInstanceUIDs')).toBe(CHEST_CT.studyUID);
    await waitForViewportsRendered(page);
    await dismissBanner(page);

    await expect.poll(async () => (await teachingState(page)).session.status).toBe('open');
    const state = await teachingState(page);
    expect(state.session.drawing).toBe(true);
    sessionId = state.session.id;
    expect(await page.getByTestId('teaching-account-name').innerText()).toBe('李明轩');
    expect(await page.getByTestId('teaching-account-role').innerText()).toBe('住院医师');
    expect(await saveState(page)).toBe('saved');
    expect(await stored()).toEqual([]);
    await page.getByTestId('teaching-empty').waitFor();
  });

  it('saves a length drawn with the mouse on a slice past the first', async () => {
    const index = await scrollToInstanceNumber(page, CHEST_CT_NODULE.centerInstanceNumber);
    expect(index).toBeGreaterThan(0);
    await selectTool(page, 'Length');
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    const radius = CHEST_CT_NODULE.diameterMm / 2;
    await dragOnPage(page, await worldToPage(page, [cx - radius, cy, cz]), await worldToPage(page, [cx + radius, cy, cz]));

    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => saveState(page)).toBe('saved');
    const [uid] = await rowUids(page);
    nodule = { uid: uid!, ...(await placement(page, uid!)) };
    expect(nodule.where).toContain(`层面 ${index + 1}/${CHEST_CT_GEOMETRY.slices}`);

    // One write in flight at a time while the line is dragged out, the last with where the mouse let
    // go and what the tool measured there: its statistics settle a moment after the mouse is released.
    const drawnLength = distance(await handles(page, nodule.uid));
    await expect.poll(async () => Math.abs((measuredLengths((await stored())[0])[0]?.length ?? 0) - drawnLength)).toBeLessThan(0.01);
    await expect.poll(() => saveState(page)).toBe('saved');
    const [saved] = await stored();
    expect(saved).toMatchObject({ uid: nodule.uid, authorRole: 'resident', studyInstanceUID: CHEST_CT.studyUID, sopInstanceUID: nodule.sop });
    expect((saved!.annotation.data as { handles: { points: number[][] } }).handles.points).toEqual(await handles(page, nodule.uid));
    // With what it measures, so that the record holds the value and a reload lists it at once.
    const measured = measuredLengths(saved);
    expect(measured).toHaveLength(1);
    expect(measured[0]!.unit).toBe('mm');
    expect(Math.abs(measured[0]!.length - CHEST_CT_NODULE.diameterMm)).toBeLessThan(1);
    expect(await rows(page).first().getByTestId('teaching-annotation-value').innerText()).toBe(`${measured[0]!.length.toFixed(1)} mm`);
    expect(await page.getByTestId('teaching-save-status').innerText()).toBe('已保存');
  });

  it('saves a second one on another slice and a relabel of the first', async () => {
    const index = (await currentSlice(page)).index + 4;
    await scrollToSlice(page, index);
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    const start = await worldToPage(page, [cx + 30, cy + 20, cz - 20]);
    await dragOnPage(page, start, { x: start.x + 70, y: start.y + 30 });
    await expect.poll(() => rows(page).count()).toBe(2);
    const uid = (await rowUids(page)).find(candidate => candidate !== nodule.uid)!;
    vessel = { uid, ...(await placement(page, uid)) };
    const drawnLength = distance(await handles(page, uid));
    await expect.poll(async () => Math.abs((measuredLengths((await stored()).find(item => item.uid === uid))[0]?.length ?? 0) - drawnLength)).toBeLessThan(0.01);
    expect(vessel.where).toContain(`层面 ${index + 1}/`);

    const row = page.locator(`[data-testid="teaching-annotation-row"][data-uid="${nodule.uid}"]`);
    await row.getByTestId('teaching-rename').click();
    await row.getByTestId('teaching-rename-input').fill('右上叶结节 RUL nodule');
    await row.getByTestId('teaching-rename-input').press('Enter');
    await expect.poll(() => saveState(page)).toBe('saved');
    const labels = async () => Object.fromEntries((await stored()).map(item => [item.uid, (item.annotation.data as { label?: string }).label ?? '']));
    await expect.poll(labels).toEqual({ [nodule.uid]: '右上叶结节 RUL nodule', [vessel.uid]: '' });
    await shot(page, 'saved-zh', panel(page));
  });

  it('draws them again after a reload: same UIDs, same slices, listed, and not saved again', async () => {
    const versions = async () => Object.fromEntries((await stored()).map(item => [item.uid, item.version]));
    const before = await versions();
    await reload();
    await expect.poll(() => rows(page).count()).toBe(2);
    // The server lists them by when they last changed.
    expect((await rowUids(page)).sort()).toEqual([nodule.uid, vessel.uid].sort());
    expect(await placement(page, nodule.uid)).toEqual({ sop: nodule.sop, where: nodule.where });
    expect(await placement(page, vessel.uid)).toEqual({ sop: vessel.sop, where: vessel.where });
    expect((await hostAnnotations(page)).map(item => item.uid).sort()).toEqual([nodule.uid, vessel.uid].sort());
    expect(await page.locator(`[data-uid="${nodule.uid}"] [data-testid="teaching-annotation-label"]`).innerText()).toBe('右上叶结节 RUL nodule');
    // Listed with their values before their slices are ever shown.
    for (const uid of [nodule.uid, vessel.uid]) {
      await expect.poll(() => page.locator(`[data-uid="${uid}"] [data-testid="teaching-annotation-value"]`).innerText()).toMatch(/^\d+(\.\d+)? mm$/);
    }
    const restoredValue = await page.locator(`[data-uid="${nodule.uid}"] [data-testid="teaching-annotation-value"]`).innerText();

    // Jump to it: it lies on its own slice, where the viewer measures it again, to the same value.
    await page.locator(`[data-uid="${nodule.uid}"] .ohif-teaching__row`).click();
    await expect.poll(async () => (await currentSlice(page)).index + 1).toBe(CHEST_CT_NODULE.centerInstanceNumber);
    await waitForViewportsRendered(page);
    expect(await page.locator(`[data-uid="${nodule.uid}"] [data-testid="teaching-annotation-value"]`).innerText()).toBe(restoredValue);
    await page.waitForTimeout(1_000);
    expect(await saveState(page)).toBe('saved');
    expect(await versions()).toEqual(before);
    await shot(page, 'reloaded');
  });

  it('saves a move and a deletion, which a second reload keeps', async () => {
    const [versionBefore] = (await stored()).filter(item => item.uid === nodule.uid).map(item => item.version);
    // The start handle: the label's text box sits over the end one.
    const [start] = await annotationHandlesOnPage(page, nodule.uid);
    const before = await handles(page, nodule.uid);
    await dragOnPage(page, start!, { x: start!.x - 40, y: start!.y - 25 });
    await expect.poll(async () => (await handles(page, nodule.uid))[0]).not.toEqual(before[0]);
    const moved = await handles(page, nodule.uid);
    expect(moved[1]).toEqual(before[1]);

    await page.locator(`[data-uid="${vessel.uid}"] [data-testid="teaching-delete"]`).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => saveState(page)).toBe('saved');
    await expect.poll(async () => (await stored()).map(item => item.uid)).toEqual([nodule.uid]);
    const [kept] = await stored();
    expect(kept!.version).toBeGreaterThan(versionBefore!);
    expect((kept!.annotation.data as { handles: { points: number[][] } }).handles.points).toEqual(moved);

    await reload();
    await expect.poll(() => rowUids(page)).toEqual([nodule.uid]);
    expect((await hostAnnotations(page)).map(item => item.uid)).toEqual([nodule.uid]);
    expect(await handles(page, nodule.uid)).toEqual(moved);
    expect(await placement(page, nodule.uid)).toEqual({ sop: nodule.sop, where: nodule.where });
  });

  it('says "not saved — retrying" while the server cannot be reached, and "saved" once it can', async () => {
    await page.route('**/api/sessions/*/annotations/**', route => route.abort('internetdisconnected'));
    await page.locator(`[data-uid="${nodule.uid}"] .ohif-teaching__row`).click();
    await waitForViewportsRendered(page);
    const [start] = await annotationHandlesOnPage(page, nodule.uid);
    await dragOnPage(page, start!, { x: start!.x + 20, y: start!.y + 10 });
    await expect.poll(() => saveState(page)).toBe('retrying');
    expect(await page.getByTestId('teaching-save-status').innerText()).toBe('未保存——正在重试（1）');
    await shot(page, 'retrying-zh', panel(page));

    await page.unroute('**/api/sessions/*/annotations/**');
    await expect.poll(() => saveState(page), { timeout: 30_000 }).toBe('saved');
    const [kept] = await stored();
    expect((kept!.annotation.data as { handles: { points: number[][] } }).handles.points).toEqual(await handles(page, nodule.uid));
  });

  it('shows the panel in English as well', async () => {
    await page.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => page.getByTestId('teaching-save-status').innerText()).toBe('Saved');
    expect(await page.getByTestId('teaching-account-role').innerText()).toBe('Resident');
    expect(await page.getByTestId('teaching-sign-out').getAttribute('aria-label')).toBe('Sign out');
    await shot(page, 'saved-en', panel(page));
    await page.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => page.getByTestId('teaching-save-status').innerText()).toBe('已保存');
  });

  it('signs out from the panel; the tutor then sees the resident\'s annotation, locked to them', async () => {
    await page.getByTestId('teaching-sign-out').click();
    await page.waitForURL(url => url.pathname === SIGN_IN_PATH);
    expect((await page.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);

    await signIn(page, server.url, 'tutor1');
    expect(new URL(page.url()).searchParams.get('StudyInstanceUIDs')).toBe(CHEST_CT.studyUID);
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await expect.poll(() => rowUids(page)).toEqual([nodule.uid]);
    expect(await page.getByTestId('teaching-account-name').innerText()).toBe('王建华');
    expect(await page.getByTestId('teaching-account-role').innerText()).toBe('指导医师');
    const row = page.locator(`[data-uid="${nodule.uid}"]`);
    await row.getByTestId('teaching-read-only').waitFor();
    expect(await row.getByTestId('teaching-delete').count()).toBe(0);
    expect(await row.getByTestId('teaching-annotation-value').innerText()).toMatch(/^\d+(\.\d+)? mm$/);
    expect(await page.evaluate(id => (window as any).cornerstoneTools.annotation.state.getAnnotation(id).isLocked, nodule.uid)).toBe(true);
    await shot(page, 'tutor-sees-resident-annotation', panel(page));
  });

  it('tells a resident without a session on the study that nothing drawn there is saved', async () => {
    await page.getByTestId('teaching-sign-out').click();
    await page.waitForURL(url => url.pathname === SIGN_IN_PATH);
    await signIn(page, server.url, 'resident3');
    await page.goto(`${server.url}${TEACHING_URL}`);
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await expect.poll(async () => (await teachingState(page)).session.status).toBe('none');
    expect(await page.getByTestId('teaching-records-notice').innerText()).toContain('本检查没有您正在进行的教学活动');
    expect(await page.getByTestId('teaching-save-status').count()).toBe(0);
    // Nor does it see the resident's drawings of a session it takes no part in.
    expect(await rows(page).count()).toBe(0);
    await shot(page, 'no-session-zh', panel(page));
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
