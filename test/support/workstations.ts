import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './serverProcess';
import { waitForTeachingPanel } from './teachingPanel';
import { signIn } from './viewer';

export interface Workstations {
  server: RunningServer;
  browser: Browser;
  resident: Page;
  tutor: Page;
  close(): Promise<void>;
}

/**
 * The product running on its own data, with resident1 and tutor1 of the demo department each signed
 * in at a workstation of their own (a browser context each), in teaching mode on the chest CT of
 * their session in progress.
 */
export async function openWorkstations(name: string): Promise<Workstations> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `ohif-teaching-${name}-`));
  const server = await startServer({ DATA_DIR: dataDir });
  const browser = await launchBrowser();
  const [resident, tutor] = await Promise.all([0, 1].map(async () => (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage()));
  for (const [page, username] of [[resident!, 'resident1'], [tutor!, 'tutor1']] as const) {
    await page.goto(`${server.url}/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`);
    await signIn(page, server.url, username);
    await waitForTeachingPanel(page);
  }
  return {
    server,
    browser,
    resident: resident!,
    tutor: tutor!,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
