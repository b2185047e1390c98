import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-resident-boundaries');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;
/** resident1's session with tutor1 on the chest CT, in progress in the demo department. */
const RESIDENT1_SESSION = 'demo-session-chest-ct-resident1';

interface Answer {
  status: number;
  body: { code?: string; messages?: { zh: string; en: string } };
}

/** A call from inside the signed-in page, as any script on it could make. */
const call = (page: Page, url: string, init?: { method: string; body: unknown }): Promise<Answer> =>
  page.evaluate(
    async ({ url, init }) => {
      const response = await fetch(url, init && { method: init.method, headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(init.body) });
      return { status: response.status, body: await response.json().catch(() => ({})) };
    },
    { url, init },
  );

/** Another resident's session stays closed to a resident, in the panel and through the API; and a resident never scores. */
describe("a resident and other people's sessions", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;

  const openAs = async (username: string) => {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`${server.url}${TEACHING_URL}`);
    await signIn(page, server.url, username);
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    return page;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-boundaries-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows another resident nothing of resident1's session on the same study", async () => {
    const other = await openAs('resident2');
    const panel = other.getByTestId('teaching-panel');
    await expect.poll(() => panel.innerText()).toMatch(/本检查没有您正在进行的教学活动/);
    expect(await other.getByTestId('teaching-stepper').count()).toBe(0);
    expect(await panel.innerText()).not.toContain('李明轩');
    await shot(other, 'other-resident-zh', panel);

    const session = await call(other, `/api/sessions/${RESIDENT1_SESSION}`);
    expect(session.status).toBe(404);
    expect(session.body.messages?.zh).toMatch(/[\u4e00-\u9fff]/);
    const annotations = await call(other, `/api/sessions/${RESIDENT1_SESSION}/annotations`);
    expect(annotations.status).toBe(404);
    const listed = await call(other, `/api/sessions?studyInstanceUID=${SAMPLE_STUDIES.chestCt.studyUID}`);
    expect(listed.status).toBe(200);
    expect((listed.body as unknown as { sessions: Array<{ session: { id: string } }> }).sessions.map(item => item.session.id)).not.toContain(RESIDENT1_SESSION);
    const write = await call(other, `/api/sessions/${RESIDENT1_SESSION}/commands`, { method: 'POST', body: { version: 1, command: { type: 'saveWork', stage: '4.1', work: {} } } });
    expect(write.status).toBe(404);
    await other.context().close();
  });

  it('never lets the resident score their own stage, and says why', async () => {
    const resident = await openAs('resident1');
    await resident.getByTestId('teaching-stepper').waitFor();
    // The resident sees no scoring in the panel, for any stage.
    for (const stage of ['4.1', '4.2', '4.3', '4.4', '4.5']) {
      await resident.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`).click();
      expect(await resident.locator('[data-testid^="teaching-scoring"]').count()).toBe(0);
    }
    const { session, version } = (await call(resident, `/api/sessions/${RESIDENT1_SESSION}`)).body as unknown as { session: { id: string }; version: number };
    expect(session.id).toBe(RESIDENT1_SESSION);
    const evaluation = { scores: { completeness: 10 }, notApplicable: [], criterionRemarks: {}, remark: '', feedback: '', guidance: '' };
    const refused = await call(resident, `/api/sessions/${RESIDENT1_SESSION}/commands`, { method: 'POST', body: { version, command: { type: 'evaluateStage', stage: '4.1', evaluation } } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('access.tutorOnly');
    expect(refused.body.messages?.zh).toBe('只有本次活动的指导医师可以评分、退回、提问和签署');
    const after = (await call(resident, `/api/sessions/${RESIDENT1_SESSION}`)).body as unknown as { version: number; session: { stages: Record<string, { evaluation?: unknown }> } };
    expect(after.version).toBe(version);
    expect(after.session.stages['4.1']?.evaluation).toBeUndefined();
    await resident.context().close();
  });
});
