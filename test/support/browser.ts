import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; the test suite never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface ViewerPage {
  page: Page;
  /** Uncaught page errors seen so far; a healthy run has none from our code. */
  errors: string[];
}

export async function newViewerPage(browser: Browser): Promise<ViewerPage> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(error.message));
  return { page, errors };
}
