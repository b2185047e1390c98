import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { IN_PROGRESS_PLAN } from '../../src/records/seed/demoSessionPlans';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { runCommandsAs } from '../support/teachingPanel';
import { startServer, type RunningServer } from '../support/serverProcess';
import { dismissBanner, dragOnPage, hostAnnotations, scrollToInstanceNumber, selectTool, signIn, waitForViewportsRendered, worldToPage } from '../support/viewer';

const shot = screenshotter('e2e-sign-vocabulary');
const TEACHING_URL = `/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.chestCt.studyUID}`;
const SESSION_ID = IN_PROGRESS_PLAN.id;
const FREE_TEXT = '右肺上叶小结节旁条索';

interface ServerSession {
  preparation: { checklist: Record<string, boolean> };
  stages: Record<string, { status: string; work: { findings?: Array<{ description: string; annotationIds: string[] }> } & Record<string, unknown> }>;
}

/** Stage 4.3 names each new drawing from the department's sign vocabulary, or in the resident's own words; the preparation checklist sits above the stages. */
describe('the sign vocabulary on a finished drawing, and the preparation checklist', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;

  const panel = (page: Page) => page.getByTestId('teaching-panel');
  const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');
  const findings = (page: Page) => page.locator('[data-testid="teaching-finding"][data-kind="positive"]');
  const picker = (page: Page) => page.getByTestId('teaching-sign-picker');
  const signOptions = (page: Page) => picker(page).locator('[data-testid="teaching-sign-option"][data-kind="sign"]');
  const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const sidewaysOverflow = (page: Page) => page.locator('.ohif-teaching__stage-scroll').evaluate(element => element.scrollWidth - element.clientWidth);
  const serverSession = async (page: Page): Promise<ServerSession> => (await page.evaluate(async id => (await fetch(`/api/sessions/${id}`)).json(), SESSION_ID)).session;
  const labelOf = async (page: Page, uid: string) => (await hostAnnotations(page)).find(annotation => annotation.uid === uid)?.label;
  const runCommands = (page: Page, commands: unknown[]) => runCommandsAs(page, SESSION_ID, commands);
  const ready = async (page: Page) => {
    await waitForViewportsRendered(page);
    await dismissBanner(page);
    await page.getByTestId('teaching-preparation').waitFor();
  };
  const openFindings = async (page: Page) => {
    await page.locator('[data-testid="teaching-step"][data-stage="4.3"]').click();
    await page.getByTestId('teaching-stage-4.3').waitFor();
  };
  const toLanguage = async (page: Page, language: 'en' | 'zh-CN') => {
    if ((await panel(page).getAttribute('lang')) !== language) await page.getByTestId('teaching-language-toggle').click();
    await expect.poll(() => panel(page).getAttribute('lang')).toBe(language);
  };
  /** A Length across the nodule's slice, `dy` mm below its centre. */
  const drawLength = async (page: Page, dy: number) => {
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    const r = CHEST_CT_NODULE.diameterMm / 2;
    await dragOnPage(page, await worldToPage(page, [cx - r, cy + dy, cz]), await worldToPage(page, [cx + r, cy + dy, cz]));
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-vocabulary-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    resident = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await resident.goto(`${server.url}${TEACHING_URL}`);
    await signIn(resident, server.url, 'resident1');
    await waitForViewportsRendered(resident);
    // 4.1 and 4.2 handed in with the resident's own sign-in, so 4.3 is the stage to work.
    const { stages } = await serverSession(resident);
    await runCommands(resident, [
      { type: 'saveWork', stage: '4.1', work: { ...stages['4.1']!.work, summary: '男，68 岁，右肺上叶结节 6 个月复查' } },
      { type: 'saveWork', stage: '4.2', work: { ...stages['4.2']!.work, protocol: '胸部 CT 平扫，层厚 1 mm' } },
      { type: 'submitStage', stage: '4.1' },
      { type: 'submitStage', stage: '4.2' },
    ]);
    await resident.reload();
    await ready(resident);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the preparation checklist above the stages, ticked by the resident and kept through a reload', async () => {
    const preparation = resident.getByTestId('teaching-preparation');
    const item = (id: string) => preparation.locator(`[data-testid="teaching-preparation-item"][data-item="${id}"]`).locator('input');
    const progress = () => resident.getByTestId('teaching-preparation-progress').innerText();
    // The demo resident prepared everything the day before: folded to one line.
    expect(await progress()).toBe('已完成 4/4');
    expect(await preparation.getAttribute('open')).toBeNull();
    expect(await resident.getByTestId('teaching-patient-informed').count()).toBe(0);
    await resident.getByTestId('teaching-preparation-summary').click();
    expect(await preparation.locator('[data-item="writingNorms"]').innerText()).toBe('熟悉影像诊断报告书写规范');
    await item('writingNorms').uncheck();
    await item('examNorms').uncheck();
    await expect.poll(progress).toBe('已完成 2/4');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    expect((await serverSession(resident)).preparation.checklist).toEqual({ qualityStandard: true, writingNorms: false, examNorms: false, radiationProtection: true });

    await resident.reload();
    await ready(resident);
    // Something left to do: it shows open.
    expect(await preparation.getAttribute('open')).not.toBeNull();
    expect(await item('writingNorms').isChecked()).toBe(false);
    expect(await item('examNorms').isChecked()).toBe(false);
    await item('examNorms').check();
    await expect.poll(progress).toBe('已完成 3/4');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await shot(resident, 'preparation-zh', panel(resident));

    await resident.reload();
    await ready(resident);
    expect(await item('examNorms').isChecked()).toBe(true);
    expect(await item('writingNorms').isChecked()).toBe(false);
    await toLanguage(resident, 'en');
    expect(await progress()).toBe('3/4 ready');
    expect(await preparation.locator('[data-item="writingNorms"]').innerText()).toBe('Knows the report-writing norms');
    await shot(resident, 'preparation-en', panel(resident));
    await toLanguage(resident, 'zh-CN');
  });

  it('opens the sign list on a finished drawing, focused, filters it as one types and names the finding and the drawing with the sign chosen', async () => {
    await openFindings(resident);
    await scrollToInstanceNumber(resident, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(resident, 'Length');
    await drawLength(resident, 0);
    await expect.poll(() => findings(resident).count()).toBe(1);
    await picker(resident).waitFor();
    expect(await picker(resident).getAttribute('data-finding')).toBe(await findings(resident).first().evaluate(row => row.querySelector('[data-testid="teaching-sign-picker"]')?.getAttribute('data-finding')));
    await expect.poll(() => focusedTestId(resident)).toBe('teaching-sign-input');
    // The study's vocabulary, both languages on each line.
    expect(await signOptions(resident).count()).toBeGreaterThanOrEqual(15);
    expect(await signOptions(resident).first().innerText()).toMatch(/^结节\s+nodule$/);
    expect(await picker(resident).innerText()).toContain('CT');
    expect(await sidewaysOverflow(resident)).toBeLessThanOrEqual(0);
    await shot(resident, 'picker-open-zh', panel(resident));

    await resident.keyboard.type('磨玻');
    await expect.poll(() => signOptions(resident).count()).toBe(1);
    expect(await signOptions(resident).first().innerText()).toMatch(/^磨玻璃影\s+ground-glass opacity$/);
    expect(await signOptions(resident).first().getAttribute('aria-selected')).toBe('true');
    await shot(resident, 'picker-filtered-zh', panel(resident));
    await resident.keyboard.press('Enter');

    await expect.poll(() => picker(resident).count()).toBe(0);
    const first = findings(resident).first();
    const uid = (await first.getAttribute('data-annotations'))!;
    expect(await first.getByTestId('teaching-finding-description').inputValue()).toBe('磨玻璃影');
    await expect.poll(() => labelOf(resident, uid)).toBe('磨玻璃影');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await expect.poll(async () => (await serverSession(resident)).stages['4.3']!.work.findings?.map(finding => finding.description)).toEqual(['磨玻璃影']);
    await shot(resident, 'named-zh', panel(resident));

    await resident.reload();
    await ready(resident);
    await openFindings(resident);
    await expect.poll(() => findings(resident).count()).toBe(1);
    expect(await findings(resident).first().getByTestId('teaching-finding-description').inputValue()).toBe('磨玻璃影');
    await expect.poll(() => labelOf(resident, uid)).toBe('磨玻璃影');
    // Restored drawings are not new: nothing asks to name them again.
    expect(await picker(resident).count()).toBe(0);
  });

  it('keeps free text as typed when no sign of the list fits', async () => {
    await scrollToInstanceNumber(resident, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(resident, 'Length');
    await drawLength(resident, 20);
    await expect.poll(() => findings(resident).count()).toBe(2);
    await expect.poll(() => focusedTestId(resident)).toBe('teaching-sign-input');
    await resident.keyboard.type(FREE_TEXT);
    await expect.poll(() => signOptions(resident).count()).toBe(0);
    expect(await picker(resident).locator('[data-kind="typed"]').innerText()).toBe(`按输入保留：${FREE_TEXT}`);
    await shot(resident, 'picker-free-text-zh', panel(resident));
    await resident.keyboard.press('Enter');

    const second = findings(resident).nth(1);
    const uid = (await second.getAttribute('data-annotations'))!;
    expect(await second.getByTestId('teaching-finding-description').inputValue()).toBe(FREE_TEXT);
    await expect.poll(() => labelOf(resident, uid)).toBe(FREE_TEXT);
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await expect.poll(async () => (await serverSession(resident)).stages['4.3']!.work.findings?.map(finding => finding.description)).toEqual(['磨玻璃影', FREE_TEXT]);
  });

  it('offers the list on an existing finding too, in English; Escape leaves the finding as it was', async () => {
    await toLanguage(resident, 'en');
    const first = findings(resident).first();
    await first.getByTestId('teaching-finding-choose-sign').click();
    await expect.poll(() => focusedTestId(resident)).toBe('teaching-sign-input');
    await resident.keyboard.type('pleural');
    await expect.poll(() => signOptions(resident).count()).toBe(3);
    expect((await signOptions(resident).allInnerTexts()).map(text => text.replace(/\s+/, ' '))).toEqual(['胸腔积液 pleural effusion', '胸膜凹陷征 pleural indentation', '胸膜增厚 pleural thickening']);
    await resident.keyboard.press('ArrowDown');
    expect(await signOptions(resident).nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await sidewaysOverflow(resident)).toBeLessThanOrEqual(0);
    await shot(resident, 'picker-existing-en', panel(resident));
    await resident.keyboard.press('Escape');
    await expect.poll(() => picker(resident).count()).toBe(0);
    expect(await first.getByTestId('teaching-finding-description').inputValue()).toBe('磨玻璃影');

    // A click takes a sign as Enter does, in the language the panel speaks.
    await findings(resident).nth(1).getByTestId('teaching-finding-choose-sign').click();
    await resident.keyboard.type('linear');
    await signOptions(resident).first().click();
    const uid = (await findings(resident).nth(1).getAttribute('data-annotations'))!;
    await expect.poll(() => findings(resident).nth(1).getByTestId('teaching-finding-description').inputValue()).toBe('linear opacity');
    await expect.poll(() => labelOf(resident, uid)).toBe('linear opacity');
    await shot(resident, 'named-en', panel(resident));
  });

  it('does not take the keyboard from a field the resident is writing in when a drawing finishes', async () => {
    await toLanguage(resident, 'zh-CN');
    const location = findings(resident).first().getByTestId('teaching-finding-location');
    await location.click();
    await resident.keyboard.type('右肺上叶');
    // A drawing completed while the field has the keyboard (the host completes it, not a click on the image).
    await resident.evaluate(uid => {
      const { state } = (window as any).cornerstoneTools.annotation;
      const copy = JSON.parse(JSON.stringify(state.getAnnotation(uid)));
      copy.annotationUID = crypto.randomUUID();
      copy.data.label = '';
      copy.data.cachedStats = {};
      for (const point of copy.data.handles.points) point[1] -= 20;
      state.addAnnotation(copy, copy.metadata.FrameOfReferenceUID);
      state.triggerAnnotationCompleted(copy);
    }, (await findings(resident).first().getAttribute('data-annotations'))!);
    await expect.poll(() => findings(resident).count()).toBe(3);
    await picker(resident).waitFor();
    expect(await focusedTestId(resident)).toBe('teaching-finding-location');
    await resident.keyboard.type('尖段');
    expect(await location.inputValue()).toBe('右肺上叶尖段');
    await shot(resident, 'picker-beside-typing-zh', panel(resident));
    await picker(resident).getByTestId('teaching-sign-close').click();
    await expect.poll(() => picker(resident).count()).toBe(0);
    expect(await findings(resident).nth(2).getByTestId('teaching-finding-description').inputValue()).toMatch(/^长度/);
  });

  it("takes the department's list from the host's customization service, and the shipped one when the department's is malformed", async () => {
    /** The resident's viewer with the site's app config setting the department's vocabulary. */
    const withVocabulary = async (value: unknown) => {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      await context.route('**/app-config.js', async route => {
        const original = await (await route.fetch()).text();
        const site = `window.config.customizationService = { 'teaching.signVocabulary': { $set: ${JSON.stringify(value)} } };`;
        await route.fulfill({ body: `${original}\n${site}`, contentType: 'application/javascript' });
      });
      const page = await context.newPage();
      const warnings: string[] = [];
      page.on('console', message => {
        if (message.type() === 'warning' && message.text().includes('teaching.signVocabulary')) warnings.push(message.text());
      });
      await page.goto(`${server.url}${TEACHING_URL}`);
      await signIn(page, server.url, 'resident1');
      await ready(page);
      await toLanguage(page, 'zh-CN');
      await openFindings(page);
      await findings(page).first().getByTestId('teaching-finding-choose-sign').click();
      await picker(page).waitFor();
      return { page, warnings };
    };

    const department = await withVocabulary({ CT: [{ zh: '肺结节', en: 'pulmonary nodule' }, { zh: '磨玻璃结节', en: 'ground-glass nodule' }] });
    expect((await signOptions(department.page).allInnerTexts()).map(text => text.replace(/\s+/, ' '))).toEqual(['肺结节 pulmonary nodule', '磨玻璃结节 ground-glass nodule']);
    expect(department.warnings).toEqual([]);
    await shot(department.page, 'department-vocabulary-zh', panel(department.page));
    await department.page.context().close();

    const malformed = await withVocabulary({ CT: [{ zh: 'nodule', en: 'nodule' }] });
    expect(await signOptions(malformed.page).first().innerText()).toMatch(/^结节\s+nodule$/);
    expect(await signOptions(malformed.page).count()).toBeGreaterThanOrEqual(15);
    await expect.poll(() => malformed.warnings.join('\n')).toMatch(/CT\[0\]: zh must be Chinese text/);
    await malformed.page.context().close();
  });

  it('shows a real-time case whether the patient was informed, recorded by the tutor before the session starts, with the time', async () => {
    const tutor = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const liverUrl = `${server.url}/teaching?StudyInstanceUIDs=${SAMPLE_STUDIES.liverUltrasound.studyUID}`;
    await tutor.goto(liverUrl);
    await signIn(tutor, server.url, 'tutor1');
    const { residentId } = (await serverSession(resident)) as ServerSession & { residentId: string };
    const opened = await tutor.evaluate(
      async body => (await fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status,
      { caseId: 'demo-case-liver-us', residentId, plannedAt: new Date(Date.now() + 3_600_000).toISOString(), place: '超声科 3 号诊室' },
    );
    expect(opened).toBe(201);
    await tutor.goto(liverUrl);
    await ready(tutor);
    const informed = tutor.getByTestId('teaching-patient-informed');
    await informed.waitFor();
    expect(await informed.getAttribute('data-informed')).toBe('no');
    // The checklist is the resident's to tick: shown to the tutor, not offered.
    expect(await tutor.locator('[data-testid="teaching-preparation-item"] input').first().isDisabled()).toBe(true);
    await shot(tutor, 'patient-not-informed-zh', panel(tutor));
    await tutor.getByTestId('teaching-record-patient-informed').click();
    await expect.poll(() => informed.getAttribute('data-informed')).toBe('yes');
    expect(await informed.innerText()).toMatch(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 告知患者本次教学/);
    expect(await tutor.getByTestId('teaching-record-patient-informed').count()).toBe(0);
    await expect.poll(() => workStatus(tutor)).toBe('saved');

    await tutor.reload();
    await ready(tutor);
    await expect.poll(() => informed.getAttribute('data-informed')).toBe('yes');
    await toLanguage(tutor, 'en');
    expect(await informed.innerText()).toMatch(/Patient informed of the teaching at \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await shot(tutor, 'patient-informed-en', panel(tutor));
    await tutor.context().close();
  });
});
