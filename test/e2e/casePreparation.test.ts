import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE } from '../../extension/host/annotationStyle';
import { CHEST_CT_NODULE, SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import type { CaseAnnotationView } from '../../src/records/api/caseAnnotations';
import type { CaseView } from '../../src/records/api/cases';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';
import { drawAcrossNodule, panel, sidewaysOverflow, toLanguage, waitForTeachingPanel } from '../support/teachingPanel';
import { dismissBanner, hostAnnotations, scrollToInstanceNumber, selectTool, signIn, waitForViewportsRendered } from '../support/viewer';

const shot = screenshotter('e2e-case-preparation');
const { chestCt, chestCtPrior } = SAMPLE_STUDIES;

const field = (page: Page, testId: string) => page.getByTestId(testId);
const findings = (page: Page) => page.getByTestId('case-finding');
const reportText = (page: Page, section: string) => page.locator(`[data-testid="case-report-section"][data-section="${section}"] textarea`);
const saveState = (page: Page) => page.getByTestId('case-save-status').getAttribute('data-state');
const drawingsState = (page: Page) => page.getByTestId('case-drawings-status').getAttribute('data-state');
/** How the host draws an annotation: its own style object. */
const styleOf = (page: Page, uid: string) => page.evaluate(id => (window as any).cornerstoneTools.annotation.config.style.getAnnotationToolStyles(id) as Record<string, string> | undefined, uid);
/** Lines the viewport's drawing layer strokes in a colour: what the person actually sees. */
const strokedIn = (page: Page, colour: string) => page.locator(`.viewport-element svg [stroke="${colour}"]`).count();
/** The pointer off the line but still over the image, so the tools stop highlighting it. */
async function awayFromLines(page: Page): Promise<void> {
  const box = (await page.locator('.cornerstone-canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 5 });
}

async function openPreparation(page: Page): Promise<void> {
  await waitForViewportsRendered(page);
  await dismissBanner(page);
  await page.getByTestId('case-prep-form').waitFor();
}

/** A tutor turns the sample chest CT into a case with its reference answer drawn on the images, and finds it all again after a reload. */
describe('preparing a teaching case from the open study', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let tutor: Page;
  let referenceUid: string;
  let caseId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-case-prep-'));
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    tutor = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await tutor.goto(`${server.url}/teaching?StudyInstanceUIDs=${chestCt.studyUID}&prepareCase=new`);
    await signIn(tutor, server.url, 'tutor1');
    await openPreparation(tutor);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prefills the case from the study and lists the patient’s prior for comparison', async () => {
    await expect.poll(() => field(tutor, 'case-modality').inputValue()).toBe('CT');
    expect(await field(tutor, 'case-body-part').inputValue()).toBe('CHEST');
    expect(await field(tutor, 'case-title').inputValue()).toBe('CT Chest without contrast');
    expect(await field(tutor, 'case-real-time').isChecked()).toBe(false);
    await tutor.locator(`[data-testid="case-prior"][data-study="${chestCtPrior.studyUID}"]`).waitFor();
    // The study read is not its own prior.
    expect(await tutor.locator(`[data-testid="case-prior"][data-study="${chestCt.studyUID}"]`).count()).toBe(0);
    expect(await saveState(tutor)).toBe('new');
  });

  it('says beside each field what a case still lacks, and sends nothing', async () => {
    const caseCount = () => tutor.evaluate(async () => (await (await fetch('/api/cases?retired=all')).json()).cases.length as number);
    const before = await caseCount();
    await field(tutor, 'case-save').click();
    const problems = tutor.getByTestId('case-problem');
    await expect.poll(() => problems.evaluateAll(items => items.map(item => item.getAttribute('data-field')).sort())).toEqual(['category', 'objectives', 'trainingYear']);
    expect(await tutor.locator('[data-testid="case-problem"][data-field="category"]').innerText()).toBe('请选择病种分类');
    expect(await caseCount()).toBe(before);
  });

  it('takes the form, a reference Length drawn across the nodule in amber, and the findings that link it', async () => {
    await field(tutor, 'case-title').fill('右肺上叶实性结节（随访增大）');
    await field(tutor, 'case-category').selectOption('respiratory');
    await field(tutor, 'case-training-year').selectOption('2');
    await field(tutor, 'case-objective').first().fill('识别肺结节的 CT 征象并测量其大小');
    await field(tutor, 'case-add-objective').click();
    await field(tutor, 'case-objective').nth(1).fill('与既往检查对比，判断结节的变化');
    await tutor.locator(`[data-testid="case-prior"][data-study="${chestCtPrior.studyUID}"]`).check();
    await expect.poll(() => tutor.getByTestId('case-problem').count()).toBe(0);

    await scrollToInstanceNumber(tutor, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(tutor, 'Length');
    await drawAcrossNodule(tutor);
    await expect.poll(async () => (await hostAnnotations(tutor)).length).toBe(1);
    referenceUid = (await hostAnnotations(tutor))[0]!.uid;
    await expect.poll(() => styleOf(tutor, referenceUid)).toMatchObject({ color: REFERENCE, colorLocked: REFERENCE });
    await awayFromLines(tutor);
    await expect.poll(() => strokedIn(tutor, REFERENCE)).toBeGreaterThan(0);
    // The case has no id yet: the drawing waits in this browser.
    await tutor.getByTestId('case-drawings-waiting').waitFor();

    await field(tutor, 'case-add-positive').click();
    const positive = findings(tutor).nth(0);
    await positive.getByTestId('case-finding-description').fill('实性结节，约 14 mm');
    await positive.getByTestId('case-finding-location').fill('右肺上叶前段');
    await positive.getByTestId('case-finding-pathology').fill('肿瘤性病变可能，较前增大');
    await positive.getByTestId('case-finding-link').selectOption(referenceUid);
    await expect.poll(() => positive.getAttribute('data-annotations')).toBe(referenceUid);
    await positive.getByTestId('case-finding-chip').waitFor();

    await field(tutor, 'case-add-negative').click();
    const negative = findings(tutor).nth(1);
    await negative.getByTestId('case-finding-description').fill('未见纵隔淋巴结肿大');
    await negative.getByTestId('case-finding-location').fill('纵隔');
    expect(await negative.getAttribute('data-kind')).toBe('negative');

    await field(tutor, 'case-diagnosis').fill('右肺上叶实性结节，较前增大，考虑周围型肺癌可能');
    await reportText(tutor, 'findings').fill('右肺上叶前段见实性结节，大小约 14 mm，较前（8 mm）增大。纵隔未见肿大淋巴结。');
    await reportText(tutor, 'impression').fill('右肺上叶实性结节，较前增大，建议进一步检查。');
    await expect.poll(() => saveState(tutor)).toBe('new');

    expect(await sidewaysOverflow(tutor)).toBeLessThanOrEqual(0);
    await shot(tutor, 'report-zh', panel(tutor));
    await tutor.getByTestId('case-details').scrollIntoViewIfNeeded();
    await shot(tutor, 'details-zh', panel(tutor));
    await toLanguage(tutor, 'en');
    expect(await tutor.getByTestId('case-prep-head').innerText()).toContain('New case');
    expect(await sidewaysOverflow(tutor)).toBeLessThanOrEqual(0);
    await shot(tutor, 'details-en', panel(tutor));
    await reportText(tutor, 'impression').scrollIntoViewIfNeeded();
    await shot(tutor, 'report-en', panel(tutor));
    await findings(tutor).nth(0).scrollIntoViewIfNeeded();
    await shot(tutor, 'findings-en', panel(tutor));
    await toLanguage(tutor, 'zh-CN');
    await findings(tutor).nth(0).scrollIntoViewIfNeeded();
    await shot(tutor, 'findings-zh', panel(tutor));
  });

  it('saves the case, then the drawing under it, and puts the case in the address', async () => {
    await field(tutor, 'case-save').click();
    await expect.poll(() => saveState(tutor)).toBe('saved');
    await expect.poll(() => drawingsState(tutor)).toBe('saved');
    caseId = new URL(tutor.url()).searchParams.get('prepareCase')!;
    expect(caseId).not.toBe('new');
    expect(await tutor.getByTestId('case-drawings-waiting').count()).toBe(0);
    await shot(tutor, 'saved-zh', panel(tutor));
  });

  it('finds everything again after a reload: the form, the findings and the amber drawing', async () => {
    await tutor.reload();
    await openPreparation(tutor);
    expect(await field(tutor, 'case-title').inputValue()).toBe('右肺上叶实性结节（随访增大）');
    expect(await field(tutor, 'case-category').inputValue()).toBe('respiratory');
    expect(await field(tutor, 'case-training-year').inputValue()).toBe('2');
    expect(await field(tutor, 'case-objective').evaluateAll(inputs => inputs.map(input => (input as HTMLInputElement).value))).toEqual([
      '识别肺结节的 CT 征象并测量其大小',
      '与既往检查对比，判断结节的变化',
    ]);
    expect(await tutor.locator(`[data-testid="case-prior"][data-study="${chestCtPrior.studyUID}"]`).isChecked()).toBe(true);
    expect(await findings(tutor).evaluateAll(rows => rows.map(row => `${row.getAttribute('data-kind')}:${row.getAttribute('data-annotations')}`))).toEqual([`positive:${referenceUid}`, 'negative:']);
    expect(await findings(tutor).nth(0).getByTestId('case-finding-description').inputValue()).toBe('实性结节，约 14 mm');
    expect(await field(tutor, 'case-diagnosis').inputValue()).toBe('右肺上叶实性结节，较前增大，考虑周围型肺癌可能');
    expect(await reportText(tutor, 'impression').inputValue()).toBe('右肺上叶实性结节，较前增大，建议进一步检查。');
    expect(await saveState(tutor)).toBe('saved');
    expect(await tutor.getByTestId('case-prep-head').innerText()).toContain('编辑病例');

    await expect.poll(async () => (await hostAnnotations(tutor)).map(annotation => annotation.uid)).toEqual([referenceUid]);
    expect(await styleOf(tutor, referenceUid)).toMatchObject({ color: REFERENCE, colorLocked: REFERENCE });
    await scrollToInstanceNumber(tutor, CHEST_CT_NODULE.centerInstanceNumber);
    await awayFromLines(tutor);
    await expect.poll(() => strokedIn(tutor, REFERENCE)).toBeGreaterThan(0);
    await shot(tutor, 'reopened-zh', tutor.locator('body'));
  });

  it('is in the records as the case with its reference annotation, and no session got the drawing', async () => {
    const view: CaseView = await tutor.evaluate(async id => (await fetch(`/api/cases/${id}`)).json(), caseId);
    expect(view.case).toMatchObject({
      title: '右肺上叶实性结节（随访增大）',
      studyInstanceUIDs: [chestCt.studyUID, chestCtPrior.studyUID],
      modality: 'CT',
      bodyPart: 'CHEST',
      category: 'respiratory',
      trainingYear: 2,
      realTime: false,
      objectives: ['识别肺结节的 CT 征象并测量其大小', '与既往检查对比，判断结节的变化'],
    });
    expect(view.case.referenceAnswer?.findings.map(finding => [finding.kind, finding.description, finding.annotationIds])).toEqual([
      ['positive', '实性结节，约 14 mm', [referenceUid]],
      ['negative', '未见纵隔淋巴结肿大', []],
    ]);
    expect(view.case.referenceAnswer?.diagnosis).toBe('右肺上叶实性结节，较前增大，考虑周围型肺癌可能');
    const { annotations }: { annotations: CaseAnnotationView[] } = await tutor.evaluate(async id => (await fetch(`/api/cases/${id}/annotations`)).json(), caseId);
    expect(annotations.map(annotation => [annotation.uid, annotation.studyInstanceUID, (annotation.annotation.metadata as { toolName: string }).toolName])).toEqual([
      [referenceUid, chestCt.studyUID, 'Length'],
    ]);
    // The tutor's session in progress on this study holds none of it.
    const sessions = await tutor.evaluate(async study => (await (await fetch(`/api/sessions?studyInstanceUID=${study}`)).json()).sessions as Array<{ session: { id: string } }>, chestCt.studyUID);
    for (const { session } of sessions) {
      const drawn: { annotations: Array<{ uid: string }> } = await tutor.evaluate(async id => (await fetch(`/api/sessions/${id}/annotations`)).json(), session.id);
      expect(drawn.annotations.map(annotation => annotation.uid)).not.toContain(referenceUid);
    }
  });

  it('offers a tutor with no session on the study to prepare it, or to edit the case prepared from it', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const other = await context.newPage();
    await other.goto(`${server.url}/teaching?StudyInstanceUIDs=${chestCt.studyUID}`);
    await signIn(other, server.url, 'tutor2');
    await waitForViewportsRendered(other);
    await dismissBanner(other);
    await other.getByTestId('case-prep-offer').waitFor();
    const mine = other.locator(`[data-testid="case-prepare-existing"][data-case="${caseId}"]`);
    await mine.waitFor();
    expect(await mine.innerText()).toContain('右肺上叶实性结节（随访增大）');
    await shot(other, 'offer-zh', panel(other));
    await toLanguage(other, 'en');
    expect(await other.getByTestId('case-prepare-new').innerText()).toBe('Prepare this study as a teaching case');
    await shot(other, 'offer-en', panel(other));

    await mine.getByTestId('case-prepare-edit').click();
    await other.getByTestId('case-prep-form').waitFor();
    expect(new URL(other.url()).searchParams.get('prepareCase')).toBe(caseId);
    expect(await field(other, 'case-title').inputValue()).toBe('右肺上叶实性结节（随访增大）');
    await expect.poll(async () => (await hostAnnotations(other)).map(annotation => annotation.uid)).toEqual([referenceUid]);
    await context.close();
  });

  it('never prepares for a resident: the address asking for it opens their session as usual', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const resident = await context.newPage();
    await resident.goto(`${server.url}/teaching?StudyInstanceUIDs=${chestCt.studyUID}&prepareCase=new`);
    await signIn(resident, server.url, 'resident1');
    await waitForTeachingPanel(resident);
    expect(await resident.getByTestId('case-prep-form').count()).toBe(0);
    expect(await resident.getByTestId('case-prep-offer').count()).toBe(0);
    await context.close();
  });
});
