import type { Page } from 'playwright-core';
import { DEFAULT_DEMO_PASSWORD } from '../../src/records/config';

/** The demo department's password, as the server under test was started with it. */
export const DEMO_PASSWORD = process.env.TEACHING_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
export const SIGN_IN_PATH = '/api/auth/sign-in';

/**
 * Signs in through the real sign-in page, as a person does: from the page the browser is on when it
 * is the sign-in page (sent there by the front door), else from a fresh one. Resolves on the page
 * the server sends the person to.
 */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (new URL(page.url(), baseUrl).pathname !== SIGN_IN_PATH) await page.goto(`${baseUrl}${SIGN_IN_PATH}`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL(url => url.pathname !== SIGN_IN_PATH),
    page.locator('[data-testid="sign-in-form"] button[type="submit"]').click(),
  ]);
}

/** A point on the first viewport, as fractions of its width and height. */
export interface ViewportPoint {
  x: number;
  y: number;
}

/** A position on the page, in CSS pixels. */
export interface PagePoint {
  x: number;
  y: number;
}

/** Resolves when every cornerstone viewport on the page reports that it has rendered (OHIF's own tests wait the same way). */
export async function waitForViewportsRendered(
  page: Page,
  { timeout = 60_000, polling = 100 }: { timeout?: number; polling?: number | 'raf' } = {},
): Promise<void> {
  await page.waitForFunction(
    () => {
      const cornerstone = (window as any).cornerstone;
      if (!cornerstone?.getRenderingEngines) return false;
      const viewports = cornerstone.getRenderingEngines().flatMap((engine: any) => engine.getViewports());
      return viewports.length > 0 && viewports.every((viewport: any) => viewport.viewportStatus === 'rendered');
    },
    null,
    { timeout, polling },
  );
}

/** The host's "investigational use" banner covers the bottom of the viewer until confirmed. */
export async function dismissBanner(page: Page): Promise<void> {
  const confirm = page.getByRole('button', { name: 'Confirm and hide' });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
}

export async function openInTeachingMode(page: Page, baseUrl: string, studyInstanceUID: string): Promise<void> {
  await page.goto(`${baseUrl}/teaching?StudyInstanceUIDs=${studyInstanceUID}`);
  await waitForViewportsRendered(page);
  await dismissBanner(page);
}

export async function pagePoint(page: Page, point: ViewportPoint): Promise<PagePoint> {
  const box = await page.locator('.cornerstone-canvas').first().boundingBox();
  if (!box) throw new Error('No cornerstone canvas on the page');
  return { x: box.x + box.width * point.x, y: box.y + box.height * point.y };
}

/** Drags with the real mouse from one viewport point to another, as a resident draws. */
export async function dragOnViewport(page: Page, from: ViewportPoint, to: ViewportPoint): Promise<void> {
  await dragOnPage(page, await pagePoint(page, from), await pagePoint(page, to));
}

/** The patient-space distance, in mm, between two page positions over the first viewport, from its own camera. */
export async function pageDistanceMm(page: Page, from: PagePoint, to: PagePoint): Promise<number> {
  const box = await page.locator('.cornerstone-canvas').first().boundingBox();
  if (!box) throw new Error('No cornerstone canvas on the page');
  return page.evaluate(
    ({ a, b }) => {
      const viewport = (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0];
      const p = viewport.canvasToWorld(a) as number[];
      const q = viewport.canvasToWorld(b) as number[];
      return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
    },
    { a: [from.x - box.x, from.y - box.y], b: [to.x - box.x, to.y - box.y] },
  );
}

/** 0-based index of the image the first viewport shows, and how many it has. */
export async function currentSlice(page: Page): Promise<{ index: number; count: number }> {
  return page.evaluate(() => {
    const viewport = (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0];
    return { index: viewport.getCurrentImageIdIndex(), count: viewport.getImageIds().length };
  });
}

/** Scrolls the first viewport to a 0-based image index and waits for it to render. */
export async function scrollToSlice(page: Page, index: number): Promise<void> {
  await page.evaluate(async target => {
    const viewport = (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0];
    await viewport.setImageIdIndex(target);
  }, index);
  await waitForViewportsRendered(page);
}

export async function selectTool(page: Page, toolId: string): Promise<void> {
  const direct = page.locator(`[data-cy="${toolId}-btn"]`);
  if (await direct.isVisible().catch(() => false)) {
    await direct.click();
    return;
  }
  await page.locator('[data-cy="MeasurementTools-split-button-secondary"]').click();
  await page.locator(`[data-cy="${toolId}"]`).last().click();
}

/** The annotations the host's cornerstoneTools holds, as [uid, toolName, label]. */
export async function hostAnnotations(page: Page): Promise<Array<{ uid: string; toolName: string; label: string }>> {
  return page.evaluate(() =>
    (window as any).cornerstoneTools.annotation.state
      .getAllAnnotations()
      .filter((annotation: any) => annotation.metadata.toolName !== 'ReferenceLines')
      .map((annotation: any) => ({
        uid: annotation.annotationUID,
        toolName: annotation.metadata.toolName,
        label: annotation.data.label ?? '',
      })),
  );
}

/** Where on the page an annotation's handles are, in the first viewport. */
export async function annotationHandlesOnPage(page: Page, uid: string): Promise<PagePoint[]> {
  const box = await page.locator('.cornerstone-canvas').first().boundingBox();
  if (!box) throw new Error('No cornerstone canvas on the page');
  const points = await page.evaluate(annotationUID => {
    const annotation = (window as any).cornerstoneTools.annotation.state.getAnnotation(annotationUID);
    const viewport = (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0];
    return annotation.data.handles.points.map((point: number[]) => viewport.worldToCanvas(point) as [number, number]);
  }, uid);
  return points.map(([x, y]: [number, number]) => ({ x: box.x + x, y: box.y + y }));
}

/** Where on the page an annotation's first two handles meet halfway, for clicking on it. */
export async function annotationPagePoint(page: Page, uid: string): Promise<PagePoint> {
  const box = await page.locator('.cornerstone-canvas').first().boundingBox();
  if (!box) throw new Error('No cornerstone canvas on the page');
  const [x, y] = await page.evaluate(annotationUID => {
    const annotation = (window as any).cornerstoneTools.annotation.state.getAnnotation(annotationUID);
    const viewport = (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0];
    const [a, b] = annotation.data.handles.points.map((point: number[]) => viewport.worldToCanvas(point));
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  }, uid);
  return { x: box.x + x, y: box.y + y };
}

/** Where a patient-space point (mm) appears on the page in the first viewport. */
export async function worldToPage(page: Page, world: readonly number[]): Promise<PagePoint> {
  const box = await page.locator('.cornerstone-canvas').first().boundingBox();
  if (!box) throw new Error('No cornerstone canvas on the page');
  const [x, y] = await page.evaluate(point => {
    const viewport = (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0];
    return viewport.worldToCanvas(point) as [number, number];
  }, [...world]);
  return { x: box.x + x, y: box.y + y };
}

/** Scrolls the first viewport to the image carrying a DICOM InstanceNumber. */
export async function scrollToInstanceNumber(page: Page, instanceNumber: number): Promise<number> {
  const index = await page.evaluate(wanted => {
    const { metaData, getRenderingEngines } = (window as any).cornerstone;
    const viewport = getRenderingEngines()[0].getViewports()[0];
    return (viewport.getImageIds() as string[]).findIndex(
      imageId => metaData.get('generalImageModule', imageId)?.instanceNumber === wanted,
    );
  }, instanceNumber);
  if (index < 0) throw new Error(`No image with InstanceNumber ${instanceNumber} in the viewport`);
  await scrollToSlice(page, index);
  return index;
}

/** Drags with the real mouse between two page positions. */
export async function dragOnPage(page: Page, from: PagePoint, to: PagePoint): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}
