import type { Browser, BrowserContext } from 'playwright-core';
import { waitForViewportsRendered } from '../test/support/viewer';

/**
 * Serves the host viewer's app-config without our extension and mode, so that a baseline run
 * measures the host exactly as a department runs it before adding teaching.
 */
async function withoutTeaching(context: BrowserContext): Promise<void> {
  await context.route('**/app-config.js', async route => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/extensions: \[[^\]]*\]/, 'extensions: []').replace(/modes: \[[^\]]*\]/, 'modes: []');
    if (body.includes('ohif-teaching/')) throw new Error('Could not take the teaching bundles out of the app-config');
    await route.fulfill({ response, body });
  });
}

/**
 * Milliseconds from navigation start until every viewport has rendered, in a fresh browser
 * context (no cache, no storage, only the sign-in cookie), i.e. a cold load of the viewer on that URL.
 */
export async function timeToFirstImage(browser: Browser, url: string, options: { hostOnly?: boolean; sessionCookie?: string } = {}): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  try {
    if (options.hostOnly) await withoutTeaching(context);
    // Signed in before the clock starts, with one sign-in shared by all runs: the figure is the
    // viewer's load, not the password hash's, and the sign-in rate limit is not what is measured.
    if (options.sessionCookie) {
      const [name, value] = options.sessionCookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url }]);
    }
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
