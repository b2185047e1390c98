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
 * department's sessions and keeps its category list. Screenshots of each role in both languages.
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

  it('lets an administrator rename, add, retire and remove categories, saved at once and kept after a reload; a stale tab is told of the conflict', async () => {
    const editorOf = (tab: Page) => tab.getByTestId('worklist-categories');
    const rowOf = (tab: Page, id: string) => editorOf(tab).locator(`tr[data-category-id="${id}"]`);
    const editor = editorOf(page);
    const row = (id: string) => rowOf(page, id);
    // A second tab (another window, signed in as the same administrator) reads the list now: once the first saves, what it holds is stale.
    const { page: stale, errors: staleErrors } = await newViewerPage(browser);
    await signIn(stale, server.url, 'admin');
    await stale.waitForSelector('html[data-ready="true"]');

    expect(await editor.locator('h2').textContent()).toBe('病种分类 10');
    expect(await row('respiratory').getByTestId('worklist-category-cases').innerText()).toBe('2');
    expect(await row('respiratory').locator('[data-category-action="remove"]').isDisabled()).toBe(true);
    expect(await row('respiratory').locator('[data-category-action="remove"]').getAttribute('title')).toBe('有 2 个病例归入此分类，只能停用');
    await row('respiratory').locator('input[name="zh"]').fill('胸部与呼吸系统');
    await row('respiratory').locator('input[name="en"]').fill('Chest and respiratory');
    expect(await editor.getByTestId('worklist-category-dirty').isVisible()).toBe(true);

    // A new entry's id comes from its English name; one already in the list, or not an id, is refused in place.
    const add = editor.getByTestId('worklist-category-add');
    const error = editor.getByTestId('worklist-category-error');
    await add.locator('input[name="zh"]').fill('急诊影像');
    await add.locator('input[name="en"]').fill('Emergency Radiology');
    expect(await add.locator('input[name="id"]').getAttribute('placeholder')).toBe('emergency-radiology');
    await add.locator('button[type="submit"]').click();
    expect(await row('emergency-radiology').locator('input[name="zh"]').inputValue()).toBe('急诊影像');
    expect(await row('emergency-radiology').locator('[data-category-new]').isVisible()).toBe(true);
    await add.locator('input[name="zh"]').fill('急诊');
    await add.locator('input[name="en"]').fill('Emergency radiology');
    await add.locator('button[type="submit"]').click();
    expect(await error.innerText()).toBe('列表中已有标识为 emergency-radiology 的分类。');
    expect(await add.locator('input[name="id"]').getAttribute('aria-invalid')).toBe('true');
    await add.locator('input[name="id"]').fill('急诊');
    await add.locator('button[type="submit"]').click();
    expect(await error.innerText()).toBe('标识最多 64 个字符，只能包含字母、数字、“.”、“_”和“-”，并以字母或数字开头。');
    expect(await editor.locator('tbody tr').count()).toBe(11);
    for (const name of ['zh', 'en', 'id']) await add.locator(`input[name="${name}"]`).fill('');
    expect(await error.isVisible()).toBe(false);

    await row('paediatric').locator('[data-category-action="retire"]').click();
    expect(await row('paediatric').locator('[data-category-retired]').isVisible()).toBe(true);
    expect(await row('paediatric').locator('[data-category-action="retire"]').innerText()).toBe('恢复使用');
    await row('interventional').locator('[data-category-action="remove"]').click();
    expect(await row('interventional').count()).toBe(0);
    await shot(page, 'admin-categories-zh', editor);

    await editor.getByTestId('worklist-category-save').click();
    await expect.poll(() => editor.getByTestId('worklist-category-saved').innerText()).toMatch(/^已保存（第 \d+ 版）。$/);
    expect(await error.isVisible()).toBe(false);
    expect(await editor.getByTestId('worklist-category-dirty').isVisible()).toBe(false);
    expect(await row('emergency-radiology').locator('[data-category-new]').isVisible()).toBe(false);
    expect(await editor.locator('h2').textContent()).toBe('病种分类 10');
    await shot(page, 'admin-categories-saved-zh', editor);

    // Kept: the page read again shows the saved list, and the library the new name on the cases filed under it.
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    expect(await row('respiratory').locator('input[name="zh"]').inputValue()).toBe('胸部与呼吸系统');
    expect(await row('emergency-radiology').locator('input[name="en"]').inputValue()).toBe('Emergency Radiology');
    expect(await row('emergency-radiology').getByTestId('worklist-category-cases').innerText()).toBe('0');
    expect(await row('paediatric').getAttribute('data-retired')).toBe('true');
    expect(await row('paediatric').locator('[data-category-retired]').isVisible()).toBe(true);
    expect(await row('interventional').count()).toBe(0);
    expect(await page.getByTestId('worklist-case-table').locator('tr', { hasText: CHEST_CT_CASE }).innerText()).toContain('胸部与呼吸系统');
    await page.getByTestId('worklist-language').click();
    await page.waitForSelector('html[lang="en"][data-ready="true"]');
    expect(await editor.locator('h2').textContent()).toBe('Disease categories 10');
    expect(await row('paediatric').locator('[data-category-action="retire"]').innerText()).toBe('Bring back');
    expect(await page.getByTestId('worklist-case-table').locator('tr', { hasText: CHEST_CT_CASE }).innerText()).toContain('Chest and respiratory');
    await shot(page, 'admin-categories-en', editor);
    await page.getByTestId('worklist-language').click();
    await page.waitForSelector('html[lang="zh-CN"][data-ready="true"]');

    // A list the server refuses as malformed (an id altered under the page) is answered on the row at fault.
    const staleError = editorOf(stale).getByTestId('worklist-category-error');
    await rowOf(stale, 'neuro').evaluate(row => ((row as HTMLElement).dataset.categoryId = 'neuro radiology'));
    await editorOf(stale).getByTestId('worklist-category-save').click();
    await expect.poll(() => staleError.innerText()).toMatch(/^未能完成：请求内容中的 categories\.4\.id 不正确/);
    expect(await rowOf(stale, 'neuro radiology').getAttribute('class')).toBe('row--invalid');
    await rowOf(stale, 'neuro radiology').evaluate(row => ((row as HTMLElement).dataset.categoryId = 'neuro'));

    // The stale tab's save is refused; its changes stay on the page until the administrator loads the latest list.
    await rowOf(stale, 'neuro').locator('input[name="zh"]').fill('神经放射');
    await editorOf(stale).getByTestId('worklist-category-save').click();
    await expect.poll(() => editorOf(stale).getByTestId('worklist-category-error').innerText()).toBe('未能完成：病种分类已被他人修改，请查看最新内容');
    expect(await rowOf(stale, 'neuro').locator('input[name="zh"]').inputValue()).toBe('神经放射');
    expect(await rowOf(stale, 'respiratory').locator('input[name="zh"]').inputValue()).toBe('呼吸系统');
    await shot(stale, 'admin-categories-conflict-zh', editorOf(stale));
    await Promise.all([stale.waitForEvent('load'), editorOf(stale).getByTestId('worklist-category-reload').click()]);
    await stale.waitForSelector('html[data-ready="true"]');
    expect(await rowOf(stale, 'respiratory').locator('input[name="zh"]').inputValue()).toBe('胸部与呼吸系统');
    expect(await rowOf(stale, 'neuro').locator('input[name="zh"]').inputValue()).toBe('神经系统');
    await stale.close();
    expect(staleErrors).toEqual([]);
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
