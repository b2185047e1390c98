import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHOR_COLOURS } from '../../extension/host/annotationStyle';
import { CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import type { AnnotationView } from '../../src/records/api/annotations';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { annotationHandlesOnPage, dismissBanner, dragOnPage, scrollToInstanceNumber, selectTool, signIn, waitForViewportsRendered, worldToPage } from '../support/viewer';

const shot = screenshotter('e2e-live-authorship');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;
const HOST_LOCKED_GOLD = 'rgb(209, 193, 90)';

const rows = (page: Page) => page.locator('[data-testid="teaching-annotation-row"]');
const row = (page: Page, uid: string) => page.locator(`[data-testid="teaching-annotation-row"][data-uid="${uid}"]`);
const rowUids = (page: Page) => rows(page).evaluateAll(elements => elements.map(element => element.getAttribute('data-uid')!));
const progress = (page: Page, stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`).getAttribute('data-progress');
const saveState = (page: Page) => page.getByTestId('teaching-save-status').getAttribute('data-state');

/** How the host draws an annotation: its own style object, whether it is locked, and where its handles are. */
const drawnAs = (page: Page, uid: string) =>
  page.evaluate(id => {
    const tools = (window as any).cornerstoneTools;
    const annotation = tools.annotation.state.getAnnotation(id);
    return {
      style: tools.annotation.config.style.getAnnotationToolStyles(id) as Record<string, string> | undefined,
      locked: tools.annotation.locking.isAnnotationLocked(id) as boolean,
      selected: tools.annotation.selection.isAnnotationSelected(id) as boolean,
      points: annotation?.data.handles.points as number[][] | undefined,
    };
  }, uid);

/** Lines the viewport's drawing layer strokes in a colour: what the person actually sees. */
const strokedIn = (page: Page, colour: string) => page.locator(`.viewport-element svg [stroke="${colour}"]`).count();

/** The resident at their workstation and the tutor at theirs, on the same session, neither reloading. */
describe('whose annotation is whose, seen live at the other workstation', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;
  let tutor: Page;
  let sessionId: string;
  let residentLine: string;
  let correction: string;
  const reloads = { resident: 0, tutor: 0 };

  const stored = async (page: Page): Promise<AnnotationView[]> => {
    const response = await page.request.get(`${server.url}/api/sessions/${sessionId}/annotations`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { annotations: AnnotationView[] }).annotations;
  };
  /** The pointer off every line but still over the image, so the tools stop highlighting the one it left. */
  const awayFromLines = async (page: Page) => {
    const box = (await page.locator('.cornerstone-canvas').first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 5 });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-live-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    resident = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    tutor = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    for (const [page, username] of [[resident, 'resident1'], [tutor, 'tutor1']] as const) {
      await page.goto(`${server.url}${TEACHING_URL}`);
      await signIn(page, server.url, username);
      await waitForViewportsRendered(page);
      await dismissBanner(page);
      await page.getByTestId('teaching-stepper').waitFor();
      await scrollToInstanceNumber(page, CHEST_CT_NODULE.centerInstanceNumber);
      page.on('load', () => (reloads[username === 'resident1' ? 'resident' : 'tutor'] += 1));
    }
    sessionId = await resident.evaluate(() => (window as any).services.teachingService.getState().session.id);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("draws the resident's length in the resident's colour, listed as theirs", async () => {
    await selectTool(resident, 'Length');
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    const radius = CHEST_CT_NODULE.diameterMm / 2;
    await dragOnPage(resident, await worldToPage(resident, [cx - radius, cy, cz]), await worldToPage(resident, [cx + radius, cy, cz]));
    await expect.poll(() => rows(resident).count()).toBe(1);
    residentLine = (await rowUids(resident))[0]!;
    await expect.poll(() => saveState(resident)).toBe('saved');
    await awayFromLines(resident);

    const drawn = await drawnAs(resident, residentLine);
    expect(drawn.style).toMatchObject({ color: AUTHOR_COLOURS.resident, colorLocked: AUTHOR_COLOURS.resident });
    // Shown as drawn at once, not in the host's green of a selected line.
    expect(drawn.selected).toBe(false);
    expect(drawn.locked).toBe(false);
    await expect.poll(() => strokedIn(resident, AUTHOR_COLOURS.resident)).toBeGreaterThan(0);
    const author = row(resident, residentLine).getByTestId('teaching-annotation-author');
    expect(await author.getAttribute('data-role')).toBe('resident');
    expect(await author.innerText()).toBe('住院医师');
    await shot(resident, 'resident-drew-zh');
  });

  it("appears at the tutor's workstation without a reload, locked and in the resident's colour", async () => {
    await expect.poll(() => rowUids(tutor)).toEqual([residentLine]);
    await waitForViewportsRendered(tutor);
    await awayFromLines(tutor);
    const drawn = await drawnAs(tutor, residentLine);
    expect(drawn.locked).toBe(true);
    expect(drawn.style).toMatchObject({ color: AUTHOR_COLOURS.resident, colorLocked: AUTHOR_COLOURS.resident });
    // Locked, and still not the host's gold: the colour says who drew it.
    await expect.poll(() => strokedIn(tutor, AUTHOR_COLOURS.resident)).toBeGreaterThan(0);
    expect(await strokedIn(tutor, HOST_LOCKED_GOLD)).toBe(0);
    expect(await row(tutor, residentLine).getByTestId('teaching-annotation-author').getAttribute('data-role')).toBe('resident');
    expect(await row(tutor, residentLine).getByTestId('teaching-read-only').count()).toBe(1);
    expect(await row(tutor, residentLine).getByTestId('teaching-delete').count()).toBe(0);

    // A drag on its handle with the viewer's own tool, which would move a line that is not locked.
    const before = await drawnAs(tutor, residentLine);
    const savedBefore = (await stored(tutor)).map(item => `${item.uid} v${item.version}`);
    const [start] = await annotationHandlesOnPage(tutor, residentLine);
    await dragOnPage(tutor, start!, { x: start!.x - 40, y: start!.y - 30 });
    await tutor.waitForTimeout(500);
    expect((await drawnAs(tutor, residentLine)).points).toEqual(before.points);
    expect(await rowUids(tutor)).toEqual([residentLine]);
    expect((await stored(tutor)).map(item => `${item.uid} v${item.version}`)).toEqual(savedBefore);
    await awayFromLines(tutor);
  });

  it("follows the resident's move of the line at the tutor's", async () => {
    const [start] = await annotationHandlesOnPage(resident, residentLine);
    await dragOnPage(resident, start!, { x: start!.x - 20, y: start!.y - 12 });
    await expect.poll(() => saveState(resident)).toBe('saved');
    await awayFromLines(resident);
    const moved = (await drawnAs(resident, residentLine)).points;
    await expect.poll(async () => (await drawnAs(tutor, residentLine)).points).toEqual(moved);
    const drawn = await drawnAs(tutor, residentLine);
    expect(drawn.locked).toBe(true);
    expect(drawn.style?.colorLocked).toBe(AUTHOR_COLOURS.resident);
    expect(await rowUids(tutor)).toEqual([residentLine]);
    // Redrawn at the tutor's, not saved back from there.
    expect((await stored(tutor)).find(item => item.uid === residentLine)?.authorId).toBe('demo-resident1');
  });

  it("draws the tutor's correction in the tutor's colour, listed as the tutor's, and keeps it from the resident until sign-off", async () => {
    await selectTool(tutor, 'Length');
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    await dragOnPage(tutor, await worldToPage(tutor, [cx - 12, cy + 28, cz]), await worldToPage(tutor, [cx + 12, cy + 28, cz]));
    await expect.poll(() => rows(tutor).count()).toBe(2);
    correction = (await rowUids(tutor)).find(uid => uid !== residentLine)!;
    await expect.poll(() => saveState(tutor)).toBe('saved');
    await awayFromLines(tutor);

    const drawn = await drawnAs(tutor, correction);
    expect(drawn.style).toMatchObject({ color: AUTHOR_COLOURS.tutor, colorLocked: AUTHOR_COLOURS.tutor });
    expect(drawn.selected).toBe(false);
    await expect.poll(() => strokedIn(tutor, AUTHOR_COLOURS.tutor)).toBeGreaterThan(0);
    const author = row(tutor, correction).getByTestId('teaching-annotation-author');
    expect(await author.getAttribute('data-role')).toBe('tutor');
    expect(await author.innerText()).toBe('指导医师修正');
    expect(await row(tutor, correction).getByTestId('teaching-delete').count()).toBe(1);
    expect((await stored(tutor)).find(item => item.uid === correction)).toMatchObject({ authorId: 'demo-tutor1', authorRole: 'tutor' });

    // Several looks later the resident still has only their own line.
    await resident.waitForTimeout(9_000);
    expect(await rowUids(resident)).toEqual([residentLine]);
    expect((await stored(resident)).map(item => item.uid)).toEqual([residentLine]);
    expect(await resident.evaluate(id => Boolean((window as any).cornerstoneTools.annotation.state.getAnnotation(id)), correction)).toBe(false);

    await shot(resident, 'resident-zh');
    await shot(tutor, 'tutor-zh');
  });

  it("shows the tutor the stage the resident hands in, without a reload", async () => {
    expect(await progress(tutor, '4.1')).not.toBe('submitted');
    await resident.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => progress(resident, '4.1')).toBe('submitted');
    await expect.poll(() => progress(tutor, '4.1')).toBe('submitted');
    await tutor.getByTestId('teaching-scoring-4.1').waitFor();
    expect(reloads).toEqual({ resident: 0, tutor: 0 });

    for (const page of [resident, tutor]) {
      await page.getByTestId('teaching-language-toggle').click();
      await awayFromLines(page);
    }
    expect(await row(tutor, correction).getByTestId('teaching-annotation-author').innerText()).toBe("Tutor's correction");
    expect(await row(tutor, residentLine).getByTestId('teaching-annotation-author').innerText()).toBe('Resident');
    await shot(resident, 'resident-en');
    await shot(tutor, 'tutor-en');
    await shot(tutor, 'tutor-panel-en', tutor.getByTestId('teaching-panel'));
  });
});
