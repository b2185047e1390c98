import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSignComparison } from '../../src/core/comparison/signComparison';
import type { TeachingSession } from '../../src/core/session/session';
import { CHEST_CT_NODULE } from '../../src/dicomweb/sample/sampleCatalogue';
import { IN_PROGRESS_PLAN } from '../../src/records/seed/demoSessionPlans';
import { screenshotter } from '../support/screenshots';
import { drawAcrossNodule, drawingOnPage, openStage, panel, progress, runCommandsAs, runScriptedStages, sidewaysOverflow, toLanguage, waitForTeachingPanel, workStatus } from '../support/teachingPanel';
import { currentSlice, DEMO_PASSWORD, scrollToInstanceNumber, scrollToSlice, selectTool } from '../support/viewer';
import { openWorkstations, type Workstations } from '../support/workstations';

const shot = screenshotter('e2e-sign-comparison');
const SESSION_ID = IN_PROGRESS_PLAN.id;
/** The session's live view reaches the other workstation within one look (every 4 s) and a little. */
const LIVE = { timeout: 20_000 };
/** Where the reference's second sign lies, and the resident's extra drawing: well apart from the nodule and each other. */
const MISSED_DY = 30;
const EXTRA_DY = -30;
const REFERENCE = { nodule: 'reference-nodule', missed: 'reference-node' };

const GREEN = 'rgb(80, 200, 120)';
const RED = 'rgb(255, 90, 90)';
const ORANGE = 'rgb(255, 160, 40)';
const RESIDENT_BLUE = 'rgb(92, 179, 255)';

/**
 * The automatic comparison of the resident's signs with the case's reference, in the viewer: the
 * tutor's reference has two drawn signs and two negative signs; the resident finds one, draws one
 * more and hands 4.3 in. The tutor sees found, missed and extra in the panel and on the images at
 * once, ticks a negative sign, accepts the suggested scores and changes one. The resident sees none
 * of it until sign-off, and all of it after.
 */
describe('the comparison of the signs with the reference', () => {
  let workstations: Workstations;
  let resident: Page;
  let tutor: Page;
  let caseId: string;
  let residentUids: string[];

  const shotBoth = async (page: Page, name: string) => {
    for (const language of ['zh-CN', 'en'] as const) {
      await toLanguage(page, language);
      expect(await sidewaysOverflow(page)).toBe(0);
      await shot(page, `${name}-panel-${language === 'en' ? 'en' : 'zh'}`, panel(page));
      await shot(page, `${name}-page-${language === 'en' ? 'en' : 'zh'}`);
    }
    await toLanguage(page, 'zh-CN');
  };
  const comparisonOf = (page: Page) =>
    page.evaluate(async id => {
      const response = await fetch(`/api/sessions/${id}/comparison`);
      return { status: response.status, body: (await response.json()) as StoredSignComparison };
    }, SESSION_ID);
  const rows = (page: Page, mark: string) => page.locator(`[data-testid="teaching-comparison-row"][data-mark="${mark}"]`);

  beforeAll(async () => {
    workstations = await openWorkstations('sign-comparison');
    ({ resident, tutor } = workstations);
    const session = (await tutor.evaluate(async id => (await (await fetch(`/api/sessions/${id}`)).json()).session, SESSION_ID)) as TeachingSession;
    caseId = session.caseId;

    // The tutor's reference, put in through the API on the nodule's slice: a Length across the
    // nodule, one across something else, and two negative signs.
    await scrollToInstanceNumber(tutor, CHEST_CT_NODULE.centerInstanceNumber);
    const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
    const r = CHEST_CT_NODULE.diameterMm / 2;
    await tutor.evaluate(
      async ({ caseId, lines }) => {
        const { cornerstone } = window as any;
        const viewport = cornerstone.getRenderingEngines()[0].getViewports()[0];
        const imageId: string = viewport.getCurrentImageId();
        const instance = cornerstone.metaData.get('instance', imageId);
        const plane = cornerstone.metaData.get('imagePlaneModule', imageId);
        const camera = viewport.getCamera();
        // The sample case comes with its own reference drawings; this test's reference replaces them.
        const { annotations: seeded } = await (await fetch(`/api/cases/${caseId}/annotations`)).json();
        for (const { uid, version } of seeded) {
          const removed = await fetch(`/api/cases/${caseId}/annotations/${uid}?version=${version}`, { method: 'DELETE' });
          if (!removed.ok) throw new Error(`removing the sample reference ${uid}: HTTP ${removed.status}`);
        }
        for (const { uid, label, points } of lines) {
          const annotation = {
            annotationUID: uid,
            isLocked: false,
            isVisible: true,
            metadata: { toolName: 'Length', FrameOfReferenceUID: plane.frameOfReferenceUID, referencedImageId: imageId, viewPlaneNormal: [...camera.viewPlaneNormal], viewUp: [...camera.viewUp] },
            data: { label, handles: { points, activeHandleIndex: null, textBox: { hasMoved: false } }, cachedStats: {} },
          };
          const body = { version: 0, studyInstanceUID: instance.StudyInstanceUID, seriesInstanceUID: instance.SeriesInstanceUID, sopInstanceUID: instance.SOPInstanceUID, frameNumber: null, annotation };
          const response = await fetch(`/api/cases/${caseId}/annotations/${uid}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (!response.ok) throw new Error(`reference ${uid}: HTTP ${response.status} ${await response.text()}`);
        }
        const current = await (await fetch(`/api/cases/${caseId}`)).json();
        const referenceAnswer = {
          ...(current.case.referenceAnswer ?? { report: { description: '', impression: '', advice: '' } }),
          diagnosis: '右肺上叶周围型肺癌可能',
          findings: [
            { id: 'ref-nodule', kind: 'positive', description: '右肺上叶实性结节', location: '右肺上叶尖段', annotationIds: [lines[0]!.uid], pathology: '' },
            { id: 'ref-node', kind: 'positive', description: '邻近胸膜牵拉', location: '右肺上叶', annotationIds: [lines[1]!.uid], pathology: '' },
            { id: 'ref-no-effusion', kind: 'negative', description: '无胸腔积液', location: '', annotationIds: [], pathology: '' },
            { id: 'ref-no-nodes', kind: 'negative', description: '纵隔未见肿大淋巴结', location: '纵隔', annotationIds: [], pathology: '' },
          ],
        };
        const updated = await fetch(`/api/cases/${caseId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: current.version, case: { ...current.case, referenceAnswer } }) });
        if (!updated.ok) throw new Error(`case: HTTP ${updated.status} ${await updated.text()}`);
      },
      {
        caseId,
        lines: [
          { uid: REFERENCE.nodule, label: '结节', points: [[cx - r, cy, cz], [cx + r, cy, cz]] },
          { uid: REFERENCE.missed, label: '胸膜牵拉', points: [[cx - r, cy + MISSED_DY, cz], [cx + r, cy + MISSED_DY, cz]] },
        ],
      },
    );
  }, 180_000);

  afterAll(() => workstations?.close());

  const runScripted = (only: (stage: string | undefined) => boolean) => runScriptedStages({ resident, tutor }, SESSION_ID, only);

  it('the resident finds the nodule, draws one sign more, records a negative sign and hands 4.3 in, seeing no comparison', async () => {
    // 4.1 and 4.2 go first, handed in and scored.
    await runScripted(stage => stage === '4.1' || stage === '4.2');
    await openStage(resident, '4.3');
    await scrollToInstanceNumber(resident, CHEST_CT_NODULE.centerInstanceNumber);
    await selectTool(resident, 'Length');
    for (const [dy, sign] of [[0, '结节'], [EXTRA_DY, '磨玻璃影']] as const) {
      await drawAcrossNodule(resident, dy);
      await resident.getByTestId('teaching-sign-picker').waitFor();
      await resident.keyboard.type(sign);
      await resident.keyboard.press('Enter');
      await resident.getByTestId('teaching-sign-picker').waitFor({ state: 'detached' });
    }
    await resident.getByTestId('teaching-add-negative').click();
    await resident.locator('[data-testid="teaching-finding"][data-kind="negative"]').getByTestId('teaching-finding-description').pressSequentially('未见胸腔积液');
    await expect.poll(() => workStatus(resident)).toBe('saved');
    await expect.poll(() => resident.getByTestId('teaching-save-status').getAttribute('data-state')).toBe('saved');
    residentUids = await resident.locator('[data-testid="teaching-annotation-row"]').evaluateAll(items => items.map(item => item.getAttribute('data-uid')!));
    expect(residentUids).toHaveLength(2);
    await resident.getByTestId('teaching-stage-4.3').getByTestId('teaching-submit-stage').click();
    await expect.poll(() => progress(resident, '4.3')).toBe('submitted');

    // Nothing of the reference reaches the resident: not the panel, not the images, not the API.
    await new Promise(resolve => setTimeout(resolve, 5_000));
    expect(await resident.getByTestId('teaching-comparison').count()).toBe(0);
    expect(await drawingOnPage(resident, REFERENCE.nodule)).toBeUndefined();
    expect((await comparisonOf(resident)).status).toBe(403);
  });

  it("the tutor standing in at the resident's workstation sees the comparison there, and it goes when they hand back", async () => {
    await resident.getByTestId('teaching-stand-in-open').click();
    const form = resident.getByTestId('teaching-stand-in-form');
    await form.getByTestId('teaching-stand-in-username').pressSequentially('tutor1');
    await form.getByTestId('teaching-stand-in-password').pressSequentially(DEMO_PASSWORD);
    await form.getByTestId('teaching-stand-in-submit').click();
    await resident.getByTestId('teaching-stand-in-active').waitFor();
    const comparison = resident.getByTestId('teaching-comparison');
    await expect.poll(() => comparison.getAttribute('data-status'), LIVE).toBe('ready');
    expect(await rows(resident, 'missed').getAttribute('data-uid')).toBe(REFERENCE.missed);
    expect(await rows(resident, 'extra').count()).toBe(1);
    await expect.poll(() => drawingOnPage(resident, REFERENCE.missed), LIVE).toEqual({ color: RED, dashed: true, locked: true, visible: true });
    await shot(resident, 'stand-in-panel-zh', panel(resident));

    await resident.getByTestId('teaching-stand-in-hand-back').click();
    await resident.getByTestId('teaching-stand-in-active').waitFor({ state: 'detached' });
    await comparison.waitFor({ state: 'detached' });
    await expect.poll(() => drawingOnPage(resident, REFERENCE.missed)).toBeUndefined();
    expect((await comparisonOf(resident)).status).toBe(403);
  });

  it('the tutor sees found, missed and extra at once, in the panel and on the images', async () => {
    await expect.poll(() => progress(tutor, '4.3'), LIVE).toBe('submitted');
    await openStage(tutor, '4.3');
    const comparison = tutor.getByTestId('teaching-comparison');
    await expect.poll(() => comparison.getAttribute('data-status'), LIVE).toBe('ready');
    const [nodule, extra] = residentUids as [string, string];
    await expect.poll(() => rows(tutor, 'found').count()).toBe(1);
    expect(await rows(tutor, 'found').getAttribute('data-uid')).toBe(nodule);
    expect(await rows(tutor, 'missed').getAttribute('data-uid')).toBe(REFERENCE.missed);
    expect(await rows(tutor, 'extra').getAttribute('data-uid')).toBe(extra);
    expect(await rows(tutor, 'found').getByTestId('teaching-comparison-measured').innerText()).toMatch(/^\d+\.\d mm 对比 \d+\.\d mm$/);

    // On the images: the reference's drawings under their own UIDs, locked; each drawing in its mark's style.
    await expect.poll(() => drawingOnPage(tutor, REFERENCE.missed), LIVE).toEqual({ color: RED, dashed: true, locked: true, visible: true });
    expect(await drawingOnPage(tutor, REFERENCE.nodule)).toEqual({ color: GREEN, dashed: false, locked: true, visible: true });
    expect(await drawingOnPage(tutor, nodule)).toMatchObject({ color: GREEN, dashed: false });
    expect(await drawingOnPage(tutor, extra)).toMatchObject({ color: ORANGE, dashed: true });
    // They are not the tutor's drawings: not listed as annotations of the session, never saved.
    expect((await tutor.locator('[data-testid="teaching-annotation-row"]').evaluateAll(items => items.map(item => item.getAttribute('data-uid')))).sort()).toEqual([...residentUids].sort());
    const saved = await tutor.evaluate(async id => (await (await fetch(`/api/sessions/${id}/annotations`)).json()).annotations.map((item: { uid: string }) => item.uid), SESSION_ID);
    expect(saved.sort()).toEqual([...residentUids].sort());

    await comparison.scrollIntoViewIfNeeded();
    await shotBoth(tutor, 'tutor');

    // A row shows its drawing: the missed sign is the reference's, on the nodule's slice.
    const noduleSlice = await scrollToInstanceNumber(tutor, CHEST_CT_NODULE.centerInstanceNumber);
    await scrollToSlice(tutor, 0);
    await rows(tutor, 'missed').click();
    await expect.poll(async () => (await currentSlice(tutor)).index).toBe(noduleSlice);
  });

  it('hides the comparison on the images and shows it again', async () => {
    const [nodule] = residentUids as [string];
    await tutor.getByTestId('teaching-comparison-on-images').click();
    await expect.poll(() => drawingOnPage(tutor, REFERENCE.missed)).toMatchObject({ visible: false });
    expect(await drawingOnPage(tutor, nodule)).toMatchObject({ color: RESIDENT_BLUE, dashed: false });
    await tutor.getByTestId('teaching-comparison-on-images').click();
    await expect.poll(() => drawingOnPage(tutor, REFERENCE.missed)).toMatchObject({ visible: true, color: RED });
    expect(await drawingOnPage(tutor, nodule)).toMatchObject({ color: GREEN });
  });

  it('ticks a negative sign the resident recorded, accepts the suggested scores and changes one', async () => {
    await tutor.locator('[data-testid="teaching-comparison-negative"][data-finding="ref-no-effusion"] input').check();
    await expect.poll(async () => (await comparisonOf(tutor)).body.negativeChecks['ref-no-effusion']?.recorded).toBe(true);
    const { suggestion } = (await comparisonOf(tutor)).body;
    const criteria = Object.keys(suggestion.scores);
    expect(criteria.length).toBeGreaterThan(0);

    await tutor.getByTestId('teaching-comparison-accept').click();
    const score = (criterion: string) => tutor.locator(`[data-testid="teaching-scoring-4.3"] [data-criterion="${criterion}"] [data-testid="teaching-criterion-score"]`);
    for (const criterion of criteria) await expect.poll(() => score(criterion).inputValue()).toBe(String(suggestion.scores[criterion]));
    // The tutor changes one of them as any score, and scores the criteria the comparison cannot judge.
    const changed = criteria[0]!;
    const max = Number(await score(changed).getAttribute('max'));
    const given = suggestion.scores[changed] === max ? max - 1 : max;
    await score(changed).fill(String(given));
    const all = tutor.locator('[data-testid="teaching-scoring-4.3"] [data-testid="teaching-criterion"]');
    for (let index = 0; index < (await all.count()); index++) {
      const input = all.nth(index).getByTestId('teaching-criterion-score');
      if ((await input.inputValue()) === '') await input.fill(String(await input.getAttribute('max')));
    }
    await expect.poll(() => workStatus(tutor)).toBe('saved');
    await expect.poll(() => progress(tutor, '4.3')).toBe('evaluated');
    const line = tutor.locator(`[data-testid="teaching-comparison-suggested"][data-criterion="${changed}"] [data-testid="teaching-comparison-suggested-score"]`);
    expect(await line.innerText()).toBe(`建议 ${suggestion.scores[changed]}，实给 ${given}`);
    await tutor.getByTestId('teaching-comparison-suggestion').scrollIntoViewIfNeeded();
    await shotBoth(tutor, 'tutor-scored');
    await toLanguage(tutor, 'en');
    expect(await line.innerText()).toBe(`suggested ${suggestion.scores[changed]}, given ${given}`);
    await toLanguage(tutor, 'zh-CN');
    // The decision is kept in the evaluation, the suggestion in the comparison.
    const session = await tutor.evaluate(async id => (await (await fetch(`/api/sessions/${id}`)).json()).session, SESSION_ID);
    expect(session.stages['4.3'].evaluation.scores[changed]).toBe(given);
    expect((await comparisonOf(tutor)).body.suggestion.scores[changed]).toBe(suggestion.scores[changed]);
  });

  it('after sign-off the resident sees the comparison, in the panel and on the images', async () => {
    await runScripted(stage => stage === '4.4' || stage === '4.5');
    await runCommandsAs(tutor, SESSION_ID, [{ type: 'signOff' }]);

    await resident.reload();
    await waitForTeachingPanel(resident);
    await openStage(resident, '4.3');
    const comparison = resident.getByTestId('teaching-comparison');
    await expect.poll(() => comparison.getAttribute('data-status'), LIVE).toBe('ready');
    expect(await rows(resident, 'missed').getAttribute('data-uid')).toBe(REFERENCE.missed);
    expect(await rows(resident, 'extra').count()).toBe(1);
    // Read only: the resident neither compares again nor ticks nor accepts.
    expect(await resident.getByTestId('teaching-comparison-again').count()).toBe(0);
    expect(await resident.getByTestId('teaching-comparison-accept').count()).toBe(0);
    expect(await resident.locator('[data-testid="teaching-comparison-negative"] input:not([disabled])').count()).toBe(0);
    await scrollToInstanceNumber(resident, CHEST_CT_NODULE.centerInstanceNumber);
    await expect.poll(() => drawingOnPage(resident, REFERENCE.missed), LIVE).toEqual({ color: RED, dashed: true, locked: true, visible: true });
    expect(await resident.locator('[data-testid="teaching-annotation-row"]').evaluateAll(items => items.map(item => item.getAttribute('data-uid')))).not.toContain(REFERENCE.missed);
    await comparison.scrollIntoViewIfNeeded();
    await shotBoth(resident, 'resident-signed');
  });
});
