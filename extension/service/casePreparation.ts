import type { DepartmentCategory } from '../../src/core/library/departmentCategory';
import type { LocalizedText } from '../../src/core/schema/common';
import type { Finding, FindingKind } from '../../src/core/session/stageWork';
import type { TeachingCase } from '../../src/core/session/teachingCase';
import type { CaseAnnotationView } from '../../src/records/api/caseAnnotations';
import { ApiRequestError, localized } from '../api/apiRequestError';
import type { TeachingApi } from '../api/teachingApi';
import type { PatientStudies, PatientStudy } from '../host/patientStudies';
import type { StudyHeaders } from '../host/studyHeaders';
import type { AnnotationChange, RestorableAnnotation, ViewerAnnotations } from '../host/viewerAnnotations';
import { AnnotationSync, type AnnotationContent, type SaveStatus, type Timers } from './annotationSync';
import { caseFieldOf, caseFormOf, caseFormProblems, caseInputOf, newCaseForm, type CaseField, type CaseForm } from './caseForm';
import { caseDraftKey, type CaseDraft, type CaseDrafts } from './localDraft';
import { StateListeners } from './stateListeners';

/** What the form's save is doing, or why it did not happen. */
export type CaseSave =
  | { state: 'idle' }
  | { state: 'saving' }
  /** The case changed elsewhere since it was opened: the edits stay here, nothing is overwritten. */
  | { state: 'conflict' }
  | { state: 'refused'; messages: LocalizedText };

/** Something the preparation looks up beside the case, which the form works without. */
export type Lookup<T> = { state: 'loading' } | { state: 'loaded'; items: readonly T[] } | { state: 'unavailable'; messages: LocalizedText };

/** A reference finding being named from the sign vocabulary, as in 4.3. */
export interface ReferenceLabelling {
  findingId: string;
  text: string;
  fromDrawing: boolean;
}

/** One immutable snapshot of the preparation; a new object on every change. */
export interface PreparationState {
  status: 'loading' | 'open' | 'unavailable';
  /** Why it cannot be prepared (the case is not found, the server refused). */
  messages: LocalizedText | undefined;
  /** The study the case is read on, the first of its studies. */
  studyInstanceUID: string;
  /** Undefined until a new case is first saved. */
  caseId: string | undefined;
  /** The version the form was opened or last saved at; 0 for a new case. */
  version: number;
  form: CaseForm;
  /** The form holds edits the server does not (they wait in the local draft). */
  dirty: boolean;
  save: CaseSave;
  /** Beside each field: what the form lacks (once a save was tried) and what the server refused. */
  problems: Partial<Record<CaseField, LocalizedText>>;
  categories: Lookup<DepartmentCategory>;
  /** The patient's other studies, to choose priors from; `noPatient` when the header has no PatientID. */
  studies: Lookup<PatientStudy> | { state: 'noPatient' };
  /** Where the reference drawings are: saved under the case, on their way, or refused. */
  drawings: SaveStatus;
  /** Drawings of a case not yet saved, kept in the local draft until it has an id. */
  waitingDrawings: number;
  labelling: ReferenceLabelling | undefined;
}

export interface CasePreparationOptions {
  api: TeachingApi;
  viewer: ViewerAnnotations;
  /** The study open in the viewer, which a new case is prepared from. */
  studyInstanceUID: string;
  /** `new`, or the id of the case to edit. */
  request: string;
  drafts: CaseDrafts;
  patientStudies: PatientStudies | undefined;
  studyHeaders: () => StudyHeaders | undefined;
  timers: Timers;
  newKey: () => string;
  /** Puts the case in the page's address, so a reload opens it again. */
  showInAddress(caseId: string): void;
  reloadPage(): void;
  signal: AbortSignal;
}

const NEW_CASE = 'new';

/** How long a new case waits for the study's headers to prefill its form. */
const HEADERS_WAIT_MS = 10_000;

const unavailable = (error: unknown): LocalizedText => (error instanceof ApiRequestError ? error.messages : { zh: String(error), en: String(error) });

/** The form field each edit touches, to take the server's problem about it away. */
const FIELD_OF: Record<keyof CaseForm, CaseField> = {
  title: 'title',
  modality: 'modality',
  bodyPart: 'bodyPart',
  category: 'category',
  trainingYear: 'trainingYear',
  realTime: 'realTime',
  objectives: 'objectives',
  priorStudyUIDs: 'priors',
  findings: 'findings',
  diagnosis: 'diagnosis',
  report: 'report',
};

const clientProblems = (form: CaseForm): Partial<Record<CaseField, LocalizedText>> =>
  Object.fromEntries(Object.entries(caseFormProblems(form)).map(([field, key]) => [field, localized(key)]));

/** The server's refusal, beside the fields it names; one that names none stands over the form. */
function serverProblems(error: ApiRequestError): Partial<Record<CaseField, LocalizedText>> {
  const listed = error.problems?.length ? error.problems : [{ field: error.field ?? '', messages: error.messages }];
  const problems: Partial<Record<CaseField, LocalizedText>> = {};
  for (const problem of listed) {
    const field = caseFieldOf(problem.field);
    const before = problems[field];
    problems[field] = before ? { zh: `${before.zh}；${problem.messages.zh}`, en: `${before.en}; ${problem.messages.en}` } : problem.messages;
  }
  return problems;
}

/**
 * A tutor (or administrator) preparing a case from the study open in the viewer: the form, saved
 * as the case on request, and every drawing made meanwhile, which is the case's reference and is
 * saved under the case as it changes, in the reference colour. Unsaved edits wait in the local
 * draft, so a reload loses nothing. A new case has no id to save drawings under until it is first
 * saved: until then its drawings wait in the local draft too, and go the moment it is saved.
 * Nothing drawn here ever goes to a session.
 */
export class CasePreparation {
  private state: PreparationState;
  private readonly listeners = new StateListeners();
  private sync: AnnotationSync | undefined;
  /** The case as last saved or opened, for what the form does not show. */
  private saved: TeachingCase | undefined;
  /** Every reference drawing on the images; drawn again ones are not new drawings. */
  private readonly known = new Set<string>();
  /** A new case's drawings, as they will be saved once it has an id. */
  private readonly waiting = new Map<string, AnnotationContent>();
  /** Drawings being drawn again from the server or the draft: their announcements are not changes. */
  private readonly restoring = new Set<string>();
  /** A save was asked for: from then on, what the form lacks is shown as it is typed. */
  private attempted = false;
  /** Local draft writes, one after another, so that an older one never lands last. */
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: CasePreparationOptions) {
    this.state = {
      status: 'loading',
      messages: undefined,
      studyInstanceUID: options.studyInstanceUID,
      caseId: undefined,
      version: 0,
      form: newCaseForm(undefined),
      dirty: false,
      save: { state: 'idle' },
      problems: {},
      categories: { state: 'loading' },
      studies: { state: 'loading' },
      drawings: { state: 'saved' },
      waitingDrawings: 0,
      labelling: undefined,
    };
  }

  getState = (): PreparationState => this.state;

  subscribe = (listener: () => void): (() => void) => this.listeners.subscribe(listener);

  /** Opens the case (or a new one) with what the local draft still holds, and draws its reference again. */
  async open(alreadyDrawn: readonly string[]): Promise<void> {
    const { api, request, drafts, signal } = this.options;
    void this.loadCategories();
    // Drawn before the preparation opened: the reference too.
    for (const uid of alreadyDrawn) this.drawn(uid);
    try {
      if (request === NEW_CASE) {
        const draft = await drafts.get(this.draftKey());
        if (signal.aborted) return;
        const form = draft?.form ?? newCaseForm(await this.headers());
        if (signal.aborted) return;
        for (const [uid, content] of Object.entries(draft?.drawings ?? {})) this.waiting.set(uid, content);
        this.update({ status: 'open', form, dirty: draft !== undefined, waitingDrawings: this.waiting.size });
        void this.loadStudies();
        await this.drawAgain([...this.waiting].map(([uid, content]) => ({ uid, ...content })));
      } else {
        const [view, annotations] = await Promise.all([api.getCase(request), api.listCaseAnnotations(request)]);
        if (signal.aborted) return;
        this.saved = view.case;
        const studyInstanceUID = view.case.studyInstanceUIDs[0]!;
        this.update({ studyInstanceUID, caseId: view.case.id, version: view.version });
        const draft = await drafts.get(this.draftKey());
        if (signal.aborted) return;
        this.update({
          status: 'open',
          form: draft?.form ?? caseFormOf(view.case),
          dirty: draft !== undefined,
          // Edits kept from an older version would overwrite what was saved since: they are shown, not sent.
          save: draft && draft.version !== view.version ? { state: 'conflict' } : { state: 'idle' },
        });
        void this.loadStudies();
        const restored = await this.drawAgain(annotations);
        if (signal.aborted) return;
        const sync = this.startSync(view.case.id);
        const versions = new Map(annotations.map(item => [item.uid, item.version]));
        for (const uid of restored) sync.adopt(uid, versions.get(uid)!);
        // Drawn while the case was loading.
        for (const uid of this.waiting.keys()) sync.changed(uid);
      }
    } catch (error) {
      if (!signal.aborted) this.update({ status: 'unavailable', messages: unavailable(error) });
    }
  }

  /** Stops: nothing more is drawn, saved or shown. Drawing writes already sent still finish. */
  close(): void {
    this.closed = true;
  }

  /** A change on the images, which in preparation is always the case's reference. */
  apply(change: AnnotationChange): void {
    if (this.closed) return;
    switch (change.type) {
      case 'upsert':
        this.drawn(change.annotation.uid);
        return;
      case 'remove':
        this.drawingRemoved(change.uid);
        return;
      case 'clear':
        for (const uid of change.uids) this.drawingRemoved(uid);
        return;
    }
  }

  /** The person's edit of the form, on screen at once and into the local draft. */
  edit(patch: Partial<CaseForm>): void {
    const form = { ...this.state.form, ...patch };
    const problems = { ...this.state.problems };
    for (const key of Object.keys(patch) as Array<keyof CaseForm>) delete problems[FIELD_OF[key]];
    delete problems.form;
    this.update({ form, dirty: true, problems: this.attempted ? { ...problems, ...clientProblems(form) } : problems }, true);
    this.persist();
  }

  addFinding(kind: FindingKind): void {
    const id = `${kind}-${this.options.newKey().slice(0, 12)}`;
    this.edit({ findings: [...this.state.form.findings, { id, kind, description: '', location: '', annotationIds: [], pathology: '' }] });
  }

  editFinding(findingId: string, patch: Partial<Finding>): void {
    this.edit({ findings: this.state.form.findings.map(finding => (finding.id === findingId ? { ...finding, ...patch } : finding)) });
  }

  removeFinding(findingId: string): void {
    this.edit({ findings: this.state.form.findings.filter(finding => finding.id !== findingId) });
  }

  /** The finding is shown by this reference drawing (one drawing may show several signs). */
  linkDrawing(findingId: string, uid: string): void {
    const finding = this.state.form.findings.find(item => item.id === findingId);
    if (finding && !finding.annotationIds.includes(uid)) this.editFinding(findingId, { annotationIds: [...finding.annotationIds, uid] });
  }

  unlinkDrawing(findingId: string, uid: string): void {
    const finding = this.state.form.findings.find(item => item.id === findingId);
    if (finding) this.editFinding(findingId, { annotationIds: finding.annotationIds.filter(id => id !== uid) });
  }

  jumpTo(uid: string): void {
    this.options.viewer.jumpTo(uid);
  }

  startLabelling(findingId: string): void {
    if (this.state.form.findings.some(finding => finding.id === findingId)) this.update({ labelling: { findingId, text: '', fromDrawing: false } });
  }

  editLabelling(text: string): void {
    if (this.state.labelling) this.update({ labelling: { ...this.state.labelling, text } }, true);
  }

  cancelLabelling(): void {
    this.update({ labelling: undefined });
  }

  /** Names a finding from the vocabulary or in the tutor's words, and the drawings that show it with it. */
  labelFinding(findingId: string, text: string): void {
    const label = text.trim();
    const finding = this.state.form.findings.find(item => item.id === findingId);
    this.update({ labelling: undefined });
    if (!finding || !label) return;
    this.editFinding(findingId, { description: label });
    for (const uid of finding.annotationIds) if (this.known.has(uid)) this.options.viewer.rename(uid, label);
  }

  /**
   * Saves the form as the case: creates it the first time, then updates the version it was opened
   * or last saved at. What the form lacks is shown beside its fields first, and the server's
   * problems beside the fields they name.
   */
  async save(): Promise<void> {
    const { api, newKey } = this.options;
    if (this.state.status !== 'open' || this.state.save.state === 'saving' || this.state.save.state === 'conflict') return;
    this.attempted = true;
    const form = this.state.form;
    const missing = clientProblems(form);
    if (Object.keys(missing).length > 0) {
      this.update({ problems: { ...this.state.problems, ...missing }, save: { state: 'idle' } });
      return;
    }
    this.update({ save: { state: 'saving' }, problems: {} });
    const { caseId, version, studyInstanceUID } = this.state;
    const input = caseInputOf(form, studyInstanceUID);
    let view;
    try {
      view = caseId ? await api.updateCase(caseId, version, input, newKey()) : await api.createCase(input, newKey());
    } catch (error) {
      if (this.closed) return;
      if (error instanceof ApiRequestError && error.status === 409) this.update({ save: { state: 'conflict' } });
      else if (error instanceof ApiRequestError && error.status === 400) this.update({ save: { state: 'idle' }, problems: serverProblems(error) });
      else this.update({ save: { state: 'refused', messages: unavailable(error) } });
      return;
    }
    this.saved = view.case;
    // Typed while the save was on its way: still to be saved.
    const dirty = this.state.form !== form;
    this.update({ caseId: view.case.id, version: view.version, save: { state: 'idle' }, dirty });
    if (!caseId) {
      this.options.showInAddress(view.case.id);
      const newDraft = caseDraftKey(undefined, studyInstanceUID);
      this.writing = this.writing.then(() => this.options.drafts.remove(newDraft)).catch(() => undefined);
      this.startSync(view.case.id);
      // The drawings made before it had an id go now, as drawn now; they stay in the draft (under
      // the case) until the server has them all.
      for (const uid of this.waiting.keys()) this.sync?.changed(uid);
    }
    this.persist();
  }

  /** After a conflict: the edits kept here are dropped, and the page opens the case as it is now. */
  async discardAndReload(): Promise<void> {
    await this.writing;
    await this.options.drafts.remove(this.draftKey()).catch(() => undefined);
    this.options.reloadPage();
  }

  /** The case as the server last gave it, for the panel's details (who prepared it, its studies). */
  savedCase(): TeachingCase | undefined {
    return this.saved;
  }

  private draftKey(): string {
    return caseDraftKey(this.state.caseId, this.state.studyInstanceUID);
  }

  /** The study's headers, once the viewer has them; a new form waits a moment for them to prefill. */
  private async headers(): Promise<StudyHeaders | undefined> {
    const until = Date.now() + HEADERS_WAIT_MS;
    for (;;) {
      const headers = this.options.studyHeaders();
      if (headers?.study || Date.now() > until || this.options.signal.aborted) return headers;
      await new Promise<void>(resolve => this.options.timers.setTimeout(resolve, 100));
    }
  }

  private async loadCategories(): Promise<void> {
    try {
      const { categories } = await this.options.api.getCategories();
      this.update({ categories: { state: 'loaded', items: categories } });
    } catch (error) {
      this.update({ categories: { state: 'unavailable', messages: unavailable(error) } });
    }
  }

  /** The patient's other studies in the PACS, newest first, the study read excluded. */
  private async loadStudies(): Promise<void> {
    const patientId = (await this.headers())?.study?.PatientID;
    const { patientStudies } = this.options;
    if (typeof patientId !== 'string' || !patientId.trim() || !patientStudies) {
      this.update({ studies: { state: 'noPatient' } });
      return;
    }
    try {
      const studies = await patientStudies.list(patientId);
      this.update({ studies: { state: 'loaded', items: studies.filter(study => study.studyInstanceUID !== this.state.studyInstanceUID) } });
    } catch (error) {
      this.update({ studies: { state: 'unavailable', messages: { zh: String(error), en: String(error) } } });
    }
  }

  /** Draws saved reference drawings again in the reference colour; returns those drawn. */
  private async drawAgain(annotations: readonly (RestorableAnnotation | CaseAnnotationView)[]): Promise<string[]> {
    const { viewer, signal } = this.options;
    for (const item of annotations) {
      this.known.add(item.uid);
      this.restoring.add(item.uid);
    }
    try {
      const { restored } = await viewer.restore(annotations, { studyInstanceUID: this.state.studyInstanceUID, locked: new Set(), signal, owner: 'reference' });
      return restored;
    } finally {
      for (const item of annotations) this.restoring.delete(item.uid);
    }
  }

  private startSync(caseId: string): AnnotationSync {
    const { api, viewer, timers, newKey } = this.options;
    const sync = new AnnotationSync({
      writes: {
        save: (uid, body, key) => api.saveCaseAnnotation(caseId, uid, body, key),
        remove: (uid, version, key) => api.deleteCaseAnnotation(caseId, uid, version, key),
      },
      read: uid => viewer.rawAnnotation(uid),
      timers,
      newKey,
      onStatus: status => {
        if (this.sync !== sync || this.closed) return;
        this.update({ drawings: status });
        // Every drawing the server holds: those made before the first save need the draft no more.
        if (status.state === 'saved' && this.waiting.size > 0) {
          this.waiting.clear();
          this.update({ waitingDrawings: 0 });
          this.persist();
        }
      },
    });
    this.sync = sync;
    return sync;
  }

  private paint(uid: string): void {
    const { viewer } = this.options;
    // After the host's own handlers of the finished drawing, which select it.
    queueMicrotask(() => {
      if (!this.closed) viewer.paint(uid, 'reference');
    });
  }

  /** A drawing finished or changed; a new one is painted as the reference. */
  private drawn(uid: string): void {
    if (this.restoring.has(uid)) return;
    const isNew = !this.known.has(uid);
    this.known.add(uid);
    if (isNew) this.paint(uid);
    if (this.sync) {
      this.sync.changed(uid);
      return;
    }
    // Read at the end of the task, when every listener of the host has applied the change.
    this.options.timers.setTimeout(() => {
      const content = this.options.viewer.rawAnnotation(uid);
      if (!content || this.closed || !this.known.has(uid)) return;
      if (this.sync) {
        this.sync.changed(uid);
        return;
      }
      this.waiting.set(uid, content);
      this.update({ waitingDrawings: this.waiting.size });
      this.persist();
    }, 0);
  }

  private drawingRemoved(uid: string): void {
    if (!this.known.delete(uid)) return;
    this.sync?.removed(uid);
    if (this.waiting.delete(uid)) this.update({ waitingDrawings: this.waiting.size });
    const findings = this.state.form.findings;
    if (findings.some(finding => finding.annotationIds.includes(uid))) {
      this.edit({ findings: findings.map(finding => ({ ...finding, annotationIds: finding.annotationIds.filter(id => id !== uid) })) });
    } else {
      this.persist();
    }
  }

  /** Keeps what the server does not hold yet in the local draft, or clears it once it holds everything. */
  private persist(): void {
    const key = this.draftKey();
    const { form, version, dirty } = this.state;
    const drawings = Object.fromEntries(this.waiting);
    const draft: CaseDraft | undefined = dirty || this.waiting.size > 0 ? { key, form, version, drawings } : undefined;
    const { drafts } = this.options;
    this.writing = this.writing.then(() => (draft ? drafts.put(draft) : drafts.remove(key))).catch(() => undefined);
  }

  private update(patch: Partial<PreparationState>, immediately = false): void {
    this.state = { ...this.state, ...patch };
    this.listeners.notify(immediately);
  }
}
