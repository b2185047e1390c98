import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { SAMPLE_STUDIES } from '../src/dicomweb/sample/sampleCatalogue';
import { DEFAULT_DEMO_PASSWORD } from '../src/records/config';
import { launchBrowser } from '../test/support/browser';
import { startServer } from '../test/support/serverProcess';
import { dismissBanner, dragOnViewport, selectTool, signIn, waitForViewportsRendered } from '../test/support/viewer';

const SESSION_SIZES = [0, 50, 200];
const DRAWINGS = Number(process.env.BENCH_FINDING_DRAWINGS ?? 15);
const TARGET_P95_MS = 50;
const HOST_PANEL_P95_MS = '250–290';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function openSession(api: APIRequestContext, baseUrl: string): Promise<{ id: string; version: number }> {
  const study = SAMPLE_STUDIES.chestCt.studyUID;
  const { sessions } = await (await api.get(`${baseUrl}/api/sessions?studyInstanceUID=${study}&open=true`)).json();
  return { id: sessions[0].session.id, version: sessions[0].version };
}

/** Gives the resident's 4.3 `count` negative signs, written as the resident through the API. */
async function seedFindings(api: APIRequestContext, baseUrl: string, count: number): Promise<void> {
  const session = await openSession(api, baseUrl);
  const findings = Array.from({ length: count }, (_, index) => ({
    id: `seeded-${index}`,
    kind: 'negative',
    description: `未见异常征象 ${index + 1}`,
    location: '左肺下叶',
    annotationIds: [],
    pathology: '',
  }));
  const response = await api.post(`${baseUrl}/api/sessions/${session.id}/commands`, {
    headers: { 'idempotency-key': `bench-findings-${count}-${Date.now()}` },
    data: { version: session.version, command: { type: 'saveWork', stage: '4.3', work: { findings } } },
  });
  if (!response.ok()) throw new Error(`Seeding ${count} findings failed: ${response.status()} ${await response.text()}`);
}

/**
 * Arms a watch in the page: from the host's "annotation completed" (the drawing is finished) until
 * a new finding row is in the panel, and until the frame after it, when it is on screen.
 */
function armWatch(page: Page): Promise<void> {
  // A string, not a function: tsx names inner functions with a helper that does not exist in the page.
  return page.evaluate(`(() => {
    const { cornerstone, cornerstoneTools } = window;
    const rows = () => document.querySelectorAll('[data-testid="teaching-finding"]').length;
    const before = rows();
    window.__findingRow = new Promise(resolve => {
      let completedAt;
      const onCompleted = () => {
        completedAt = performance.now();
        cornerstone.eventTarget.removeEventListener(cornerstoneTools.Enums.Events.ANNOTATION_COMPLETED, onCompleted);
      };
      cornerstone.eventTarget.addEventListener(cornerstoneTools.Enums.Events.ANNOTATION_COMPLETED, onCompleted);
      const observer = new MutationObserver(() => {
        if (completedAt === undefined || rows() <= before) return;
        const inDom = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => resolve({ inDom: inDom - completedAt, onScreen: performance.now() - completedAt }));
      });
      observer.observe(document.querySelector('[data-testid="teaching-panel"]'), { childList: true, subtree: true });
    });
  })()`);
}

/** Drawing finished → its finding row in the 4.3 list, with 0, 50 and 200 signs already in the session. */
export async function benchFindingRow(): Promise<void> {
  console.log(`\n6. Drawing finished → its finding row on screen (4.3), ${DRAWINGS} Length drawings with the real mouse per session size`);
  for (const size of SESSION_SIZES) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-bench-finding-'));
    const server = await startServer({ DATA_DIR: dataDir });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await signIn(page, server.url, 'resident1', DEFAULT_DEMO_PASSWORD);
      await seedFindings(page.context().request, server.url, size);
      await page.goto(`${server.url}/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`);
      await waitForViewportsRendered(page);
      await dismissBanner(page);
      await page.locator('[data-testid="teaching-step"][data-stage="4.3"]').click();
      await page.getByTestId('teaching-stage-4.3').waitFor();
      await page.waitForFunction(count => document.querySelectorAll('[data-testid="teaching-finding"]').length === count, size);
      await selectTool(page, 'Length');
      const inDom: number[] = [];
      const onScreen: number[] = [];
      for (let drawing = 0; drawing < DRAWINGS; drawing++) {
        await armWatch(page);
        // Each on its own stretch of the image, so that no drag starts on an earlier drawing's handle.
        const y = 0.15 + (drawing % 14) * 0.05;
        const x = 0.2 + Math.floor(drawing / 14) * 0.3;
        await dragOnViewport(page, { x, y }, { x: x + 0.15, y: y + 0.02 });
        const timing = (await page.evaluate('window.__findingRow')) as { inDom: number; onScreen: number };
        inDom.push(timing.inDom);
        onScreen.push(timing.onScreen);
      }
      const p95 = percentile(onScreen, 95);
      console.log(
        `   ${String(size).padStart(3)} findings: on screen p50 ${percentile(onScreen, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms` +
          `   (row in DOM p95 ${percentile(inDom, 95).toFixed(1)} ms)   ratio to ${TARGET_P95_MS} ms: ${(p95 / TARGET_P95_MS).toFixed(2)}` +
          `${size === 200 ? ` ${p95 <= TARGET_P95_MS ? 'OK' : 'OVER TARGET'} (the host's own panel needs ${HOST_PANEL_P95_MS} ms at 200)` : ''}`,
      );
    } finally {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
