import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARISON_COLOURS, REFERENCE } from '../../extension/host/annotationStyle';
import type { StoredSignComparison } from '../../src/core/comparison/signComparison';
import { CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { drawAcrossNodule, drawingOnPage, openStage, panel, progress, runCommandsAs, runScriptedStages, sidewaysOverflow, toLanguage, waitForTeachingPanel, workStatus } from '../support/teachingPanel';
import { dismissBanner, hostAnnotations, scrollToInstanceNumber, selectTool, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-prepared-case');
const { chestCt, chestCtPrior } = SAMPLE_STUDIES;
const TITLE = '右肺上叶结节伴胸膜牵拉（示教）';
/** The reference's second sign, and the resident's extra drawing: well apart from the nodule and from each other. */
const MISSED_DY = 30;
const EXTRA_DY = -30;
/** A session's live view reaches the other workstation within one look (every 4 s) and a little. */
const LIVE = { timeout: 20_000 };

const field = (page: Page, testId: string) => page.getByTestId(testId);
const rows = (page: Page, mark: string) => page.locator(`[data-testid="teaching-comparison-row"][data-mark="${mark}"]`);

async function newWorkstation(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
}

/** The panel and the whole page, in Chinese and in English, nothing wider than the panel. */
async function shotBoth(page: Page, name: string, part = panel(page)): Promise<void> {
  for (const language of ['zh-CN', 'en'] as const) {
    await toLanguage(page, language);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, `${name}-${language === 'en' ? 'en' : 'zh'}`, part);
  }
  await toLanguage(page, 'zh-CN');
}

/** The worklist page in both languages through its own switch. */
async function shotWorklist(page: Page, name: string): Promise<void> {
  await shot(page, `${name}-zh`);
  await page.getByTestId('worklist-language').click();
  await page.waitForSelector('html[lang="en"][data-ready="true"]');
  await shot(page, `${name}-en`);
  await page.getByTestId('worklist-language').click();
  await page.waitForSelector('html[lang="zh-CN"][data-ready="true"]');
}

/**
 * The whole path on a fresh department: a tutor prepares the chest CT as a case with two
 * reference signs drawn with the mouse and schedules it from the worklist; the resident finds it at
 * sign-in, opens it, finds one sign, misses the other, draws one more and hands 4.3 in; the tutor
 * sees the comparison on the images with the suggested scores and changes one; after sign-off the
 * resident sees the comparison too.
 */
describe('a prepared case, scheduled, read and compared with its reference', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let tutor: Page;
  let resident: Page;
  let caseId: string;
  let sessionId: string;
  let reference: { nodule: string; missed: string };
  let residentUids: string[];

  const comparisonOf = (page: Page) =>
    page.evaluate(async id => {
      const response = await fetch(`/api/sessions/${id}/comparison`);
      return { status: response.status, body: (await response.json()) as StoredSignComparison };
    }, sessionId);

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-prepared-case-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    [tutor, resident] = await Promise.all([newWorkstation(browser), newWorkstation(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the tutor prepares the chest CT as a case, drawing its two reference signs with the mouse', async () => {
    await tutor.goto(`${server.url}/teaching?StudyInstanceUIDs=${chestCt.studyUID}&prepareCase=new`);
    await signIn(tutor, server.url, 'tutor2');
    await waitForViewportsRendered(tutor);
    await dismissBanner(tutor);
    await field(tutor, 'case-prep-form').waitFor();

    await field(tutor, 'case-title').fill(TITLE);
    await field(tutor, 'case-category').selectOption('respiratory');
    await field(tutor, 'case-training-year').selectOption('2');
    await field(tutor, 'case-objective').first().fill('发现并测量肺结节，描述其邻近胸膜改变');
    await tutor.locator(`[data-testid="case-prior"][data-study="${chestCtPrior.studyUID}"]`).check();

    await scrollToInstanceNumber(tutor, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(tutor, 'Length');
    await drawAcrossNodule(tutor);
    await expect.poll(async () => (await hostAnnotations(tutor)).length).toBe(1);
    await drawAcrossNodule(tutor, MISSED_DY);
    await expect.poll(async () => (await hostAnnotations(tutor)).length).toBe(2);
    const [nodule, missed] = (await hostAnnotations(tutor)).map(annotation => annotation.uid) as [string, string];
    reference = { nodule, missed };
    expect(await drawingOnPage(tutor, nodule)).toMatchObject({ color: REFERENCE });

    for (const [index, uid, description] of [[0, nodule, '右肺上叶实性结节，约 14 mm'], [1, missed, '邻近胸膜牵拉']] as const) {
      await field(tutor, 'case-add-positive').click();
      const finding = tutor.getByTestId('case-finding').nth(index);
      await finding.getByTestId('case-finding-description').fill(description);
      await finding.getByTestId('case-finding-link').selectOption(uid);
      await expect.poll(() => finding.getAttribute('data-annotations')).toBe(uid);
    }
    await field(tutor, 'case-add-negative').click();
    await tutor.getByTestId('case-finding').nth(2).getByTestId('case-finding-description').fill('双侧胸腔未见积液');
    await field(tutor, 'case-diagnosis').fill('右肺上叶实性结节伴邻近胸膜牵拉，考虑周围型肺癌可能');
    await tutor.locator('[data-testid="case-report-section"][data-section="impression"] textarea').fill('右肺上叶实性结节，考虑周围型肺癌可能。');

    await field(tutor, 'case-save').click();
    await expect.poll(() => field(tutor, 'case-save-status').getAttribute('data-state')).toBe('saved');
    await expect.poll(() => field(tutor, 'case-drawings-status').getAttribute('data-state')).toBe('saved');
    caseId = new URL(tutor.url()).searchParams.get('prepareCase')!;
    const { annotations } = await tutor.evaluate(async id => (await fetch(`/api/cases/${id}/annotations`)).json(), caseId);
    expect(annotations.map((annotation: { uid: string }) => annotation.uid).sort()).toEqual([nodule, missed].sort());
    await tutor.getByTestId('case-finding').first().scrollIntoViewIfNeeded();
    await shotBoth(tutor, 'prepared');
  });

  it('the tutor schedules it for a resident from the worklist', async () => {
    await tutor.goto(`${server.url}/api/worklist`);
    await tutor.waitForSelector('html[data-ready="true"]');
    const form = tutor.getByTestId('worklist-schedule-form');
    await tutor.locator('#schedule-resident').selectOption('demo-resident4');
    await tutor.locator('#schedule-case').selectOption(caseId);
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await tutor.locator('#schedule-planned').fill(`${tomorrow}T09:00`);
    await tutor.locator('#schedule-place').fill('阅片室 2');
    await Promise.all([tutor.waitForURL(url => url.searchParams.has('scheduled')), form.locator('button[type="submit"]').click()]);
    await tutor.waitForSelector('html[data-ready="true"]');
    expect(await tutor.getByTestId('worklist-upcoming').innerText()).toContain(TITLE);
    await shotWorklist(tutor, 'scheduled');
  });

  it('the resident finds it at sign-in, opens it in one click, finds one sign, misses one, draws one more and hands 4.3 in', async () => {
    await signIn(resident, server.url, 'resident4');
    expect(new URL(resident.url()).pathname).toBe('/api/worklist');
    await resident.waitForSelector('html[data-ready="true"]');
    const row = resident.getByTestId('worklist-upcoming').locator('tbody tr').filter({ hasText: TITLE });
    expect(await row.getByTestId('worklist-new').innerText()).toBe('新');
    // The reference answer is not on the resident's page.
    expect(await resident.locator('body').innerText()).not.toContain('周围型肺癌可能');
    await shotWorklist(resident, 'resident-worklist');
    await Promise.all([resident.waitForURL(url => url.pathname === '/teaching'), row.getByTestId('worklist-open').click()]);
    await waitForTeachingPanel(resident);

    const { sessions } = await resident.evaluate(async () => (await fetch('/api/sessions?open=true')).json());
    sessionId = sessions.find((view: { session: { caseId: string } }) => view.session.caseId === caseId).session.id;
    await tutor.goto(`${server.url}/teaching?StudyInstanceUIDs=${chestCt.studyUID}`);
    await waitForTeachingPanel(tutor);
    await runScriptedStages({ resident, tutor }, sessionId, stage => stage === '4.1' || stage === '4.2');

    await openStage(resident, '4.3');
    await scrollToInstanceNumber(resident, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(resident, 'Length');
    const drawSign = async (dy: number, sign: string) => {
      await drawAcrossNodule(resident, dy);
      await resident.getByTestId('teaching-sign-picker').waitFor();
      await resident.keyboard.type(sign);
      await resident.keyboard.press('Enter');
      await resident.getByTestId('teaching-sign-picker').waitFor({ state: 'detached' });
    };
    await drawSign(0, '结节');
    await expect.poll(() => resident.getByTestId('teaching-save-status').getAttribute('data-state')).toBe('saved');
    // The second drawing's save is held up on its way: handing 4.3 in waits for it, so that the
    // comparison sees it, and the button cannot send the hand-in twice meanwhile.
    const held: Route[] = [];
    let holding = true;
    await resident.route('**/api/sessions/*/annotations/*', route => (holding ? void held.push(route) : route.continue()));
    await drawSign(EXTRA_DY, '磨玻璃影');
    await expect.poll(() => held.length).toBeGreaterThan(0);
    residentUids = await resident.locator('[data-testid="teaching-annotation-row"]').evaluateAll(items => items.map(item => item.getAttribute('data-uid')!));
    expect(residentUids).toHaveLength(2);
    const submit = resident.getByTestId('teaching-stage-4.3').getByTestId('teaching-submit-stage');
    await submit.click();
    await expect.poll(() => workStatus(resident)).toBe('awaiting-drawings');
    expect(await submit.isDisabled()).toBe(true);
    expect(await progress(resident, '4.3')).not.toBe('submitted');
    holding = false;
    for (const route of held) await route.continue();
    await resident.unroute('**/api/sessions/*/annotations/*');
    await expect.poll(() => resident.getByTestId('teaching-save-status').getAttribute('data-state')).toBe('saved');
    await expect.poll(() => progress(resident, '4.3')).toBe('submitted');
    // Before sign-off nothing of the reference reaches the resident.
    expect((await comparisonOf(resident)).status).toBe(403);
    expect(await resident.getByTestId('teaching-comparison').count()).toBe(0);
    expect(await drawingOnPage(resident, reference.missed)).toBeUndefined();
  });

  it('the tutor sees the comparison on the images with the suggested scores, accepts them and changes one', async () => {
    await expect.poll(() => progress(tutor, '4.3'), LIVE).toBe('submitted');
    await openStage(tutor, '4.3');
    await expect.poll(() => tutor.getByTestId('teaching-comparison').getAttribute('data-status'), LIVE).toBe('ready');
    const [found, extra] = residentUids as [string, string];
    expect(await rows(tutor, 'found').getAttribute('data-uid')).toBe(found);
    expect(await rows(tutor, 'missed').getAttribute('data-uid')).toBe(reference.missed);
    expect(await rows(tutor, 'extra').getAttribute('data-uid')).toBe(extra);
    expect(await rows(tutor, 'found').getByTestId('teaching-comparison-measured').innerText()).toMatch(/^\d+\.\d mm 对比 \d+\.\d mm$/);
    await expect.poll(() => drawingOnPage(tutor, reference.missed), LIVE).toMatchObject({ color: COMPARISON_COLOURS.missed, dashed: true, locked: true, visible: true });
    expect(await drawingOnPage(tutor, reference.nodule)).toMatchObject({ color: COMPARISON_COLOURS.found });
    expect(await drawingOnPage(tutor, found)).toMatchObject({ color: COMPARISON_COLOURS.found });
    expect(await drawingOnPage(tutor, extra)).toMatchObject({ color: COMPARISON_COLOURS.extra, dashed: true });
    await scrollToInstanceNumber(tutor, CHEST_CT_NODULE.centerInstanceNumber);
    await tutor.getByTestId('teaching-comparison').scrollIntoViewIfNeeded();
    await shotBoth(tutor, 'tutor-comparison', tutor.locator('body'));

    const { suggestion } = (await comparisonOf(tutor)).body;
    expect(suggestion.scores['positive-signs']).toBeLessThan(5);
    await tutor.getByTestId('teaching-comparison-accept').click();
    const score = (criterion: string) => tutor.locator(`[data-testid="teaching-scoring-4.3"] [data-criterion="${criterion}"] [data-testid="teaching-criterion-score"]`);
    await expect.poll(() => score('positive-signs').inputValue()).toBe(String(suggestion.scores['positive-signs']));
    const given = suggestion.scores['positive-signs']! + 1;
    await score('positive-signs').fill(String(given));
    const all = tutor.locator('[data-testid="teaching-scoring-4.3"] [data-testid="teaching-criterion"]');
    for (let index = 0; index < (await all.count()); index++) {
      const input = all.nth(index).getByTestId('teaching-criterion-score');
      if ((await input.inputValue()) === '') await input.fill(String(await input.getAttribute('max')));
    }
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    await expect.poll(() => progress(tutor, '4.3')).toBe('evaluated');
    const line = tutor.locator('[data-testid="teaching-comparison-suggested"][data-criterion="positive-signs"] [data-testid="teaching-comparison-suggested-score"]');
    expect(await line.innerText()).toBe(`建议 ${suggestion.scores['positive-signs']}，实给 ${given}`);
    await tutor.getByTestId('teaching-comparison-suggestion').scrollIntoViewIfNeeded();
    await shotBoth(tutor, 'tutor-scored');
    // The suggestion stays as it was made, the decision is the evaluation.
    const session = await tutor.evaluate(async id => (await (await fetch(`/api/sessions/${id}`)).json()).session, sessionId);
    expect(session.stages['4.3'].evaluation.scores['positive-signs']).toBe(given);
    expect((await comparisonOf(tutor)).body.suggestion.scores['positive-signs']).toBe(suggestion.scores['positive-signs']);
  });

  it('after sign-off the resident sees the comparison on the images', async () => {
    await runScriptedStages({ resident, tutor }, sessionId, stage => stage === '4.4' || stage === '4.5');
    await runCommandsAs(tutor, sessionId, [{ type: 'signOff' }]);
    await resident.reload();
    await waitForTeachingPanel(resident);
    await openStage(resident, '4.3');
    await expect.poll(() => resident.getByTestId('teaching-comparison').getAttribute('data-status'), LIVE).toBe('ready');
    expect(await rows(resident, 'missed').getAttribute('data-uid')).toBe(reference.missed);
    expect(await rows(resident, 'extra').count()).toBe(1);
    await scrollToInstanceNumber(resident, CHEST_CT_NODULE.centerInstanceNumber);
    await expect.poll(() => drawingOnPage(resident, reference.missed), LIVE).toMatchObject({ color: COMPARISON_COLOURS.missed, visible: true });
    expect((await comparisonOf(resident)).status).toBe(200);
    await resident.getByTestId('teaching-comparison').scrollIntoViewIfNeeded();
    await shotBoth(resident, 'resident-signed-off', resident.locator('body'));
  });
});
