import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../extension/api/apiRequestError';
import type { TeachingApi } from '../../../extension/api/teachingApi';
import type { PatientStudies } from '../../../extension/host/patientStudies';
import type { StudyHeaders } from '../../../extension/host/studyHeaders';
import type { AnnotationChange, RestorableAnnotation, RestoreOptions, ViewerAnnotations } from '../../../extension/host/viewerAnnotations';
import type { AnnotationContent } from '../../../extension/service/annotationSync';
import { caseFieldOf, caseInputOf, newCaseForm } from '../../../extension/service/caseForm';
import { CasePreparation, type CasePreparationOptions } from '../../../extension/service/casePreparation';
import type { DrawnAnnotation } from '../../../extension/service/drawnAnnotation';
import { caseDraftKey, type CaseDrafts } from '../../../extension/service/localDraft';
import { memoryCaseDrafts, memoryDraft } from '../../../extension/service/memoryDraft';
import { TeachingService } from '../../../extension/service/TeachingService';
import { CASE_SCHEMA_VERSION, type TeachingCase } from '../../../src/core/session/teachingCase';
import type { CaseAnnotationView } from '../../../src/records/api/caseAnnotations';
import type { CaseInput } from '../../../src/records/api/cases';
import type { WhoAmI } from '../../../src/records/api/auth';
import { NO_CASE_LIBRARY } from '../../fixtures/noCaseLibrary';

const STUDY = '1.2.840.7';
const PRIOR = '1.2.840.6';
const HEADERS: StudyHeaders = {
  study: { Modality: 'CT', BodyPartExamined: 'CHEST', StudyDescription: 'CT chest', PatientID: 'ZW-1' },
  series: [],
};

const drawn = (uid: string, label = ''): DrawnAnnotation => ({ uid, toolName: 'Length', label, values: ['14.0 mm'] });
const content = (label: string): AnnotationContent => ({
  studyInstanceUID: STUDY,
  seriesInstanceUID: `${STUDY}.1`,
  sopInstanceUID: `${STUDY}.1.40`,
  frameNumber: null,
  annotation: { data: { label }, metadata: { toolName: 'Length' } },
});

/** The viewer as the preparation sees it, recording what it was asked to draw and paint. */
class FakeViewer implements ViewerAnnotations {
  calls: string[] = [];
  drawings = new Map<string, AnnotationContent>();
  restored: Array<{ uids: string[]; owner: string | undefined }> = [];
  listener: ((change: AnnotationChange) => void) | undefined;
  list = () => [];
  watch(onChange: (change: AnnotationChange) => void) {
    this.listener = onChange;
    return () => void (this.listener = undefined);
  }
  /** The person draws or changes a drawing on the image. */
  draw(uid: string, label = '') {
    this.drawings.set(uid, content(label));
    this.listener?.({ type: 'upsert', annotation: drawn(uid, label) });
  }
  erase(uid: string) {
    this.drawings.delete(uid);
    this.listener?.({ type: 'remove', uid });
  }
  jumpTo = (uid: string) => void this.calls.push(`jump ${uid}`);
  rename = (uid: string, label: string) => {
    this.calls.push(`rename ${uid} ${label}`);
    this.draw(uid, label);
  };
  remove = (uid: string) => void this.calls.push(`remove ${uid}`);
  rawAnnotation = (uid: string) => this.drawings.get(uid);
  paint = (uid: string, owner: string) => void this.calls.push(`paint ${uid} ${owner}`);
  lock = (uid: string) => void this.calls.push(`lock ${uid}`);
  async restore(annotations: readonly RestorableAnnotation[], options: RestoreOptions) {
    this.restored.push({ uids: annotations.map(item => item.uid), owner: options.owner });
    // As the host does: each drawn again is announced as a measurement.
    for (const item of annotations) this.draw(item.uid, (item.annotation.data as { label: string }).label);
    return { restored: annotations.map(item => item.uid), unplaced: [] };
  }
}

const CATEGORIES = [
  { id: 'respiratory', name: { zh: '呼吸系统', en: 'Respiratory' }, retired: false },
  { id: 'old', name: { zh: '旧分类', en: 'Old' }, retired: true },
];

const savedCase = (input: CaseInput, id: string): TeachingCase => ({ ...input, schemaVersion: CASE_SCHEMA_VERSION, id, preparedBy: 'tutor-1', createdAt: '2026-12-01T08:00:00.000Z' });

const caseAnnotation = (uid: string, label: string, version: number): CaseAnnotationView => ({ uid, authorId: 'tutor-1', ...content(label), version, updatedAt: '2026-12-01T08:00:00.000Z' });

/** The records service's cases, recording every write. */
class FakeCaseApi {
  writes: string[] = [];
  cases = new Map<string, { case: TeachingCase; version: number }>();
  annotations = new Map<string, CaseAnnotationView[]>();
  refuse: ApiRequestError | undefined;
  getCategories = async () => ({ categories: CATEGORIES, version: 1 });
  createCase = async (input: CaseInput) => {
    this.writes.push(`create ${input.title} [${input.studyInstanceUIDs.join(' ')}]`);
    if (this.refuse) throw this.refuse;
    const view = { case: savedCase(input, `case-${this.cases.size + 1}`), version: 1 };
    this.cases.set(view.case.id, view);
    return view;
  };
  updateCase = async (caseId: string, version: number, input: CaseInput) => {
    this.writes.push(`update ${caseId} v${version} ${input.title}`);
    const current = this.cases.get(caseId)!;
    if (current.version !== version) throw new ApiRequestError(409, 'conflict', { zh: '该病例已被他人修改', en: 'Someone else changed this case' });
    const view = { case: { ...current.case, ...input }, version: version + 1 };
    this.cases.set(caseId, view);
    return view;
  };
  getCase = async (caseId: string) => this.cases.get(caseId)!;
  listCases = async () => [...this.cases.values()].map(view => ({ ...view, usage: 0, preparedByName: '王建华' }));
  listCaseAnnotations = async (caseId: string) => this.annotations.get(caseId) ?? [];
  saveCaseAnnotation = async (caseId: string, uid: string, body: { version: number; annotation: Record<string, unknown> }) => {
    this.writes.push(`put ${caseId} ${uid} v${body.version} ${(body.annotation.data as { label: string }).label}`);
    return { ...caseAnnotation(uid, '', body.version + 1) };
  };
  deleteCaseAnnotation = async (caseId: string, uid: string, version: number) => void this.writes.push(`delete ${caseId} ${uid} v${version}`);
}

const settle = async () => {
  for (let i = 0; i < 6; i++) await new Promise(resolve => setTimeout(resolve, 0));
};

const PATIENT_STUDIES: PatientStudies = {
  list: async patientId =>
    patientId === 'ZW-1'
      ? [
          { studyInstanceUID: STUDY, date: '2026-10-15', description: 'CT chest', modalities: 'CT' },
          { studyInstanceUID: PRIOR, date: '2026-04-15', description: 'CT chest', modalities: 'CT' },
        ]
      : [],
};

function preparation(api: FakeCaseApi, viewer: FakeViewer, drafts: CaseDrafts, request = 'new', events: string[] = [], headers: StudyHeaders | undefined = HEADERS) {
  const options: CasePreparationOptions = {
    api: api as unknown as TeachingApi,
    viewer,
    studyInstanceUID: STUDY,
    request,
    drafts,
    patientStudies: PATIENT_STUDIES,
    studyHeaders: () => headers,
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms) },
    newKey: () => Math.random().toString(16).slice(2).padEnd(12, '0'),
    showInAddress: caseId => void events.push(`address ${caseId}`),
    reloadPage: () => void events.push('reload'),
    signal: new AbortController().signal,
  };
  const prepared = new CasePreparation(options);
  viewer.watch(change => prepared.apply(change));
  return prepared;
}

/** Fills in everything a case needs. */
function complete(prepared: CasePreparation) {
  prepared.edit({ category: 'respiratory', trainingYear: 2, objectives: ['识别肺结节的 CT 征象', ''] });
}

describe('the case form', () => {
  it('is prefilled from the study: modality, body part and title; the real-time flag for ultrasound only', () => {
    expect(newCaseForm(HEADERS)).toMatchObject({ title: 'CT chest', modality: 'CT', bodyPart: 'CHEST', realTime: false, objectives: [''] });
    expect(newCaseForm({ study: { Modality: 'US' }, series: [] })).toMatchObject({ modality: 'US', realTime: true, bodyPart: '' });
  });

  it('is sent with the study read first, then the priors, and objectives without blank lines', () => {
    const form = { ...newCaseForm(HEADERS), category: 'respiratory', trainingYear: 2 as const, objectives: [' 结节 ', ''], priorStudyUIDs: [PRIOR] };
    expect(caseInputOf(form, STUDY)).toMatchObject({ studyInstanceUIDs: [STUDY, PRIOR], objectives: ['结节'], category: 'respiratory', trainingYear: 2 });
  });

  it("puts each of the server's problems beside the field its path names", () => {
    expect(caseFieldOf('case.objectives')).toBe('objectives');
    expect(caseFieldOf('title')).toBe('title');
    expect(caseFieldOf('studyInstanceUIDs.1')).toBe('priors');
    expect(caseFieldOf('studyInstanceUIDs.0')).toBe('form');
    expect(caseFieldOf('case.referenceAnswer.findings.0.description')).toBe('findings');
    expect(caseFieldOf('referenceAnswer.report.impression')).toBe('report');
    expect(caseFieldOf(undefined)).toBe('form');
    expect(caseFieldOf('somethingElse')).toBe('form');
  });
});

describe('preparing a new case', () => {
  it('lists the patient\'s other studies and the department\'s categories', async () => {
    const prepared = preparation(new FakeCaseApi(), new FakeViewer(), memoryCaseDrafts());
    await prepared.open([]);
    await settle();
    const state = prepared.getState();
    expect(state.studies).toEqual({ state: 'loaded', items: [{ studyInstanceUID: PRIOR, date: '2026-04-15', description: 'CT chest', modalities: 'CT' }] });
    expect(state.categories).toEqual({ state: 'loaded', items: CATEGORIES });
  });

  it('sends nothing while the form lacks something, and says what beside each field', async () => {
    const api = new FakeCaseApi();
    const prepared = preparation(api, new FakeViewer(), memoryCaseDrafts());
    await prepared.open([]);
    await prepared.save();
    expect(api.writes).toEqual([]);
    expect(Object.keys(prepared.getState().problems).sort()).toEqual(['category', 'objectives', 'trainingYear']);
    // Once a save was tried, what is fixed is no longer flagged as it is typed.
    prepared.edit({ category: 'respiratory' });
    expect(Object.keys(prepared.getState().problems).sort()).toEqual(['objectives', 'trainingYear']);
  });

  it('keeps drawings in the local draft until the case is first saved, then saves them under it, never in a session', async () => {
    const api = new FakeCaseApi();
    const viewer = new FakeViewer();
    const drafts = memoryCaseDrafts();
    const events: string[] = [];
    const prepared = preparation(api, viewer, drafts, 'new', events);
    await prepared.open([]);
    viewer.draw('ref-1', 'nodule');
    await settle();
    expect(viewer.calls).toContain('paint ref-1 reference');
    expect(api.writes).toEqual([]);
    expect(prepared.getState().waitingDrawings).toBe(1);
    expect((await drafts.get(caseDraftKey(undefined, STUDY)))?.drawings).toEqual({ 'ref-1': content('nodule') });

    complete(prepared);
    prepared.edit({ priorStudyUIDs: [PRIOR] });
    await prepared.save();
    await settle();
    expect(api.writes).toEqual([`create CT chest [${STUDY} ${PRIOR}]`, 'put case-1 ref-1 v0 nodule']);
    expect(events).toEqual(['address case-1']);
    expect(prepared.getState()).toMatchObject({ caseId: 'case-1', version: 1, dirty: false, waitingDrawings: 0, drawings: { state: 'saved' } });
    // Nothing is left waiting: neither the new case's draft nor the saved one's.
    expect(await drafts.get(caseDraftKey(undefined, STUDY))).toBeUndefined();
    expect(await drafts.get(caseDraftKey('case-1', STUDY))).toBeUndefined();

    // From now on each change is saved under the case as it happens.
    viewer.draw('ref-1', 'solid nodule');
    viewer.draw('ref-2');
    await settle();
    expect(api.writes.slice(2)).toEqual(['put case-1 ref-1 v1 solid nodule', 'put case-1 ref-2 v0 ']);
  });

  it('comes back after a reload with the unsaved form and its drawings, drawn again in the reference colour', async () => {
    const drafts = memoryCaseDrafts();
    const first = new FakeViewer();
    const before = preparation(new FakeCaseApi(), first, drafts);
    await before.open([]);
    before.edit({ title: '右肺上叶结节', diagnosis: '周围型肺癌可能' });
    first.draw('ref-1', 'nodule');
    await settle();

    const viewer = new FakeViewer();
    const api = new FakeCaseApi();
    const after = preparation(api, viewer, drafts);
    await after.open([]);
    await settle();
    expect(after.getState().form).toMatchObject({ title: '右肺上叶结节', diagnosis: '周围型肺癌可能' });
    expect(after.getState().dirty).toBe(true);
    expect(viewer.restored).toEqual([{ uids: ['ref-1'], owner: 'reference' }]);
    expect(after.getState().waitingDrawings).toBe(1);
    // Drawn again, not drawn anew: the draft is unchanged and nothing was sent.
    expect(api.writes).toEqual([]);
  });

  it('unlinks a deleted drawing from the findings it showed, and keeps the findings', async () => {
    const viewer = new FakeViewer();
    const prepared = preparation(new FakeCaseApi(), viewer, memoryCaseDrafts());
    await prepared.open([]);
    viewer.draw('ref-1');
    prepared.addFinding('positive');
    const [finding] = prepared.getState().form.findings;
    prepared.linkDrawing(finding!.id, 'ref-1');
    prepared.linkDrawing(finding!.id, 'ref-1');
    expect(prepared.getState().form.findings[0]!.annotationIds).toEqual(['ref-1']);
    viewer.erase('ref-1');
    expect(prepared.getState().form.findings).toHaveLength(1);
    expect(prepared.getState().form.findings[0]!.annotationIds).toEqual([]);
  });

  it('names a finding from the sign list, with its drawings', async () => {
    const viewer = new FakeViewer();
    const prepared = preparation(new FakeCaseApi(), viewer, memoryCaseDrafts());
    await prepared.open([]);
    viewer.draw('ref-1');
    prepared.addFinding('positive');
    const id = prepared.getState().form.findings[0]!.id;
    prepared.linkDrawing(id, 'ref-1');
    prepared.startLabelling(id);
    prepared.editLabelling('结');
    expect(prepared.getState().labelling).toEqual({ findingId: id, text: '结', fromDrawing: false });
    prepared.labelFinding(id, ' 结节 ');
    expect(prepared.getState().labelling).toBeUndefined();
    expect(prepared.getState().form.findings[0]!.description).toBe('结节');
    expect(viewer.calls).toContain('rename ref-1 结节');
  });

  it("shows the server's refusal beside each field it names", async () => {
    const api = new FakeCaseApi();
    api.refuse = new ApiRequestError(400, 'input.invalidCase', { zh: '…', en: '…' }, undefined, undefined, 'category', [
      { code: 'case.retiredCategory', field: 'category', messages: { zh: '病种分类已停用', en: 'The category is retired' } },
      { code: 'case.studyNotInPacs', field: 'studyInstanceUIDs.1', messages: { zh: 'PACS 中没有该检查', en: 'The PACS has no such study' } },
    ]);
    const prepared = preparation(api, new FakeViewer(), memoryCaseDrafts());
    await prepared.open([]);
    complete(prepared);
    await prepared.save();
    expect(prepared.getState().problems).toEqual({ category: { zh: '病种分类已停用', en: 'The category is retired' }, priors: { zh: 'PACS 中没有该检查', en: 'The PACS has no such study' } });
    expect(prepared.getState().caseId).toBeUndefined();
    // Changing the field takes its refusal away; the others stay until the next save.
    prepared.edit({ category: 'respiratory' });
    expect(Object.keys(prepared.getState().problems)).toEqual(['priors']);
  });
});

describe('editing a saved case', () => {
  async function savedWithDrawing() {
    const api = new FakeCaseApi();
    const view = await api.createCase({ ...caseInputOf({ ...newCaseForm(HEADERS), category: 'respiratory', trainingYear: 2, objectives: ['结节'] }, STUDY) });
    api.annotations.set(view.case.id, [caseAnnotation('ref-1', 'nodule', 3)]);
    api.writes = [];
    return { api, caseId: view.case.id };
  }

  it('draws its reference again without saving it again, then saves each change on the version it holds', async () => {
    const { api, caseId } = await savedWithDrawing();
    const viewer = new FakeViewer();
    const prepared = preparation(api, viewer, memoryCaseDrafts(), caseId);
    await prepared.open([]);
    await settle();
    expect(prepared.getState()).toMatchObject({ status: 'open', caseId, version: 1, dirty: false });
    expect(prepared.getState().form.objectives).toEqual(['结节']);
    expect(viewer.restored).toEqual([{ uids: ['ref-1'], owner: 'reference' }]);
    expect(api.writes).toEqual([]);

    viewer.draw('ref-1', 'solid nodule');
    await settle();
    viewer.erase('ref-1');
    await settle();
    expect(api.writes).toEqual([`put ${caseId} ref-1 v3 solid nodule`, `delete ${caseId} ref-1 v4`]);
  });

  it('updates the version it was opened at; changed elsewhere, it keeps the edits and drops them only on reload', async () => {
    const { api, caseId } = await savedWithDrawing();
    const drafts = memoryCaseDrafts();
    const events: string[] = [];
    const prepared = preparation(api, new FakeViewer(), drafts, caseId, events);
    await prepared.open([]);
    prepared.edit({ title: 'CT chest, nodule' });
    await prepared.save();
    expect(api.writes).toEqual([`update ${caseId} v1 CT chest, nodule`]);
    expect(prepared.getState()).toMatchObject({ version: 2, dirty: false, save: { state: 'idle' } });

    // Someone saves the case in another window.
    await api.updateCase(caseId, 2, { ...caseInputOf(prepared.getState().form, STUDY), title: 'elsewhere' });
    prepared.edit({ title: 'mine' });
    await prepared.save();
    expect(prepared.getState().save).toEqual({ state: 'conflict' });
    expect(prepared.getState().form.title).toBe('mine');
    await settle();
    expect((await drafts.get(caseDraftKey(caseId, STUDY)))?.form.title).toBe('mine');

    await prepared.discardAndReload();
    expect(events).toEqual(['reload']);
    expect(await drafts.get(caseDraftKey(caseId, STUDY))).toBeUndefined();
  });

  it('opens edits kept from an older version as a conflict, so they never overwrite the newer case', async () => {
    const { api, caseId } = await savedWithDrawing();
    const drafts = memoryCaseDrafts();
    await drafts.put({ key: caseDraftKey(caseId, STUDY), form: { ...newCaseForm(HEADERS), title: 'old edit' }, version: 0, drawings: {} });
    const prepared = preparation(api, new FakeViewer(), drafts, caseId);
    await prepared.open([]);
    expect(prepared.getState()).toMatchObject({ save: { state: 'conflict' }, dirty: true });
    expect(prepared.getState().form.title).toBe('old edit');
    await prepared.save();
    expect(api.writes).toEqual([]);
  });
});

describe('the teaching service in preparation', () => {
  const person = (role: 'resident' | 'tutor'): WhoAmI => ({
    account: { id: `${role}-1`, username: role, name: role, role, trainingYear: role === 'resident' ? 2 : null, active: true, version: 1 },
    department: { id: 'dept', name: '放射科' },
    via: 'cookie',
  });

  function service(role: 'resident' | 'tutor', requested: string | undefined) {
    const api = new FakeCaseApi();
    const calls: string[] = [];
    const records = {
      ...NO_CASE_LIBRARY,
      ...api,
      getCategories: api.getCategories,
      createCase: api.createCase,
      whoAmI: async () => person(role),
      signOut: async () => undefined,
      startStandIn: NO_CASE_LIBRARY.getCategories,
      getStandIn: NO_CASE_LIBRARY.getCategories,
      endStandIn: async () => undefined,
      findOpenSession: async () => {
        calls.push('findOpenSession');
        return undefined;
      },
      listAnnotations: async () => [],
      saveAnnotation: async () => {
        calls.push('session annotation');
        throw new Error('a drawing of the preparation went to a session');
      },
      deleteAnnotation: async () => void calls.push('session annotation'),
      getSession: NO_CASE_LIBRARY.getCategories,
      runCommand: NO_CASE_LIBRARY.getCategories,
    } as unknown as TeachingApi;
    const addresses: string[] = [];
    const teaching = new TeachingService('zh-CN', {
      languageStore: { load: () => null, save: () => undefined },
      api: async () => records,
      signInUrl: '/api/auth/sign-in',
      page: { assign: () => undefined, reload: () => undefined },
      timers: { setTimeout: (callback, ms) => setTimeout(callback, ms) },
      newKey: () => Math.random().toString(16).slice(2).padEnd(12, '0'),
      localDraft: async () => memoryDraft(),
      studyHeaders: () => HEADERS,
      casePreparation: { requested: () => requested, showInAddress: caseId => void addresses.push(caseId), drafts: async () => memoryCaseDrafts(), patientStudies: PATIENT_STUDIES },
    });
    return { teaching, api, calls, addresses };
  }

  it('prepares for a tutor whose address asks for it, and what is drawn is the case\'s, never a session\'s', async () => {
    const { teaching, api, calls } = service('tutor', 'new');
    const viewer = new FakeViewer();
    teaching.attach(viewer, STUDY);
    await settle();
    const prepared = teaching.getState().preparation!;
    expect(prepared.getState().status).toBe('open');
    expect(calls).toEqual([]);
    viewer.draw('ref-1', 'nodule');
    complete(prepared);
    await prepared.save();
    await settle();
    expect(api.writes).toEqual([`create CT chest [${STUDY}]`, 'put case-1 ref-1 v0 nodule']);
    expect(calls).toEqual([]);
    expect(teaching.getState().annotations.map(item => item.uid)).toEqual(['ref-1']);
  });

  it('never prepares for a resident: their session is looked for as without the request', async () => {
    const { teaching, calls } = service('resident', 'new');
    teaching.attach(new FakeViewer(), STUDY);
    await settle();
    expect(teaching.getState().preparation).toBeUndefined();
    expect(teaching.mayPrepareCases()).toBe(false);
    expect(calls).toEqual(['findOpenSession']);
  });

  it('offers a tutor without a session on the study to prepare it, and starts from the offer', async () => {
    const { teaching, addresses } = service('tutor', undefined);
    teaching.attach(new FakeViewer(), STUDY);
    await settle();
    expect(teaching.getState().session).toEqual({ status: 'none' });
    expect(teaching.mayPrepareCases()).toBe(true);
    teaching.prepareCase('new');
    await settle();
    expect(addresses).toEqual(['new']);
    expect(teaching.getState().preparation?.getState().status).toBe('open');
  });
});
