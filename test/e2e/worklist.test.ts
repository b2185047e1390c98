import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser, newViewerPage } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, SIGN_IN_PATH, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-worklist');
const CHEST_CT = SAMPLE_STUDIES.chestCt.studyUID;
const CHEST_CT_CASE = '右肺上叶实性结节';

/** Tomorrow at 14:30 in Beijing, as the tutor types it into the form (the page's times are Beijing's). */
function tomorrowInBeijing(): { typed: string; shown: string } {
  const beijing = new Date(Date.now() + 8 * 3_600_000 + 86_400_000);
  const day = beijing.toISOString().slice(0, 10);
  return { typed: `${day}T14:30`, shown: `${day} 14:30` };
}

/**
 * The worklist as the product's home: a tutor schedules a session from it, the resident finds it
 * marked new at their next sign-in and opens it in the viewer in one click; an administrator sees the
 * department's sessions. Screenshots of each role in both languages.
 */
describe('the teaching worklist in the browser', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const planned = tomorrowInBeijing();

  const signOut = async () => {
    await page.getByTestId('worklist-sign-out').click();
    await page.waitForURL(url => url.pathname === SIGN_IN_PATH);
  };
  const signInToWorklist = async (username: string) => {
    await signIn(page, server.url, username);
    expect(new URL(page.url()).pathname, username).toBe('/api/worklist');
    await page.waitForSelector('html[data-ready="true"]');
  };
  const inEnglish = async (name: string) => {
    await page.getByTestId('worklist-language').click();
    await page.waitForSelector('html[lang="en"][data-ready="true"]');
    await shot(page, `${name}-en`);
    await page.getByTestId('worklist-language').click();
    await page.waitForSelector('html[lang="zh-CN"][data-ready="true"]');
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-worklist-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await newViewerPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lands a resident without a session under way on their worklist, their signed-off session with its score', async () => {
    await page.goto(`${server.url}${SIGN_IN_PATH}`);
    await signInToWorklist('resident2');
    expect(await page.getByTestId('worklist-account-name').innerText()).toBe('陈雨桐');
    const signedOff = page.getByTestId('worklist-signed-off');
    await expect.poll(() => signedOff.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await signedOff.locator('[data-score]').first().innerText()).toMatch(/^\d+(\.\d+)? \/ 100$/);
    expect(await page.getByTestId('worklist-upcoming').getByTestId('worklist-empty').innerText()).toBe('暂无已安排的教学活动。');
    await shot(page, 'resident-before-zh');
    await signOut();
  });

  it('lets a tutor schedule a session from the page, answering a refusal beside the form', async () => {
    await signInToWorklist('tutor2');
    const form = page.getByTestId('worklist-schedule-form');
    const error = page.getByTestId('worklist-schedule-error');
    await shot(page, 'tutor-zh');
    await inEnglish('tutor');

    await form.locator('button[type="submit"]').click();
    await expect.poll(() => error.innerText()).toBe('请填写：住院医师、病例、计划时间（北京时间）、地点');
    expect(await page.locator('#schedule-resident').getAttribute('aria-invalid')).toBe('true');

    // The next-case suggestions for the resident fill the form with the chosen case.
    await page.locator('#next-resident').selectOption({ label: '陈雨桐 · 住培第一年' });
    const suggestion = page.getByTestId('worklist-suggestions').locator('li.suggestion').filter({ hasText: CHEST_CT_CASE });
    await suggestion.waitFor();
    expect(await page.getByTestId('worklist-suggestions').locator('li.suggestion').count()).toBeGreaterThan(0);
    expect(await suggestion.locator('.reasons li').count()).toBeGreaterThan(0);
    expect(await suggestion.locator('.sub').innerText()).toMatch(/^CT · 呼吸系统 · 匹配度 \d+\/100$/);
    await shot(page, 'tutor-next-case-zh', page.getByTestId('worklist-next-case'));
    await suggestion.getByTestId('worklist-schedule-this').click();
    expect(await page.locator('#schedule-resident').inputValue()).toBe('demo-resident2');
    expect(await page.locator('#schedule-case option:checked').innerText()).toBe(CHEST_CT_CASE);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('schedule-planned');
    await page.locator('#schedule-planned').fill(planned.typed);
    await page.locator('#schedule-place').fill('阅片室 3');
    // A resident who left the department meanwhile: the server's refusal is shown in place, the form kept.
    await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('#schedule-resident')!;
      select.add(new Option('已离开的住院医师', 'demo-left-the-department'));
      select.value = 'demo-left-the-department';
    });
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => error.innerText()).toBe('未能完成：未找到该住院医师（或已停用）');
    expect(await page.locator('#schedule-place').inputValue()).toBe('阅片室 3');
    await shot(page, 'tutor-refused-zh', page.getByTestId('worklist-schedule'));

    await page.locator('#schedule-resident').selectOption({ label: '陈雨桐 · 住培第一年' });
    await Promise.all([page.waitForURL(url => url.searchParams.has('scheduled')), form.locator('button[type="submit"]').click()]);
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.getByTestId('worklist-schedule-done').innerText()).toBe(`已安排：陈雨桐，${CHEST_CT_CASE}。`);
    const row = page.getByTestId('worklist-upcoming').locator('tr.row--highlight');
    expect(await row.innerText()).toContain(planned.shown);
    expect(await row.innerText()).toContain('阅片室 3');
    await shot(page, 'tutor-scheduled-zh');
    await signOut();
  });

  it('shows the resident the session at their next sign-in, marked new, and opens it in the viewer in one click', async () => {
    await signInToWorklist('resident2');
    const upcoming = page.getByTestId('worklist-upcoming');
    const row = upcoming.locator('tbody tr').first();
    expect(await row.innerText()).toContain(CHEST_CT_CASE);
    expect(await row.innerText()).toContain('孙丽娟');
    expect(await row.innerText()).toContain(planned.shown);
    expect(await row.getByTestId('worklist-new').innerText()).toBe('新');
    await shot(page, 'resident-zh');
    await inEnglish('resident');

    await Promise.all([page.waitForURL(url => url.pathname === '/teaching'), row.getByTestId('worklist-open').click()]);
    expect(new URL(page.url()).searchParams.get('StudyInstanceUIDs')).toBe(CHEST_CT);
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await shot(page, 'resident-opened-in-viewer');
  });

  it("shows an administrator the department's sessions with the new one among them", async () => {
    await page.goto(`${server.url}/api/worklist`);
    await signOut();
    await signInToWorklist('admin');
    const all = page.getByTestId('worklist-all');
    await page.locator('select[name="residentId"]').first().selectOption({ label: '陈雨桐' });
    await Promise.all([page.waitForURL(url => url.searchParams.get('residentId') === 'demo-resident2'), all.locator('button[type="submit"]').click()]);
    expect(await all.locator('tbody tr').first().innerText()).toContain(CHEST_CT_CASE);
    await page.goto(`${server.url}/api/worklist`);
    await page.waitForSelector('html[data-ready="true"]');
    await shot(page, 'admin-zh');
    await inEnglish('admin');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
