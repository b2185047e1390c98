import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_GEOMETRY, CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { IN_PROGRESS_PLAN } from '../../src/records/seed/demoSessionPlans';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { runCommandsAs } from '../support/teachingPanel';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-prior-comparison');
const SHOTS = path.resolve('test-results', 'e2e-prior-comparison');
const { chestCt, chestCtPrior } = SAMPLE_STUDIES;
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${chestCt.studyUID}`;
const SESSION_ID = IN_PROGRESS_PLAN.id;

interface ViewportReading {
  id: string;
  studyInstanceUID: string;
  index: number;
  count: number;
  /** z of the image shown (mm, LPS). */
  z: number;
}

/** Every cornerstone viewport, left to right, with the study it shows and where it is in it. */
const viewports = (page: Page): Promise<ViewportReading[]> =>
  page.evaluate(() => {
    const { getRenderingEngines, metaData } = (window as any).cornerstone;
    return getRenderingEngines()
      .flatMap((engine: any) => engine.getViewports())
      .map((viewport: any) => {
        const imageId = viewport.getCurrentImageId();
        return {
          id: viewport.id,
          left: viewport.element.getBoundingClientRect().left,
          studyInstanceUID: metaData.get('instance', imageId)?.StudyInstanceUID,
          index: viewport.getCurrentImageIdIndex(),
          count: viewport.getImageIds().length,
          z: metaData.get('imagePlaneModule', imageId)?.imagePositionPatient?.[2],
        };
      })
      .sort((a: { left: number }, b: { left: number }) => a.left - b.left)
      .map(({ left, ...reading }: { left: number }) => reading);
  });

/** Where the centre of the viewport showing a study is on the page. */
const viewportCentre = async (page: Page, studyInstanceUID: string) => {
  const box = await page.evaluate(uid => {
    const { getRenderingEngines, metaData } = (window as any).cornerstone;
    const viewport = getRenderingEngines()
      .flatMap((engine: any) => engine.getViewports())
      .find((candidate: any) => metaData.get('instance', candidate.getCurrentImageId())?.StudyInstanceUID === uid);
    const rect = viewport.element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, studyInstanceUID);
  return box;
};

/** Where the nodule's centre appears on the page in each viewport, left to right. */
const noduleOnPage = (page: Page, centreMm: readonly number[]) =>
  page.evaluate(point => {
    const { getRenderingEngines } = (window as any).cornerstone;
    return getRenderingEngines()
      .flatMap((engine: any) => engine.getViewports())
      .map((viewport: any) => {
        const rect = viewport.element.getBoundingClientRect();
        const [x, y] = viewport.worldToCanvas(point) as [number, number];
        return { x: rect.left + x, y: rect.top + y };
      })
      .sort((a: { x: number }, b: { x: number }) => a.x - b.x);
  }, [...centreMm]);

/** 4.4 with the prior: opened beside the current chest CT, synchronised slice by slice, closed again. */
describe('the prior study side by side in 4.4', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;

  const panel = (page: Page) => page.getByTestId('teaching-panel');
  const step = (page: Page, stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`);
  const comparison = (page: Page) => page.getByTestId('teaching-prior').getAttribute('data-comparison');
  const sidewaysOverflow = (page: Page) => page.locator('.ohif-teaching__stage-scroll').evaluate(element => element.scrollWidth - element.clientWidth);
  const toLanguage = async (page: Page, language: 'en' | 'zh-CN') => {
    if ((await panel(page).getAttribute('lang')) !== language) await page.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => panel(page).getAttribute('lang')).toBe(language);
  };
  /** Hands 4.1–4.3 in through the records API as the resident, so the page opens on 4.4. */
  const handInEarlierStages = async (page: Page) => {
    const { stages } = (await page.evaluate(async id => (await fetch(`/api/sessions/${id}`)).json(), SESSION_ID)).session;
    await runCommandsAs(page, SESSION_ID, [
      { type: 'saveWork', stage: '4.1', work: { ...stages['4.1'].work, summary: '男，68 岁，吸烟 40 年；右肺上叶结节 6 个月复查' } },
      { type: 'saveWork', stage: '4.2', work: { ...stages['4.2'].work, protocol: '胸部 CT 平扫，层厚 5 mm' } },
      { type: 'saveWork', stage: '4.3', work: { findings: [{ id: 'f-nodule', kind: 'positive', description: '实性结节，约 14 mm', location: '右肺上叶前段', annotationIds: [], pathology: '' }] } },
      { type: 'submitStage', stage: '4.1' },
      { type: 'submitStage', stage: '4.2' },
      { type: 'submitStage', stage: '4.3' },
    ]);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-prior-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    resident = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await resident.goto(`${server.url}${TEACHING_URL}`);
    await signIn(resident, server.url, 'resident1');
    await waitForViewportsRendered(resident);
    await handInEarlierStages(resident);
    await resident.reload();
    await waitForViewportsRendered(resident);
    await dismissBanner(resident);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the case’s prior by its date and description in 4.4', async () => {
    await step(resident, '4.4').click();
    await resident.getByTestId('teaching-stage-4.4').waitFor();
    await toLanguage(resident, 'zh-CN');
    await expect.poll(() => resident.getByTestId('teaching-prior-study').innerText()).toBe(`2026-04-15 检查 · ${chestCtPrior.description}`);
    expect(await resident.getByTestId('teaching-prior-toggle').innerText()).toBe('与既往检查对比');
    expect(await viewports(resident)).toHaveLength(1);
  });

  it('opens the prior on the right beside the current chest CT, both rendered, at the same level', async () => {
    // The resident is on the nodule's slice when they ask for the prior.
    const noduleIndex = CHEST_CT_NODULE.centerInstanceNumber - 1;
    await resident.evaluate(async index => {
      const viewport = (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0];
      await viewport.setImageIdIndex(index);
    }, noduleIndex);
    await resident.getByTestId('teaching-prior-toggle').click();
    await expect.poll(() => comparison(resident), { timeout: 30_000 }).toBe('open');
    expect(await resident.getByTestId('teaching-prior-error').count()).toBe(0);
    await expect.poll(async () => (await viewports(resident)).length).toBe(2);
    await waitForViewportsRendered(resident);
    const [left, right] = await viewports(resident);
    expect(left!.studyInstanceUID).toBe(chestCt.studyUID);
    expect(right!.studyInstanceUID).toBe(chestCtPrior.studyUID);
    expect(right!.count).toBe(CHEST_CT_GEOMETRY.slices);
    // Different frames of reference: aligned by the head ends, which the sample's two scans share.
    expect(await resident.getByTestId('teaching-prior').getAttribute('data-alignment')).toBe('approximate');
    expect(await resident.getByTestId('teaching-prior-alignment').innerText()).toContain('对位为近似');
    // The host lays the left viewport out again for the new layout, from the slice it was on.
    await expect.poll(async () => (await viewports(resident))[0]!.index).toBe(noduleIndex);
    const current = (await viewports(resident))[0]!;
    await expect.poll(async () => (await viewports(resident))[1]!.z).toBe(current.z);
    expect(await resident.getByTestId('teaching-prior-toggle').innerText()).toBe('关闭对比');
    expect(await sidewaysOverflow(resident)).toBe(0);
    await shot(resident, '4.4-side-by-side-nodule-zh');
    // Close-ups of the nodule on each side: the same level of both studies, 14 mm now and 8 mm before.
    for (const [side, centre] of (await noduleOnPage(resident, CHEST_CT_NODULE.centerMm)).entries()) {
      await resident.screenshot({ path: path.join(SHOTS, `4.4-nodule-close-up-${side === 0 ? 'current' : 'prior'}.png`), clip: { x: centre.x - 60, y: centre.y - 60, width: 120, height: 120 } });
    }
    await shot(resident, '4.4-prior-panel-zh', panel(resident));
  });

  it('moves the prior with the current study when the resident scrolls it with the mouse wheel', async () => {
    const before = await viewports(resident);
    const centre = await viewportCentre(resident, chestCt.studyUID);
    await resident.mouse.move(centre.x, centre.y);
    for (let notch = 0; notch < 6; notch++) {
      await resident.mouse.wheel(0, 100);
      await resident.waitForTimeout(60);
    }
    await expect.poll(async () => (await viewports(resident))[0]!.index).not.toBe(before[0]!.index);
    await waitForViewportsRendered(resident);
    // The prior follows to the matching level: same z within half a slice, as its slices match one to one.
    await expect
      .poll(async () => {
        const [left, right] = await viewports(resident);
        return Math.abs(left!.z - right!.z);
      })
      .toBeLessThanOrEqual(CHEST_CT_GEOMETRY.sliceThicknessMm / 2);
    const [left, right] = await viewports(resident);
    expect(right!.index).not.toBe(before[1]!.index);
    expect(right!.z - before[1]!.z).toBeCloseTo(left!.z - before[0]!.z, 5);

    // And back up with the wheel over the prior: the current one follows it the other way.
    const priorCentre = await viewportCentre(resident, chestCtPrior.studyUID);
    await resident.mouse.move(priorCentre.x, priorCentre.y);
    for (let notch = 0; notch < 6; notch++) {
      await resident.mouse.wheel(0, -100);
      await resident.waitForTimeout(60);
    }
    await expect.poll(async () => (await viewports(resident))[1]!.index).toBe(before[1]!.index);
    await expect.poll(async () => (await viewports(resident))[0]!.index).toBe(before[0]!.index);
    await waitForViewportsRendered(resident);
    await toLanguage(resident, 'en');
    expect(await resident.getByTestId('teaching-prior-alignment').innerText()).toMatch(/Alignment is approximate.*head ends/);
    expect(await resident.getByTestId('teaching-prior-study').innerText()).toBe(`2026-04-15 · ${chestCtPrior.description}`);
    expect(await resident.getByTestId('teaching-prior-toggle').innerText()).toBe('Close comparison');
    expect(await sidewaysOverflow(resident)).toBe(0);
    await shot(resident, '4.4-side-by-side-nodule-en');
    await shot(resident, '4.4-prior-panel-en', panel(resident));
  });

  it('closes back to the single viewport with the current study', async () => {
    await resident.getByTestId('teaching-prior-toggle').click();
    await expect.poll(() => comparison(resident), { timeout: 30_000 }).toBe('closed');
    await expect.poll(async () => (await viewports(resident)).length).toBe(1);
    await waitForViewportsRendered(resident);
    const [only] = await viewports(resident);
    expect(only!.studyInstanceUID).toBe(chestCt.studyUID);
    expect(await resident.getByTestId('teaching-prior-toggle').innerText()).toBe('Compare with prior');
    expect(await resident.getByTestId('teaching-prior-alignment').count()).toBe(0);
    await shot(resident, '4.4-closed-en');

    // Opened a second time, it works as the first.
    await resident.getByTestId('teaching-prior-toggle').click();
    await expect.poll(() => comparison(resident), { timeout: 30_000 }).toBe('open');
    await waitForViewportsRendered(resident);
    expect((await viewports(resident)).map(reading => reading.studyInstanceUID)).toEqual([chestCt.studyUID, chestCtPrior.studyUID]);
    await resident.getByTestId('teaching-prior-toggle').click();
    await expect.poll(async () => (await viewports(resident)).length).toBe(1);
  });
});
