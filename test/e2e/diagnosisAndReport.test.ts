import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { IN_PROGRESS_PLAN } from '../../src/records/seed/demoSessionPlans';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { runCommandsAs } from '../support/teachingPanel';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-diagnosis-and-report');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;
const SESSION_ID = IN_PROGRESS_PLAN.id;

const SUMMARY = '男，68 岁，吸烟 40 年；体检发现右肺上叶结节 6 个月，复查';
const PROTOCOL = '胸部 CT 平扫，120 kV，层厚 1 mm';
const FINDINGS = [
  { id: 'f-nodule', kind: 'positive', description: '实性结节，直径约 12 mm，分叶，边缘毛刺', location: '右肺上叶尖段', annotationIds: [], pathology: '肿瘤浸润性生长' },
  { id: 'f-nodes', kind: 'negative', description: '未见肿大淋巴结', location: '纵隔', annotationIds: [], pathology: '' },
];
const DIAGNOSIS = {
  differentials: [
    { diagnosis: '周围型肺癌', reasoning: '分叶、毛刺，长期吸烟，较前增大' },
    { diagnosis: '炎性肉芽肿', reasoning: '实性、边缘尚清，但较前增大不支持' },
  ],
  finalDiagnosis: '右肺上叶周围型肺癌',
  nature: '恶性可能大',
  extentOrStage: '局限于右肺上叶，未见纵隔淋巴结肿大',
  changeFromPrior: '较 2026-04-15 CT 增大，8 mm 增至 12 mm',
  cannotExclude: ['结核球'],
};

interface StageRecord<W> {
  status: string;
  work: W;
}

/** Stages 4.4 and 4.5 as the resident works them: the diagnosis typed and ranked, then the report prefilled from it, written, handed in, returned and handed in again. */
describe('stages 4.4 and 4.5, diagnosis and report', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;

  const panel = (page: Page) => page.getByTestId('teaching-panel');
  const stageScroll = (page: Page) => page.locator('.ohif-teaching__stage-scroll');
  const step = (page: Page, stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`);
  const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');
  const differential = (page: Page, rank: number) => page.locator(`[data-testid="teaching-differential"][data-rank="${rank}"]`);
  const section = (page: Page, name: string) => page.locator(`[data-testid="teaching-report-section"][data-section="${name}"]`).getByTestId('teaching-report-text');
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-rank]')?.getAttribute('data-rank') + ':' + document.activeElement?.getAttribute('data-testid'));
  const serverStage = async <W>(page: Page, stage: string): Promise<StageRecord<W>> => {
    const { sessions } = await page.evaluate(async () => (await fetch('/api/sessions?open=true')).json());
    return sessions.find((view: { session: { id: string } }) => view.session.id === SESSION_ID).session.stages[stage];
  };
  const runCommands = (page: Page, commands: unknown[]) => runCommandsAs(page, SESSION_ID, commands);
  /** No part of the stage wider than the panel: nothing to scroll sideways. */
  const sidewaysOverflow = (page: Page) => stageScroll(page).evaluate(element => element.scrollWidth - element.clientWidth);
  const open = async (page: Page, stage: string) => {
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await step(page, stage).click();
    await page.getByTestId(`teaching-stage-${stage}`).waitFor();
  };
  const toLanguage = async (page: Page, language: 'en' | 'zh-CN') => {
    if ((await panel(page).getAttribute('lang')) !== language) await page.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => panel(page).getAttribute('lang')).toBe(language);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-diagnosis-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    resident = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await resident.goto(`${server.url}${TEACHING_URL}`);
    await signIn(resident, server.url, 'resident1');
    await waitForViewportsRendered(resident);
    // 4.1–4.3 written and handed in, in the guide's order, before the page shows 4.4.
    const clinical = await serverStage<Record<string, unknown>>(resident, '4.1');
    const technique = await serverStage<Record<string, unknown>>(resident, '4.2');
    await runCommands(resident, [
      { type: 'saveWork', stage: '4.1', work: { ...clinical.work, summary: SUMMARY } },
      { type: 'saveWork', stage: '4.2', work: { ...technique.work, protocol: PROTOCOL } },
      { type: 'saveWork', stage: '4.3', work: { findings: FINDINGS } },
      { type: 'submitStage', stage: '4.1' },
      { type: 'submitStage', stage: '4.2' },
      { type: 'submitStage', stage: '4.3' },
    ]);
    await resident.reload();
    await waitForViewportsRendered(resident);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes two differentials typed and reordered, the diagnosis and what cannot be excluded, kept through a reload', async () => {
    await open(resident, '4.4');
    await expect.poll(() => step(resident, '4.3').getAttribute('data-progress')).toBe('submitted');
    expect(await resident.getByTestId('teaching-earlier-open').count()).toBe(0);

    // Added in the order they came to mind, then the more likely one moved up.
    for (const [rank, entry] of [[1, DIAGNOSIS.differentials[1]!], [2, DIAGNOSIS.differentials[0]!]] as const) {
      await resident.getByTestId('teaching-add-differential').click();
      await expect.poll(() => focused(resident)).toBe(`${rank}:teaching-differential-diagnosis`);
      // An empty differential is not work yet: shown, said so, not sent, and not to be handed in.
      await resident.getByTestId('teaching-diagnosis-incomplete').waitFor();
      expect(await resident.getByTestId('teaching-submit-stage').isDisabled()).toBe(true);
      if (rank === 1) await shot(resident, '4.4-empty-differential-zh', panel(resident));
      await resident.keyboard.type(entry.diagnosis);
      await differential(resident, rank).getByTestId('teaching-differential-reasoning').pressSequentially(entry.reasoning);
    }
    await expect.poll(() => resident.getByTestId('teaching-diagnosis-incomplete').count()).toBe(0);
    await differential(resident, 2).getByTestId('teaching-differential-up').click();
    // The keyboard stays with the entry moved: at the top "up" is disabled, so "down".
    await expect.poll(() => focused(resident)).toBe('1:teaching-differential-down');
    expect(await differential(resident, 1).getByTestId('teaching-differential-diagnosis').inputValue()).toBe('周围型肺癌');
    expect(await differential(resident, 2).getByTestId('teaching-differential-diagnosis').inputValue()).toBe('炎性肉芽肿');
    expect(await differential(resident, 1).getByTestId('teaching-differential-up').isDisabled()).toBe(true);

    await resident.getByTestId('teaching-final-diagnosis').pressSequentially(DIAGNOSIS.finalDiagnosis);
    await resident.getByTestId('teaching-nature').pressSequentially(DIAGNOSIS.nature);
    await resident.getByTestId('teaching-extent-or-stage').pressSequentially(DIAGNOSIS.extentOrStage);
    await resident.getByTestId('teaching-change-from-prior').pressSequentially(DIAGNOSIS.changeFromPrior);
    await resident.getByTestId('teaching-add-cannot-exclude').click();
    await expect.poll(() => focused(resident)).toBe('undefined:teaching-cannot-exclude-text');
    await resident.keyboard.type(DIAGNOSIS.cannotExclude[0]!);
    // A second entry left empty holds the stage back until it is removed.
    await resident.getByTestId('teaching-add-cannot-exclude').click();
    await resident.getByTestId('teaching-diagnosis-incomplete').waitFor();
    await resident.locator('[data-testid="teaching-cannot-exclude"][data-number="2"]').getByTestId('teaching-cannot-exclude-remove').click();
    await expect.poll(() => resident.getByTestId('teaching-diagnosis-incomplete').count()).toBe(0);

    await expect.poll(() => workStatus(resident)).toBe('saved');
    await expect.poll(async () => (await serverStage(resident, '4.4')).work).toEqual(DIAGNOSIS);
    expect(await sidewaysOverflow(resident)).toBe(0);
    await stageScroll(resident).evaluate(element => element.scrollTo(0, 0));
    await shot(resident, '4.4-typed-zh', panel(resident));
    await stageScroll(resident).evaluate(element => element.scrollTo(0, element.scrollHeight));
    await shot(resident, '4.4-typed-zh-bottom', panel(resident));

    await resident.reload();
    await open(resident, '4.4');
    expect(await resident.getByTestId('teaching-differential-diagnosis').evaluateAll(inputs => inputs.map(input => (input as HTMLInputElement).value))).toEqual(['周围型肺癌', '炎性肉芽肿']);
    expect(await resident.getByTestId('teaching-differential-reasoning').evaluateAll(inputs => inputs.map(input => (input as HTMLTextAreaElement).value))).toEqual(
      DIAGNOSIS.differentials.map(entry => entry.reasoning),
    );
    expect(await resident.getByTestId('teaching-final-diagnosis').inputValue()).toBe(DIAGNOSIS.finalDiagnosis);
    expect(await resident.getByTestId('teaching-change-from-prior').inputValue()).toBe(DIAGNOSIS.changeFromPrior);
    expect(await resident.getByTestId('teaching-cannot-exclude-text').evaluateAll(inputs => inputs.map(input => (input as HTMLInputElement).value))).toEqual(DIAGNOSIS.cannotExclude);

    await toLanguage(resident, 'en');
    expect(await resident.getByTestId('teaching-stage-4.4').innerText()).toMatch(/Differential diagnoses, most likely first/);
    expect(await sidewaysOverflow(resident)).toBe(0);
    await stageScroll(resident).evaluate(element => element.scrollTo(0, 0));
    await shot(resident, '4.4-typed-en', panel(resident));
    await stageScroll(resident).evaluate(element => element.scrollTo(0, element.scrollHeight));
    await shot(resident, '4.4-typed-en-bottom', panel(resident));
  });

  it('hands 4.4 in, after which it reads as submitted and can no longer be typed in', async () => {
    await resident.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => step(resident, '4.4').getAttribute('data-progress')).toBe('submitted');
    expect(await resident.getByTestId('teaching-final-diagnosis').getAttribute('readonly')).not.toBeNull();
    expect(await resident.getByTestId('teaching-add-differential').count()).toBe(0);
    expect(await resident.getByTestId('teaching-differential-up').count()).toBe(0);
    expect((await serverStage(resident, '4.4')).status).toBe('submitted');
    expect(await sidewaysOverflow(resident)).toBe(0);
    await stageScroll(resident).evaluate(element => element.scrollTo(0, 0));
    await shot(resident, '4.4-submitted-en', panel(resident));
  });

  it('prefills the report from 4.1–4.4, keeps what the resident writes, and hands it in', async () => {
    await toLanguage(resident, 'zh-CN');
    await step(resident, '4.5').click();
    await resident.getByTestId('teaching-stage-4.5').waitFor();
    await expect.poll(() => section(resident, 'clinicalInformation').inputValue()).toBe(SUMMARY);
    expect(await section(resident, 'technique').inputValue()).toContain(PROTOCOL);
    expect(await section(resident, 'findings').inputValue()).toBe('右肺上叶尖段：实性结节，直径约 12 mm，分叶，边缘毛刺\n纵隔：未见肿大淋巴结');
    expect(await section(resident, 'impression').inputValue()).toBe('右肺上叶周围型肺癌\n不除外结核球');
    expect(await section(resident, 'examination').inputValue()).not.toBe('');
    expect(await section(resident, 'recommendations').inputValue()).toBe('');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await expect.poll(async () => (await serverStage<Record<string, string>>(resident, '4.5')).work.impression).toBe('右肺上叶周围型肺癌\n不除外结核球');

    // The findings written on, at the end of what was prefilled.
    const findings = section(resident, 'findings');
    await findings.click();
    await findings.press('Control+End');
    await findings.pressSequentially('\n双侧胸腔未见积液。');
    await section(resident, 'recommendations').pressSequentially('建议 CT 引导下穿刺活检。');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    const written = '右肺上叶尖段：实性结节，直径约 12 mm，分叶，边缘毛刺\n纵隔：未见肿大淋巴结\n双侧胸腔未见积液。';
    await expect.poll(async () => (await serverStage<Record<string, string>>(resident, '4.5')).work.findings).toBe(written);

    // Opened again, it is the resident's report: nothing is prefilled over it.
    await resident.reload();
    await open(resident, '4.5');
    expect(await section(resident, 'findings').inputValue()).toBe(written);
    expect(await section(resident, 'recommendations').inputValue()).toBe('建议 CT 引导下穿刺活检。');
    expect(await sidewaysOverflow(resident)).toBe(0);
    await stageScroll(resident).evaluate(element => element.scrollTo(0, 0));
    await shot(resident, '4.5-written-zh', panel(resident));
    await toLanguage(resident, 'en');
    expect(await sidewaysOverflow(resident)).toBe(0);
    await stageScroll(resident).evaluate(element => element.scrollTo(0, element.scrollHeight));
    await shot(resident, '4.5-written-en-bottom', panel(resident));

    await resident.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => step(resident, '4.5').getAttribute('data-progress')).toBe('submitted');
    expect(await section(resident, 'findings').getAttribute('readonly')).not.toBeNull();
    const stored = await serverStage<Record<string, string>>(resident, '4.5');
    expect(stored.status).toBe('submitted');
    expect(stored.work.recommendations).toBe('建议 CT 引导下穿刺活检。');
  });

  it("shows the tutor's reason and the earlier score when the report comes back, and hands the revision in", async () => {
    const tutor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(tutor, server.url, 'tutor1');
    const expected = await tutor.evaluate(async id => {
      const { session } = await (await fetch(`/api/sessions/${id}`)).json();
      const sheet = session.reportSheet as { scoring: 'award' | 'deduct'; step: number; total: number; sections: Array<{ items: Array<{ id: string; points: number }> }> };
      const items = sheet.sections.flatMap(entry => entry.items);
      // Everything in full but one step off the first item.
      const scores = Object.fromEntries(items.map((item, index) => [item.id, sheet.scoring === 'award' ? item.points - (index === 0 ? sheet.step : 0) : index === 0 ? sheet.step : 0]));
      return { scores, score: sheet.total - sheet.step, max: sheet.total };
    }, SESSION_ID);
    await runCommands(tutor, [
      {
        type: 'evaluateReport',
        evaluation: {
          sheet: { items: expected.scores, notApplicable: [], itemRemarks: {}, vetoes: [], mainProblems: '未写明 TNM 分期。' },
          remark: '',
          feedback: '所见描述完整。',
          guidance: '',
        },
      },
      { type: 'returnStage', stage: '4.5', reason: '诊断意见请补充分期，并写明与既往检查的比较。' },
    ]);
    await tutor.context().close();

    await resident.reload();
    await open(resident, '4.5');
    await toLanguage(resident, 'zh-CN');
    await expect.poll(() => step(resident, '4.5').getAttribute('data-progress')).toBe('returned');
    expect(await resident.getByTestId('teaching-report-return-reason').innerText()).toBe('指导医师退回修改：诊断意见请补充分期，并写明与既往检查的比较。');
    expect(await resident.getByTestId('teaching-report-earlier-evaluation').innerText()).toBe(
      `退回前得分：${expected.score} / ${expected.max}。\n当时指出的主要问题：未写明 TNM 分期。\n当时的反馈：所见描述完整。`,
    );
    // The report as handed in, to revise: not prefilled again.
    expect(await section(resident, 'recommendations').inputValue()).toBe('建议 CT 引导下穿刺活检。');
    const impression = section(resident, 'impression');
    await impression.click();
    await impression.press('Control+End');
    await impression.pressSequentially('，较前增大');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    expect(await sidewaysOverflow(resident)).toBe(0);
    await stageScroll(resident).evaluate(element => element.scrollTo(0, 0));
    await shot(resident, '4.5-returned-zh', panel(resident));
    await toLanguage(resident, 'en');
    expect(await resident.getByTestId('teaching-report-return-reason').innerText()).toBe('Returned by your tutor: 诊断意见请补充分期，并写明与既往检查的比较。');
    expect(await resident.getByTestId('teaching-submit-stage').innerText()).toBe('Resubmit the revised report');
    expect(await sidewaysOverflow(resident)).toBe(0);
    await shot(resident, '4.5-returned-en', panel(resident));

    await resident.getByTestId('teaching-submit-stage').click();
    await expect.poll(() => step(resident, '4.5').getAttribute('data-progress')).toBe('submitted');
    expect(await resident.getByTestId('teaching-report-returned').count()).toBe(0);
    const stored = await serverStage<Record<string, string>>(resident, '4.5');
    expect(stored.status).toBe('submitted');
    expect(stored.work.impression).toBe('右肺上叶周围型肺癌\n不除外结核球，较前增大');
  });
});
