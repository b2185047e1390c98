import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_PROGRESS_PLAN } from '../../src/records/seed/demoSessionPlans';
import { screenshotter } from '../support/screenshots';
import { openStage, toLanguage, waitForTeachingPanel } from '../support/teachingPanel';
import { openWorkstations, type Workstations } from '../support/workstations';

const shot = screenshotter('e2e-report-sheet');
const SESSION_ID = IN_PROGRESS_PLAN.id;

const QUESTION = '吸烟史对本例诊断有何提示';
const ANSWER_START = '长期吸烟是肺癌的高危因素，需警惕';
const ANSWER_END = '恶性';
const FINDINGS = [
  { id: 'f-nodule', kind: 'positive', description: '实性结节，直径约 12 mm，分叶，边缘毛刺', location: '右肺上叶尖段', annotationIds: [], pathology: '肿瘤浸润性生长' },
];
const REPORT = {
  examination: '胸部 CT 平扫',
  clinicalInformation: '男，68 岁，吸烟 40 年；体检发现右肺上叶结节 6 个月，复查',
  technique: '胸部 CT 平扫，120 kV，层厚 1 mm',
  findings: '右肺上叶尖段见实性结节，直径约 12 mm，分叶，边缘毛刺；纵隔未见肿大淋巴结。',
  impression: '右肺上叶周围型肺癌可能大',
  recommendations: '建议增强 CT 或穿刺活检',
};
const MAIN_PROBLEMS = '印象未写明与既往检查比较；所见描述顺序欠规范';
const FEEDBACK = '报告结构完整，结论明确';

interface CommandAnswer {
  status: number;
  body: { message?: string; code?: string; version?: number };
}

/** The tutor's questions and the resident's answers in a stage, and the report quality sheet of 4.5, at two workstations. */
describe('questions in a stage and the report quality sheet', () => {
  let workstations: Workstations;
  let resident: Page;
  let tutor: Page;

  const panel = (page: Page) => page.getByTestId('teaching-panel');
  const stageScroll = (page: Page) => page.locator('.ohif-teaching__stage-scroll');
  const step = (page: Page, stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`);
  const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');
  const sheetItem = (page: Page, id: string) => page.locator(`[data-testid="teaching-sheet-item"][data-item="${id}"]`);
  const sidewaysOverflow = (page: Page) => stageScroll(page).evaluate(element => element.scrollWidth - element.clientWidth);
  const serverSession = (page: Page) => page.evaluate(async id => (await (await fetch(`/api/sessions/${id}`)).json()).session, SESSION_ID);
  /** Runs commands through the records API as the person signed in on the page; the first refusal ends the run and is returned. */
  const runCommands = (page: Page, commands: unknown[]): Promise<CommandAnswer> =>
    page.evaluate(
      async ({ id, commands }) => {
        let version: number = (await (await fetch(`/api/sessions/${id}`)).json()).version;
        let answer = { status: 200, body: {} as Record<string, unknown> };
        for (const command of commands) {
          const response = await fetch(`/api/sessions/${id}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, command }) });
          answer = { status: response.status, body: await response.json() };
          if (!response.ok) return answer;
          version = answer.body.version as number;
        }
        return answer;
      },
      { id: SESSION_ID, commands },
    ) as Promise<CommandAnswer>;
  const reopen = async (page: Page, stage?: string) => {
    await page.reload();
    await waitForTeachingPanel(page);
    if (stage) await openStage(page, stage);
  };
  const scrollTo = (page: Page, testId: string, block: 'start' | 'end' = 'start') =>
    page.getByTestId(testId).first().evaluate((element, block) => element.scrollIntoView({ block }), block);

  beforeAll(async () => {
    workstations = await openWorkstations('sheet');
    ({ resident, tutor } = workstations);
  });

  afterAll(() => workstations?.close());

  it('lets the tutor ask a question in a stage and reword it as they type', async () => {
    await toLanguage(tutor, 'zh-CN');
    const questions = tutor.getByTestId('teaching-questions-4.1');
    await questions.waitFor();
    expect(await questions.getByTestId('teaching-question').count()).toBe(0);
    expect(await tutor.getByTestId('teaching-question-ask').isDisabled()).toBe(true);
    await tutor.getByTestId('teaching-question-new').pressSequentially(QUESTION);
    await tutor.getByTestId('teaching-question-new').press('Enter');
    await expect.poll(() => questions.getByTestId('teaching-question').count()).toBe(1);
    expect(await tutor.getByTestId('teaching-question-new').inputValue()).toBe('');
    // Rewording types into the middle of the question: the caret stays where it is, spaces included.
    const wording = questions.getByTestId('teaching-question-text');
    await wording.click();
    await wording.press('End');
    await wording.pressSequentially(' ？');
    for (let index = 0; index < 2; index++) await wording.press('ArrowLeft');
    await wording.pressSequentially('（结合结节形态）');
    expect(await wording.inputValue()).toBe(`${QUESTION}（结合结节形态） ？`);
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    const [asked] = (await serverSession(tutor)).stages['4.1'].questions;
    expect(asked).toMatchObject({ question: `${QUESTION}（结合结节形态） ？`, askedBy: 'demo-tutor1', answer: '' });
    // Emptying the wording keeps the last one until new text comes; nothing the rules refuse is sent.
    await wording.fill('');
    await questions.getByText('提问不能为空').waitFor();
    await wording.pressSequentially(`${QUESTION}？`);
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    expect((await serverSession(tutor)).stages['4.1'].questions[0].question).toBe(`${QUESTION}？`);
    await scrollTo(tutor, 'teaching-questions-4.1', 'end');
    await shot(tutor, 'question-asked-tutor-zh', panel(tutor));
  });

  it('shows the question to the resident, who types the answer, and a reload keeps both', async () => {
    await reopen(resident);
    await toLanguage(resident, 'zh-CN');
    const questions = resident.getByTestId('teaching-questions-4.1');
    await questions.waitFor();
    expect(await questions.getByTestId('teaching-question-text').innerText()).toBe(`${QUESTION}？`);
    // The resident answers; only the tutor asks or removes.
    expect(await resident.getByTestId('teaching-question-new').count()).toBe(0);
    expect(await resident.getByTestId('teaching-question-remove').count()).toBe(0);
    const answer = questions.getByTestId('teaching-question-answer');
    await answer.pressSequentially(`${ANSWER_START}${ANSWER_END}`);
    for (let index = 0; index < ANSWER_END.length; index++) await answer.press('ArrowLeft');
    await answer.pressSequentially('右肺结节为');
    expect(await answer.inputValue()).toBe(`${ANSWER_START}右肺结节为${ANSWER_END}`);
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await scrollTo(resident, 'teaching-questions-4.1', 'end');
    await shot(resident, 'question-answered-resident-zh', panel(resident));
    await toLanguage(resident, 'en');
    await scrollTo(resident, 'teaching-questions-4.1', 'end');
    await shot(resident, 'question-answered-resident-en', panel(resident));

    await reopen(resident);
    expect(await resident.getByTestId('teaching-questions-4.1').getByTestId('teaching-question-answer').inputValue()).toBe(`${ANSWER_START}右肺结节为${ANSWER_END}`);
    await reopen(tutor);
    const seen = tutor.getByTestId('teaching-questions-4.1');
    expect(await seen.getByTestId('teaching-question-text').inputValue()).toBe(`${QUESTION}？`);
    expect(await seen.getByTestId('teaching-question-answer').inputValue()).toBe(`${ANSWER_START}右肺结节为${ANSWER_END}`);
    const [stored] = (await serverSession(tutor)).stages['4.1'].questions;
    expect(stored).toMatchObject({ answeredBy: 'demo-resident1' });
    await toLanguage(tutor, 'en');
    await scrollTo(tutor, 'teaching-questions-4.1', 'end');
    await shot(tutor, 'question-answered-tutor-en', panel(tutor));
    await toLanguage(tutor, 'zh-CN');
  });

  it('lets the tutor remove a question asked by mistake', async () => {
    const questions = tutor.getByTestId('teaching-questions-4.1');
    await tutor.getByTestId('teaching-question-new').pressSequentially('误加的提问');
    await tutor.getByTestId('teaching-question-ask').click();
    await expect.poll(() => questions.getByTestId('teaching-question').count()).toBe(2);
    await questions.getByTestId('teaching-question').nth(1).getByTestId('teaching-question-remove').click();
    await expect.poll(() => questions.getByTestId('teaching-question').count()).toBe(1);
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    expect((await serverSession(tutor)).stages['4.1'].questions.map((question: { question: string }) => question.question)).toEqual([`${QUESTION}？`]);
  });

  it('shows the sheet to the tutor once the resident has handed the report in, beside the read-only report', async () => {
    await reopen(tutor, '4.5');
    expect(await tutor.getByTestId('teaching-report-sheet').count()).toBe(0);
    const handedIn = await runCommands(resident, [
      { type: 'saveWork', stage: '4.3', work: { findings: FINDINGS } },
      { type: 'saveWork', stage: '4.5', work: REPORT },
      ...['4.1', '4.2', '4.3', '4.4', '4.5'].map(stage => ({ type: 'submitStage', stage })),
    ]);
    expect(handedIn.status).toBe(200);
    await reopen(resident, '4.5');
    await expect.poll(() => step(resident, '4.5').getAttribute('data-progress')).toBe('submitted');
    expect(await resident.getByTestId('teaching-report-sheet').count()).toBe(0);
    await reopen(tutor, '4.5');
    const sheet = tutor.getByTestId('teaching-report-sheet');
    await sheet.waitFor();
    expect(await tutor.getByTestId('teaching-sheet').getAttribute('data-sheet')).toBe('general');
    expect(await tutor.getByTestId('teaching-sheet-name').innerText()).toContain('通用表');
    const findings = tutor.locator('[data-testid="teaching-report-section"][data-section="findings"]').getByTestId('teaching-report-text');
    expect(await findings.inputValue()).toBe(REPORT.findings);
    expect(await findings.getAttribute('readonly')).not.toBeNull();
    expect(await tutor.getByTestId('teaching-sheet-band').getAttribute('data-band')).toBe('');
  });

  it('scores every item as the tutor types, with the live total and rating, and holds back a score out of range', async () => {
    const items = tutor.getByTestId('teaching-sheet-item');
    const count = await items.count();
    expect(count).toBeGreaterThan(15);
    expect(Number(await tutor.getByTestId('teaching-sheet-unscored').getAttribute('data-count'))).toBe(count);
    let expected = 0;
    for (let index = 0; index < count; index++) {
      const item = items.nth(index);
      const id = (await item.getAttribute('data-item'))!;
      const max = Number(await item.getByTestId('teaching-sheet-item-score').getAttribute('max'));
      if (id === 'tumour-staging') {
        // No tumour staged on this sheet's terms: not applicable, which earns the item its points.
        await item.getByTestId('teaching-sheet-item-na').check();
        expect(await item.getByTestId('teaching-sheet-item-score').isDisabled()).toBe(true);
        expected += max;
        continue;
      }
      const given = id === 'clinical-information' ? max - 2 : max;
      await item.getByTestId('teaching-sheet-item-score').pressSequentially(String(given));
      expected += given;
    }
    expect(expected).toBe(98);
    await expect.poll(() => tutor.getByTestId('teaching-sheet-total').innerText()).toBe('98 / 100 分');
    expect(await tutor.getByTestId('teaching-sheet-band').getAttribute('data-band')).toBe('excellent');
    expect(await tutor.getByTestId('teaching-sheet-band').innerText()).toBe('优秀');
    expect(await tutor.getByTestId('teaching-sheet-unscored').getAttribute('data-count')).toBe('0');
    await sheetItem(tutor, 'clinical-information').getByTestId('teaching-sheet-item-remark').pressSequentially('检查目的未写明');

    // A score beyond the item's points stays on screen with the rules' reason and is not sent.
    const details = sheetItem(tutor, 'patient-details').getByTestId('teaching-sheet-item-score');
    await details.press('End');
    await details.pressSequentially('9');
    expect(await details.inputValue()).toBe('29');
    await sheetItem(tutor, 'patient-details').getByTestId('teaching-sheet-problem').waitFor();
    expect(await sheetItem(tutor, 'patient-details').getByTestId('teaching-sheet-problem').innerText()).toContain('0 到 2 之间');
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    expect((await serverSession(tutor)).stages['4.5'].evaluation.sheet.items['patient-details']).toBe(2);
    await details.press('Backspace');
    await expect.poll(() => sheetItem(tutor, 'patient-details').getByTestId('teaching-sheet-problem').count()).toBe(0);
    await expect.poll(() => tutor.getByTestId('teaching-sheet-total').innerText()).toBe('98 / 100 分');
    expect(await sidewaysOverflow(tutor)).toBeLessThanOrEqual(0);
    await scrollTo(tutor, 'teaching-report-sheet');
    await shot(tutor, 'sheet-scored-tutor-zh', panel(tutor));
  });

  it('ticks a veto, which scores the report 0 and says so, and keeps the main problems and notes through a reload', async () => {
    const veto = tutor.locator('[data-testid="teaching-sheet-veto"][data-veto="prior-comparison-error"]');
    await veto.getByTestId('teaching-sheet-veto-tick').check();
    await expect.poll(() => tutor.getByTestId('teaching-sheet-total').innerText()).toBe('0 / 100 分');
    expect(await tutor.getByTestId('teaching-sheet-band').getAttribute('data-band')).toBe('unacceptable');
    expect(await tutor.getByTestId('teaching-sheet-vetoed').innerText()).toContain('98');
    expect(await veto.getAttribute('class')).toContain('ohif-teaching__veto--ticked');
    await tutor.getByTestId('teaching-sheet-main-problems').pressSequentially(MAIN_PROBLEMS);
    await tutor.getByTestId('teaching-sheet-feedback').pressSequentially(FEEDBACK);
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    await scrollTo(tutor, 'teaching-sheet-vetoes', 'end');
    await shot(tutor, 'sheet-vetoed-tutor-zh', panel(tutor));
    await toLanguage(tutor, 'en');
    expect(await tutor.getByTestId('teaching-sheet-total').innerText()).toBe('0 / 100');
    expect(await tutor.getByTestId('teaching-sheet-band').innerText()).toBe('Fail');
    await scrollTo(tutor, 'teaching-report-sheet');
    await shot(tutor, 'sheet-vetoed-tutor-en', panel(tutor));
    await toLanguage(tutor, 'zh-CN');

    await reopen(tutor, '4.5');
    await tutor.getByTestId('teaching-report-sheet').waitFor();
    expect(await tutor.getByTestId('teaching-sheet-total').innerText()).toBe('0 / 100 分');
    expect(await tutor.locator('[data-veto="prior-comparison-error"]').getByTestId('teaching-sheet-veto-tick').isChecked()).toBe(true);
    expect(await tutor.getByTestId('teaching-sheet-main-problems').inputValue()).toBe(MAIN_PROBLEMS);
    expect(await tutor.getByTestId('teaching-sheet-feedback').inputValue()).toBe(FEEDBACK);
    expect(await sheetItem(tutor, 'clinical-information').getByTestId('teaching-sheet-item-score').inputValue()).toBe('8');
    expect(await sheetItem(tutor, 'clinical-information').getByTestId('teaching-sheet-item-remark').inputValue()).toBe('检查目的未写明');
    expect(await sheetItem(tutor, 'tumour-staging').getByTestId('teaching-sheet-item-na').isChecked()).toBe(true);
    const { evaluation } = (await serverSession(tutor)).stages['4.5'];
    expect(evaluation).toMatchObject({
      kind: 'reportSheet',
      evaluatorId: 'demo-tutor1',
      feedback: FEEDBACK,
      sheet: { vetoes: ['prior-comparison-error'], notApplicable: ['tumour-staging'], mainProblems: MAIN_PROBLEMS, itemRemarks: { 'clinical-information': '检查目的未写明' } },
    });
    // Unticked, the items' own total comes back.
    await tutor.locator('[data-veto="prior-comparison-error"]').getByTestId('teaching-sheet-veto-tick').uncheck();
    await expect.poll(() => tutor.getByTestId('teaching-sheet-total').innerText()).toBe('98 / 100 分');
    await tutor.locator('[data-veto="prior-comparison-error"]').getByTestId('teaching-sheet-veto-tick').check();
    await expect.poll(() => workStatus(tutor)).toBe('saved');
  });

  it('refuses the resident a change of score through the API, in words, and shows them no sheet while it is being scored', async () => {
    const evaluation = (await serverSession(resident)).stages['4.5'].evaluation;
    const attempt = await runCommands(resident, [
      { type: 'evaluateReport', evaluation: { sheet: { ...evaluation.sheet, vetoes: [] }, remark: '', feedback: '', guidance: '' } },
    ]);
    expect([403, 422]).toContain(attempt.status);
    expect(attempt.body.message).toMatch(/指导医师|tutor/);
    expect((await serverSession(resident)).stages['4.5'].evaluation.sheet.vetoes).toEqual(['prior-comparison-error']);
    await reopen(resident, '4.5');
    expect(await resident.getByTestId('teaching-report-sheet').count()).toBe(0);
    await toLanguage(resident, 'zh-CN');
    await shot(resident, 'report-handed-in-resident-zh', panel(resident));
    await toLanguage(resident, 'en');
    await shot(resident, 'report-handed-in-resident-en', panel(resident));
  });

  it('sends the report back with a reason, after which the resident sees why and the score it had', async () => {
    await tutor.getByTestId('teaching-sheet-return-reason').pressSequentially('请补充与既往检查的比较');
    await tutor.getByTestId('teaching-sheet-return').click();
    await expect.poll(() => step(tutor, '4.5').getAttribute('data-progress')).toBe('returned');
    await expect.poll(() => tutor.getByTestId('teaching-report-sheet').count()).toBe(0);
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    const [returned] = (await serverSession(tutor)).stages['4.5'].returns;
    expect(returned).toMatchObject({ reason: '请补充与既往检查的比较', by: 'demo-tutor1', evaluation: { kind: 'reportSheet', sheet: { mainProblems: MAIN_PROBLEMS } } });

    await reopen(resident, '4.5');
    await toLanguage(resident, 'zh-CN');
    expect(await resident.getByTestId('teaching-report-return-reason').innerText()).toContain('请补充与既往检查的比较');
    expect(await resident.getByTestId('teaching-report-earlier-evaluation').innerText()).toContain(MAIN_PROBLEMS);
    await shot(resident, 'report-returned-resident-zh', panel(resident));
  });
});
