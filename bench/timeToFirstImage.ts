import type { Browser } from 'playwright-core';
import { waitForViewportsRendered } from '../test/support/viewer';

/**
 * Milliseconds from navigation start until every viewport has rendered, in a fresh browser
 * context (no cache, no storage), i.e. a cold load of the viewer on that URL.
 */
export async function timeToFirstImage(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitForViewportsRendered(page, { polling: 'raf' });
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
