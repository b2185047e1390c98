import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_GEOMETRY, CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser, newViewerPage } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import {
  annotationPagePoint,
  currentSlice,
  dismissBanner,
  dragOnPage,
  hostAnnotations,
  pageDistanceMm,
  scrollToInstanceNumber,
  scrollToSlice,
  selectTool,
  signIn,
  waitForViewportsRendered,
  worldToPage,
} from '../support/viewer';

const shot = screenshotter('e2e-teaching-mode');
const rows = (page: Page) => page.locator('[data-testid="teaching-annotation-row"]');
const panelState = (page: Page) => page.evaluate(() => (window as any).services.teachingService.getState());

describe('teaching mode in the real OHIF viewer (embedded DICOMweb)', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let noduleSliceIndex: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-e2e-'));
    // A department's data folder is never clean: a broken transfer and a stray note must not stop the server.
    mkdirSync(path.join(dataDir, 'incoming'));
    writeFileSync(path.join(dataDir, 'incoming', 'truncated.dcm'), Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from([2, 0])]));
    writeFileSync(path.join(dataDir, 'incoming', 'notes.txt'), 'scanner 3 down on Tuesday');
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await newViewerPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the sample studies and offers the Teaching mode for them', async () => {
    // The front door sends the browser to the sign-in page and, signed in, back to the study list.
    await page.goto(`${server.url}/`);
    await signIn(page, server.url, 'resident1');
    expect(new URL(page.url()).pathname).toBe('/');
    for (const study of Object.values(SAMPLE_STUDIES)) {
      await expect.poll(() => page.getByText(study.patient.name.replace('^', ', '), { exact: false }).count()).toBeGreaterThan(0);
    }
    await dismissBanner(page);
    const launch = page.getByRole('button', { name: '教学 / Teaching' });
    // CT, MR, DX and US each offer teaching; the CT, chosen last, is the one opened next.
    for (const study of [...Object.values(SAMPLE_STUDIES)].reverse()) {
      await page.getByText(study.accessionNumber, { exact: true }).click();
      await page.getByText(study.series[0]!.description, { exact: true }).waitFor();
      expect(await launch.isEnabled(), study.description).toBe(true);
    }
    await shot(page, 'study-list');
    expect(await page.getByText(SAMPLE_STUDIES.chestCt.description).count()).toBeGreaterThan(0);
  });

  it('opens the chest CT in teaching mode, renders it and shows the empty panel', async () => {
    await page.getByRole('button', { name: '教学 / Teaching' }).click();
    await page.waitForURL(/\/teaching\?/);
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    expect(new URL(page.url()).searchParams.get('StudyInstanceUIDs')).toBe(SAMPLE_STUDIES.chestCt.studyUID);
    expect(await currentSlice(page)).toMatchObject({ count: CHEST_CT_GEOMETRY.slices });
    await page.getByTestId('teaching-empty').waitFor();
    expect(await page.getByTestId('teaching-empty').innerText()).toContain('尚未标注');
    await shot(page, 'ct-open-empty-panel');
  });

  it('lists a length drawn with the mouse across the nodule, with its value, series and slice', async () => {
    noduleSliceIndex = await scrollToInstanceNumber(page, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(page, 'Length');
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    const radius = CHEST_CT_NODULE.diameterMm / 2;
    const from = await worldToPage(page, [cx - radius, cy, cz]);
    const to = await worldToPage(page, [cx + radius, cy, cz]);
    await dragOnPage(page, from, to);

    await expect.poll(() => rows(page).count()).toBe(1);
    const valueText = () => rows(page).first().getByTestId('teaching-annotation-value').innerText();
    // What the camera says the drag spans; the tool settles its statistics shortly after the mouse is released.
    const dragged = await pageDistanceMm(page, from, to);
    await expect.poll(async () => Math.abs(Number.parseFloat(await valueText()) - dragged)).toBeLessThan(0.3);
    expect(await valueText()).toMatch(/^\d+(\.\d+)? mm$/);
    // And what the phantom's nodule measures.
    expect(Math.abs(Number.parseFloat(await valueText()) - CHEST_CT_NODULE.diameterMm)).toBeLessThan(1);
    const where = await rows(page).first().getByTestId('teaching-annotation-where').innerText();
    expect(where).toBe(`序列 ${SAMPLE_STUDIES.chestCt.series[0]!.seriesNumber} · 层面 ${noduleSliceIndex + 1}/${CHEST_CT_GEOMETRY.slices}`);
    expect(await rows(page).first().innerText()).toContain('长度');
    await shot(page, 'length-listed');
  });

  it('jumps back to the measured slice when its row is clicked', async () => {
    await scrollToSlice(page, 0);
    expect((await currentSlice(page)).index).toBe(0);
    await rows(page).first().locator('.ohif-teaching__row').click();
    await expect.poll(async () => (await currentSlice(page)).index).toBe(noduleSliceIndex);
    await waitForViewportsRendered(page);
    expect(await rows(page).first().getAttribute('aria-selected')).toBe('true');
    await shot(page, 'jumped-to-slice');
  });

  it('renames from the panel onto the image, and from the image into the panel', async () => {
    const row = rows(page).first();
    await row.getByTestId('teaching-rename').click();
    await row.getByTestId('teaching-rename-input').fill('右上叶结节 RUL nodule');
    await row.getByTestId('teaching-rename-input').press('Enter');
    await expect.poll(async () => (await hostAnnotations(page))[0]?.label).toBe('右上叶结节 RUL nodule');
    expect(await row.getByTestId('teaching-annotation-label').innerText()).toBe('右上叶结节 RUL nodule');

    const [annotation] = await hostAnnotations(page);
    const point = await annotationPagePoint(page, annotation!.uid);
    await page.mouse.move(point.x, point.y);
    await page.mouse.click(point.x, point.y, { button: 'right' });
    await page.getByText('Add Label', { exact: true }).click();
    await page.locator('[data-cy="dialog-input"]').fill('Solid nodule 14 mm');
    await page.locator('[data-cy="input-dialog-save-button"] button').click();
    await expect.poll(() => row.getByTestId('teaching-annotation-label').innerText()).toBe('Solid nodule 14 mm');
    await shot(page, 'renamed');
  });

  it('keeps the list when switching to another panel tab and back', async () => {
    await page.locator('[data-cy="panelMeasurement-btn"]').click();
    await expect.poll(() => rows(page).count()).toBe(0);
    await shot(page, 'host-measurement-tab');
    await page.locator('[data-cy="teaching-btn"]').click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().getByTestId('teaching-annotation-label').innerText()).toBe('Solid nodule 14 mm');
  });

  it('deletes from the panel and the annotation leaves the image', async () => {
    await rows(page).first().getByTestId('teaching-delete').click();
    await expect.poll(() => rows(page).count()).toBe(0);
    expect(await hostAnnotations(page)).toEqual([]);
    expect(await page.evaluate(() => (window as any).services.measurementService.getMeasurements().length)).toBe(0);
    await page.getByTestId('teaching-empty').waitFor();
    await shot(page, 'deleted-from-panel');
  });

  it('removes the row when the annotation is deleted on the image', async () => {
    const start = await worldToPage(page, [CHEST_CT_NODULE.centerMm[0] - 20, CHEST_CT_NODULE.centerMm[1] - 20, CHEST_CT_NODULE.centerMm[2]]);
    await dragOnPage(page, start, { x: start.x + 80, y: start.y + 40 });
    await expect.poll(() => rows(page).count()).toBe(1);
    const [annotation] = await hostAnnotations(page);
    const point = await annotationPagePoint(page, annotation!.uid);
    await page.mouse.move(point.x, point.y);
    await page.mouse.click(point.x, point.y, { button: 'right' });
    await page.getByText('Delete measurement', { exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(0);
    expect((await panelState(page)).annotations).toEqual([]);
    await shot(page, 'deleted-on-image');
  });

  it('switches the panel to English and remembers it after a reload', async () => {
    await page.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => page.getByTestId('teaching-empty').innerText()).toContain('Nothing drawn yet');
    await page.reload();
    await waitForViewportsRendered(page);
    await page.getByTestId('teaching-empty').waitFor();
    expect(await page.getByTestId('teaching-empty').innerText()).toContain('Nothing drawn yet');
    await shot(page, 'english');
    await page.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => page.getByTestId('teaching-empty').innerText()).toContain('尚未标注');
  });

  it('skipped the broken files in the data folder with a logged reason and served the rest', () => {
    expect(server.output()).toMatch(/Skipped \S*truncated\.dcm: .+/);
    expect(server.output()).toMatch(/Skipped \S*notes\.txt: .+/);
  });

  it('answers bad DICOMweb requests with a reason, not a crash', async () => {
    // With the browser's sign-in: DICOMweb answers nobody else.
    const { request } = page;
    const stow = await request.post(`${server.url}/dicom-web/studies`, {
      headers: { 'content-type': 'application/dicom' },
      data: Buffer.from('this is not a DICOM file'),
    });
    expect(stow.status()).toBe(400);
    expect(((await stow.json()) as { error: string }).error).toMatch(/DICOM/);
    const unknown = await request.get(`${server.url}/dicom-web/studies/1.2.3.4.5/metadata`);
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/1\.2\.3\.4\.5/);
    expect((await request.get(`${server.url}/dicom-web/studies?limit=many`)).status()).toBe(400);
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
