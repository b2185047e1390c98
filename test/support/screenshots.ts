import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Numbered screenshots per suite under test-results/, so a run can be looked through in order; of
 * the whole page, or of one part of it (a panel) to see its details.
 */
export function screenshotter(suite: string) {
  const dir = path.resolve('test-results', suite);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let step = 0;
  return async (page: Page, name: string, part?: Locator): Promise<string> => {
    step += 1;
    const file = path.join(dir, `${String(step).padStart(2, '0')}-${name}.png`);
    await (part ?? page).screenshot({ path: file });
    return file;
  };
}
