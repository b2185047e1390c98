import { isLanguage, type Language } from '../../src/core/i18n';
import { isResidentOf, isTutorOf, mayManageCases } from '../../src/core/rules/permissions';
import type { StageId } from '../../src/core/rubric/rubricSchema';
import type { LocalizedText } from '../../src/core/schema/common';
import type { Actor, Role } from '../../src/core/session/people';
import type { CriteriaEvaluationInput, SessionCommand } from '../../src/core/rules/sessionCommand';
import type { Finding, FindingsWork } from '../../src/core/session/stageWork';
import type { DepartmentSignLists } from '../../src/core/vocabulary/signVocabulary';
import { MESSAGES } from '../../src/core/i18n/messages';
import type { SessionView } from '../../src/records/api/sessions';
import type { StandInView } from '../../src/records/api/auth';
import { ApiRequestError, localized } from '../api/apiRequestError';
import type { TeachingApi } from '../api/teachingApi';
import { isAuthorRole, type AuthorRole } from '../host/annotationStyle';
import type { StudyHeaders } from '../host/studyHeaders';
import type { PriorComparison, PriorStudySummary } from '../host/priorComparison';
import type { SliceAlignment } from '../host/sliceAlignment';
import type { AnnotationChange, ViewerAnnotations } from '../host/viewerAnnotations';
import { AnnotationSync, type SaveStatus, type Timers } from './annotationSync';
import { CommandQueue, STAND_IN_ENDED, type QueueStatus } from './commandQueue';
import type { LocalDraft } from './localDraft';
import type { DrawnAnnotation } from './drawnAnnotation';
import { diffAnnotations, FOLLOW_INTERVAL_MS, seenKey, SessionFollower, type PageVisibility } from './sessionFollower';
import type { CasePreparation } from './casePreparation';
import type { CaseDrafts } from './localDraft';
import type { PatientStudies } from '../host/patientStudies';
import type { CaseLibraryItem } from '../../src/records/api/cases';
import { StateListeners } from './stateListeners';

export interface RenameDraft {
  uid: string;
  text: string;
}

/** A finding being named from the sign vocabulary, with what the person has typed to find the sign. */
export interface SignLabelling {
  findingId: string;
  text: string;
  /** Opened by a drawing just finished, not by the person asking: it must not take the keyboard from them. */
  fromDrawing: boolean;
}

export interface SignedInPerson {
  name: string;
  role: Role;
  /** Signed in with our cookie (we sign out), or by the host's identity provider (the host does). */
  via: 'cookie' | 'bearer';
}

/** The teaching session the open study belongs to, as far as it is known yet. */
export type SessionLink =
  | { status: 'loading' }
  | { status: 'none' }
  /** `drawing`: the signed-in person is its resident or tutor, so what they draw is saved. */
  | { status: 'open'; id: string; drawing: boolean }
  | { status: 'unavailable'; messages: LocalizedText };

/** One immutable snapshot of everything the panel renders; a new object on every change. */
export interface TeachingState {
  language: Language;
  annotations: readonly DrawnAnnotation[];
  selectedUid: string | undefined;
  renaming: RenameDraft | undefined;
  me: SignedInPerson | undefined;
  session: SessionLink;
  save: SaveStatus;
  /** Drawn by someone else in the session: listed and shown, never changed from here. */
  readOnly: ReadonlyMap<string, Role>;
  /** Who drew each annotation, the person's own included: its colour and the name of its author in the list. */
  authors: ReadonlyMap<string, AuthorRole>;
  /** Saved annotations that lie on images this viewer has not loaded. */
  unplaced: number;
  signOutError: LocalizedText | undefined;
  /** The open session as the server last acknowledged it, with its version. */
  record: SessionView | undefined;
  /** The signed-in person as the teaching rules see them. */
  actor: Actor | undefined;
  /** The stage the person chose to see; until they choose, the panel shows the first one still open. */
  stage: StageId | undefined;
  /** A clock action on its way to the server, or refused by it. */
  clockAction: ClockAction;
  /** The person's work on stages that the server does not hold yet: what they typed, shown over the server's. */
  work: Partial<Record<StageId, unknown>>;
  /** Where the person's changes to the session are: in the local draft, on their way, or acknowledged. */
  sessionSave: QueueStatus;
  /** The tutor's scores of stages that the server does not hold yet, shown over the server's. */
  evaluations: Partial<Record<StageId, CriteriaEvaluationInput>>;
  /** Every change not yet acknowledged, in the order it goes, for what `send` carries. */
  pendingCommands: readonly SessionCommand[];
  /** A finding whose only drawing was just deleted: the person says whether the finding goes too. */
  orphanFinding: { findingId: string; description: string } | undefined;
  /** The case's prior study, for comparison side by side in 4.4. */
  prior: PriorView;
  /** The finding whose sign the person is choosing from the vocabulary. */
  labelling: SignLabelling | undefined;
  /** The tutor who took over scoring at this workstation, until they hand back; `actor` is then the tutor. */
  standIn: StandInTutor | undefined;
  /** A takeover being checked, refused, or ended by the server. */
  standInAction: StandInAction;
  /** A case being prepared from the open study instead of a session: what is drawn is its reference. */
  preparation: CasePreparation | undefined;
}

/** What preparing a case needs of the page around the viewer. */
export interface CasePreparationHost {
  /** `new` or a case id, when the page's address asks to prepare one (`prepareCase`). */
  requested(): string | undefined;
  /** Puts the case being prepared in the page's address, so that a reload opens it again. */
  showInAddress(caseId: string): void;
  /** Where unsaved preparations wait (the browser's IndexedDB). */
  drafts(): Promise<CaseDrafts>;
  patientStudies?: PatientStudies;
}

export interface StandInTutor {
  id: string;
  name: string;
  username: string;
  expiresAt: string;
}

export type StandInAction =
  | { state: 'idle' }
  | { state: 'checking' }
  /** The tutor's last changes go before the takeover ends. */
  | { state: 'handingBack' }
  | { state: 'refused'; messages: LocalizedText }
  | { state: 'ended'; messages: LocalizedText };

/** How long a hand-back waits for the tutor's last changes; offline, what is left is then refused and reported. */
const HAND_BACK_WAIT_MS = 10_000;

/** Where the takeover's token waits for a reload of this tab, and no longer (the browser's sessionStorage). */
export interface StandInStore {
  load(): string | null;
  save(token: string): void;
  clear(): void;
}

function memoryStandInStore(): StandInStore {
  let token: string | null = null;
  return {
    load: () => token,
    save: next => void (token = next),
    clear: () => void (token = null),
  };
}

/**
 * The case's prior study and whether it is open beside the current one. `study` is undefined
 * while unknown or when the case has none; `error` is why opening or closing failed.
 */
export interface PriorView {
  study: PriorStudySummary | undefined;
  comparison: 'closed' | 'opening' | 'open' | 'closing';
  alignment: SliceAlignment | undefined;
  error: string | undefined;
}

const NO_PRIOR: PriorView = { study: undefined, comparison: 'closed', alignment: undefined, error: undefined };

export type ClockCommand = 'startClock' | 'pauseClock' | 'resumeClock';

export type ClockAction = { state: 'idle' } | { state: 'sending'; command: ClockCommand } | { state: 'refused'; messages: LocalizedText };

export interface LanguageStore {
  load(): string | null;
  save(language: Language): void;
}

/** The browser page around the viewer. */
export interface HostPage {
  assign(url: string): void;
  reload(): void;
}

export interface TeachingServiceDeps {
  languageStore: LanguageStore;
  /** The records client, loaded when first needed so that the viewer starts without it. */
  api: () => Promise<TeachingApi>;
  signInUrl: string;
  page: HostPage;
  timers: Timers;
  newKey: () => string;
  /** The browser's local draft, where every change waits until the server has acknowledged it. */
  localDraft: () => Promise<LocalDraft>;
  /** Calls back when the browser says it is online again, so waiting changes go at once. */
  onOnline?: (listener: () => void) => void;
  /** The open study's DICOM headers, as far as the viewer has loaded them. */
  studyHeaders?: (studyInstanceUID: string) => StudyHeaders;
  /** Opens the prior study beside the current one in the viewer. */
  priorComparison?: PriorComparison;
  /** Whether the page is on screen: the session is followed only while it is. */
  visibility?: PageVisibility;
  /** The department's own sign lists by modality, from the host's customization service. */
  signVocabulary?: () => DepartmentSignLists;
  /** Keeps a tutor's takeover across a reload of the tab; in memory only when not given. */
  standInStore?: StandInStore;
  /** Lets tutors and administrators prepare a case from the study; without it, teaching mode only holds sessions. */
  casePreparation?: CasePreparationHost;
  /** A drawing shown only to compare with the case's reference: never the person's, never saved, never a sign. */
  shownForComparison?: (uid: string) => boolean;
}

const unavailable = (error: unknown): LocalizedText =>
  error instanceof ApiRequestError ? error.messages : { zh: String(error), en: String(error) };

/**
 * The teaching session's state on the client. It lives outside React so that closing the panel,
 * switching tabs or re-rendering loses nothing, including a half-typed rename.
 */
export class TeachingService {
  private state: TeachingState;
  private readonly listeners = new StateListeners();
  private viewer: ViewerAnnotations | undefined;
  private stopWatching: (() => void) | undefined;
  private opening: AbortController | undefined;
  private sync: AnnotationSync | undefined;
  private queue: CommandQueue | undefined;
  /**
   * One queue per session for the life of the page: a queue left by an earlier visit to the mode
   * may still be sending, and a second one would send the same draft entries beside it.
   */
  private readonly queues = new Map<string, Promise<CommandQueue>>();
  private stopQueue: (() => void) | undefined;
  /**
   * Every annotation sync of a session this page made, for the life of the page: one left by an
   * earlier visit to the mode may still be retrying a drawing, which 4.3's hand-in must wait for too.
   */
  private readonly syncs = new Map<string, AnnotationSync[]>();
  /** Work typed but not yet valid (obtained, not yet said what): kept on screen, not sent. */
  private readonly unsendable = new Map<StageId, unknown>();
  /** Descriptions this page gave findings from their drawings, which it may update while nobody has edited them. */
  private readonly autoDescriptions = new Map<string, string>();
  /**
   * Off while saved drawings are restored: they come back as host events, but are not new drawings,
   * and a sign the resident deleted while keeping its drawing must not come back with it.
   */
  private linkingFindings = false;
  /** Drawings there before this visit (restored, or drawn while loading): only new ones become signs. */
  private readonly drawnBefore = new Set<string>();
  private studyInstanceUID: string | undefined;
  /** The session whose case's prior was looked up, so it is asked once. */
  private priorOfSession: string | undefined;
  /** Looks at the session every few seconds, for what the other workstation did. */
  private follower: SessionFollower | undefined;
  /** The other party's annotations as drawn here, by version: a look redraws only what changed. */
  private readonly seen = new Map<string, string>();
  /** Taken off the images because the other party changed or deleted them: not the person's deletion. */
  private readonly withdrawing = new Set<string>();
  private readonly unplacedUids = new Set<string>();
  /** Every drawing was locked at sign-off: later looks at the signed session lock nothing again. */
  private lockedAtSignOff = false;
  /** The person signed in at this workstation (the cookie's), whoever scores at it now. */
  private signedIn: Actor | undefined;
  /** Sent with the tutor's changes while they stand in; only the service holds it. */
  private standInToken: string | undefined;
  private readonly standInStore: StandInStore;
  /** The visit to the mode whose preparation was started: it is started once. */
  private preparationOf: AbortController | undefined;

  constructor(
    defaultLanguage: Language,
    private readonly deps: TeachingServiceDeps,
  ) {
    this.standInStore = deps.standInStore ?? memoryStandInStore();
    const saved = deps.languageStore.load();
    this.state = {
      language: isLanguage(saved) ? saved : defaultLanguage,
      annotations: [],
      selectedUid: undefined,
      renaming: undefined,
      me: undefined,
      session: { status: 'loading' },
      save: { state: 'saved' },
      readOnly: new Map(),
      authors: new Map(),
      unplaced: 0,
      signOutError: undefined,
      record: undefined,
      actor: undefined,
      stage: undefined,
      clockAction: { state: 'idle' },
      work: {},
      sessionSave: { state: 'saved' },
      evaluations: {},
      pendingCommands: [],
      orphanFinding: undefined,
      prior: NO_PRIOR,
      labelling: undefined,
      standIn: undefined,
      standInAction: { state: 'idle' },
      preparation: undefined,
    };
    deps.onOnline?.(() => this.follower?.now());
  }

  /**
   * Starts following the viewer's annotations, taking in those already drawn, and opens the
   * signed-in person's session on the study: its saved annotations are drawn again, and from then
   * on every change is saved.
   */
  attach(viewer: ViewerAnnotations, studyInstanceUID: string | undefined): void {
    this.detach();
    this.viewer = viewer;
    this.update({
      preparation: undefined,
      annotations: viewer.list().filter(item => !this.deps.shownForComparison?.(item.uid)),
      selectedUid: undefined,
      renaming: undefined,
      session: { status: 'loading' },
      save: { state: 'saved' },
      readOnly: new Map(),
      authors: new Map(),
      unplaced: 0,
      record: undefined,
      clockAction: { state: 'idle' },
      work: {},
      pendingCommands: [],
      sessionSave: { state: 'saved' },
      prior: NO_PRIOR,
      labelling: undefined,
    });
    this.priorOfSession = undefined;
    this.studyInstanceUID = studyInstanceUID;
    this.linkingFindings = false;
    this.drawnBefore.clear();
    this.seen.clear();
    this.withdrawing.clear();
    this.unplacedUids.clear();
    this.lockedAtSignOff = false;
    this.stopWatching = viewer.watch(change => this.apply(change));
    const opening = new AbortController();
    this.opening = opening;
    void this.open(viewer, studyInstanceUID, opening.signal);
  }

  /**
   * Stops following the viewer. Writes already on their way or waiting to be retried still finish:
   * leaving the mode must not lose a change the server has not acknowledged.
   */
  detach(): void {
    this.state.preparation?.close();
    this.opening?.abort();
    this.opening = undefined;
    this.follower?.stop();
    this.follower = undefined;
    this.sync = undefined;
    // The queue goes on sending what it holds; this page just stops showing it.
    this.stopQueue?.();
    this.stopQueue = undefined;
    this.queue = undefined;
    this.unsendable.clear();
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.viewer = undefined;
  }

  getState = (): TeachingState => this.state;

  subscribe = (listener: () => void): (() => void) => this.listeners.subscribe(listener);

  setLanguage(language: Language): void {
    this.deps.languageStore.save(language);
    this.update({ language });
  }

  select(uid: string): void {
    this.update({ selectedUid: uid });
    this.viewer?.jumpTo(uid);
  }

  startRename(uid: string): void {
    const annotation = this.state.annotations.find(item => item.uid === uid);
    if (annotation && !this.state.readOnly.has(uid) && !this.signedOff()) this.update({ renaming: { uid, text: annotation.label } });
  }

  editRename(text: string): void {
    if (this.state.renaming) this.update({ renaming: { ...this.state.renaming, text } });
  }

  cancelRename(): void {
    this.update({ renaming: undefined });
  }

  commitRename(): void {
    const draft = this.state.renaming;
    if (!draft) return;
    this.update({ renaming: undefined });
    const label = draft.text.trim();
    const current = this.state.annotations.find(item => item.uid === draft.uid);
    if (current && current.label !== label) this.viewer?.rename(draft.uid, label);
  }

  remove(uid: string): void {
    if (!this.state.readOnly.has(uid) && !this.signedOff()) this.viewer?.remove(uid);
  }

  /** Signed off: nothing on the images changes any more, the person's own drawings included. */
  private signedOff(): boolean {
    return Boolean(this.state.record?.session.signOff);
  }

  /** Locks every drawing once the session is signed off, as the server refuses their changes from then on. */
  private lockIfSignedOff(): void {
    if (this.lockedAtSignOff || !this.signedOff() || !this.viewer || this.state.session.status !== 'open') return;
    this.lockedAtSignOff = true;
    for (const annotation of this.state.annotations) this.viewer.lock(annotation.uid);
  }

  /** A drawing the person just made, in their colour at once. */
  private paintAsMine(uid: string): void {
    const role = this.state.me?.role;
    const viewer = this.viewer;
    if (!isAuthorRole(role) || !viewer || this.state.authors.has(uid)) return;
    this.update({ authors: new Map(this.state.authors).set(uid, role) });
    // After the host's own handlers of the finished drawing, which select it.
    queueMicrotask(() => {
      if (this.viewer === viewer) viewer.paint(uid, role);
    });
  }

  /**
   * Follows what the other workstation does: a newer version of the session is shown as any
   * acknowledged one (what the person typed and the server does not hold yet stays on top), and
   * the other party's new, changed and deleted drawings are drawn, redrawn and taken off here.
   */
  private async look(context: { api: TeachingApi; sessionId: string; accountId: string; drawing: boolean; viewer: ViewerAnnotations; studyInstanceUID: string; signal: AbortSignal }): Promise<void> {
    const { api, sessionId, accountId, drawing, viewer, studyInstanceUID, signal } = context;
    const [view, listed] = await Promise.all([api.getSession(sessionId), api.listAnnotations(sessionId)]);
    if (signal.aborted) return;
    this.acknowledged(view);
    this.queue?.observe(view);
    const { added, changed, removed } = diffAnnotations(
      this.seen,
      listed.filter(item => !drawing || item.authorId !== accountId),
    );
    if (added.length === 0 && changed.length === 0 && removed.length === 0) return;
    // A changed drawing is drawn again from what the server holds: the host keeps one per UID.
    for (const uid of [...changed.map(item => item.uid), ...removed]) {
      if (!this.state.annotations.some(item => item.uid === uid)) continue;
      this.withdrawing.add(uid);
      viewer.remove(uid);
    }
    const readOnly = new Map(this.state.readOnly);
    const authors = new Map(this.state.authors);
    for (const uid of removed) {
      readOnly.delete(uid);
      authors.delete(uid);
      this.seen.delete(uid);
      this.unplacedUids.delete(uid);
    }
    // Before they are drawn, so that their drawing is neither saved nor taken for the person's own.
    for (const item of [...added, ...changed]) {
      readOnly.set(item.uid, item.authorRole);
      if (isAuthorRole(item.authorRole)) authors.set(item.uid, item.authorRole);
    }
    this.update({ readOnly, authors });
    const redrawn = [...added, ...changed];
    if (redrawn.length > 0) {
      const { restored, unplaced } = await viewer.restore(redrawn, { studyInstanceUID, locked: new Set(redrawn.map(item => item.uid)), signal });
      for (const item of redrawn) this.seen.set(item.uid, seenKey(item));
      for (const uid of restored) this.unplacedUids.delete(uid);
      for (const uid of unplaced) this.unplacedUids.add(uid);
    }
    this.update({ unplaced: this.unplacedUids.size });
  }

  async signOut(): Promise<void> {
    this.update({ signOutError: undefined });
    try {
      await (await this.deps.api()).signOut();
    } catch (error) {
      // Already signed out (elsewhere, or the sign-in expired): the sign-in page is still where to go.
      if (!(error instanceof ApiRequestError && error.status === 401)) {
        this.update({ signOutError: unavailable(error) });
        return;
      }
    }
    // The server ended the takeover with the sign-in.
    this.standInStore.clear();
    this.deps.page.assign(this.deps.signInUrl);
  }

  selectStage(stage: StageId): void {
    this.update({ stage });
  }

  /** The open study's headers, for the stages that prefill from them. */
  studyHeaders(): StudyHeaders | undefined {
    return this.studyInstanceUID ? this.deps.studyHeaders?.(this.studyInstanceUID) : undefined;
  }

  /**
   * The resident's work on a stage, as they type: on screen at once, and, when it is valid work,
   * into the local draft and on to the server.
   */
  editWork(stage: StageId, work: unknown, valid: boolean): void {
    if (!this.queue) return;
    this.update({ work: { ...this.state.work, [stage]: work } }, true);
    if (!valid) {
      this.unsendable.set(stage, work);
      return;
    }
    this.unsendable.delete(stage);
    void this.queue.enqueue({ type: 'saveWork', stage, work } as SessionCommand);
  }

  /** Hands a stage in, after any of its work still on its way. */
  submitStage(stage: StageId): void {
    void this.queue?.enqueue({ type: 'submitStage', stage });
  }

  /** After a conflict of session changes: keep the person's change on top of the other, or drop it. */
  resolveConflict(choice: 'mine' | 'theirs'): void {
    if (choice === 'mine') this.queue?.keepMine();
    else this.queue?.takeTheirs();
  }

  dismissRefusal(): void {
    this.queue?.dismissRefusal();
  }

  /** The tutor's scores of a stage as they enter them: on screen at once, then to the draft and the server. */
  editEvaluation(stage: StageId, evaluation: CriteriaEvaluationInput): void {
    if (!this.queue) return;
    this.update({ evaluations: { ...this.state.evaluations, [stage]: evaluation } }, true);
    void this.queue.enqueue({ type: 'evaluateStage', stage, evaluation });
  }

  /**
   * Any other change to the session (a question and its answer, the report sheet, sign-off, an
   * amendment, the preparation checklist): into the local draft and on to the server, in order.
   * What the panel shows over the server's state while it waits is read from `pendingCommands`.
   */
  send(command: SessionCommand): void {
    if (!this.queue) return;
    void this.queue.enqueue(command);
    this.update({ pendingCommands: this.queue.pending() }, true);
  }

  /**
   * Looks up the case's prior study (the case lists the study read first, then its priors) and
   * names it as the PACS does. Asked once per session; a case with none leaves `prior.study` unset.
   */
  async loadPrior(): Promise<void> {
    const record = this.state.record;
    const comparison = this.deps.priorComparison;
    if (!record || !comparison || this.priorOfSession === record.session.id) return;
    const sessionId = record.session.id;
    this.priorOfSession = sessionId;
    try {
      const { case: teachingCase } = await (await this.deps.api()).getCase(record.session.caseId);
      const prior = teachingCase.studyInstanceUIDs.find(uid => uid !== this.studyInstanceUID);
      if (!prior || this.state.record?.session.id !== sessionId) return;
      const study = await comparison.describe(prior).catch(() => ({ studyInstanceUID: prior, date: undefined, description: undefined }));
      if (this.state.record?.session.id === sessionId) this.update({ prior: { ...NO_PRIOR, study } });
    } catch {
      // Without its case the prior is unknown: the stage simply offers no comparison; asked again next time.
      this.priorOfSession = undefined;
    }
  }

  /** Opens the prior beside the current study, or closes the comparison back to one viewport. */
  async togglePriorComparison(): Promise<void> {
    const { prior } = this.state;
    const comparison = this.deps.priorComparison;
    if (!comparison || !prior.study || !this.studyInstanceUID || prior.comparison === 'opening' || prior.comparison === 'closing') return;
    const opening = prior.comparison === 'closed';
    this.update({ prior: { ...prior, comparison: opening ? 'opening' : 'closing', error: undefined } });
    try {
      if (opening) {
        const alignment = await comparison.open(this.studyInstanceUID, prior.study.studyInstanceUID);
        this.update({ prior: { ...this.state.prior, comparison: 'open', alignment } });
      } else {
        await comparison.close();
        this.update({ prior: { ...this.state.prior, comparison: 'closed', alignment: undefined } });
      }
    } catch (error) {
      // Opening may have got half way (two viewports, no sync): closing is what puts it right.
      this.update({ prior: { ...this.state.prior, comparison: opening ? 'open' : 'closed', alignment: undefined, error: error instanceof Error ? error.message : String(error) } });
    }
  }

  /** The open session's printable score sheet in the panel's language; with `print`, the page opens the print dialog itself. */
  scoreSheetUrl(print: boolean): string | undefined {
    const { record, language } = this.state;
    if (!record) return undefined;
    // The records service's root: the sign-in page is one of its routes.
    const root = this.deps.signInUrl.replace(/\/auth\/sign-in$/, '');
    const query = new URLSearchParams({ language, ...(print ? { print: '1' } : {}) });
    return `${root}/sessions/${encodeURIComponent(record.session.id)}/score-sheet?${query}`;
  }

  /** The tutor sends a stage back to the resident to revise, saying why. */
  returnStage(stage: StageId, reason: string): void {
    void this.queue?.enqueue({ type: 'returnStage', stage, reason });
  }

  /**
   * A tutor takes over scoring at this workstation with their own password: from now on what is
   * scored or drawn here is theirs, while the resident stays signed in.
   */
  async takeOver(username: string, password: string): Promise<void> {
    if (this.state.standInAction.state === 'checking') return;
    this.update({ standInAction: { state: 'checking' } });
    try {
      const started = await (await this.deps.api()).startStandIn(username, password);
      this.standInToken = started.token;
      this.standInStore.save(started.token);
      this.beginStandIn(started);
    } catch (error) {
      this.update({ standInAction: { state: 'refused', messages: unavailable(error) } });
    }
  }

  /**
   * The tutor hands back: once their last changes are sent (a score typed a moment ago), the
   * resident is the one at this workstation again, here and on the server.
   */
  async handBack(): Promise<void> {
    const tutor = this.state.standIn;
    if (!tutor || this.state.standInAction.state === 'handingBack') return;
    this.update({ standInAction: { state: 'handingBack' } });
    if (this.queue) await Promise.race([this.queue.whenSentBy(tutor.id), new Promise<void>(resolve => this.deps.timers.setTimeout(resolve, HAND_BACK_WAIT_MS))]);
    const token = this.standInToken;
    this.endStandIn({ state: 'idle' });
    // Offline, the token is forgotten here all the same, and it works with this sign-in only.
    if (token) await (await this.deps.api()).endStandIn(token).catch(() => undefined);
  }

  /** The person has read why the takeover was refused or ended. */
  dismissStandInNotice(): void {
    this.update({ standInAction: { state: 'idle' } });
  }

  private beginStandIn(view: StandInView): void {
    const { account } = view;
    this.update({
      standIn: { id: account.id, name: account.name, username: account.username, expiresAt: view.expiresAt },
      standInAction: { state: 'idle' },
      actor: { id: account.id, role: account.role },
    });
  }

  private endStandIn(action: StandInAction): void {
    this.standInToken = undefined;
    this.standInStore.clear();
    this.update({ standIn: undefined, standInAction: action, actor: this.signedIn });
  }

  /** A takeover this tab began before a reload, if the server still holds it for this sign-in. */
  private async resumeStandIn(api: TeachingApi, signedInId: string): Promise<void> {
    const token = this.standInStore.load();
    if (!token) return;
    try {
      const view = await api.getStandIn(token);
      if (view.workstation.id !== signedInId) throw new ApiRequestError(401, STAND_IN_ENDED, localized('standIn.ended'));
      this.standInToken = token;
      this.beginStandIn(view);
    } catch (error) {
      if (error instanceof ApiRequestError && (error.status === 401 || error.status === 404)) this.standInStore.clear();
    }
  }

  /** How a change goes: as the person signed in here, as the tutor while that tutor stands in, or (undefined) not at all. */
  private sendAs(madeBy: string | undefined): { standIn?: string } | undefined {
    if (madeBy === undefined || madeBy === this.signedIn?.id) return {};
    return this.standInToken && madeBy === this.state.standIn?.id ? { standIn: this.standInToken } : undefined;
  }

  /**
   * A request made as the person scoring here now: with the takeover's token while a tutor stands
   * in at this workstation (the server then answers as that tutor), as the one signed in otherwise.
   */
  asActor<T>(request: (api: TeachingApi, standIn: string | undefined) => Promise<T>): Promise<T> {
    const token = this.standInToken;
    return this.watchStandIn(token, this.deps.api().then(api => request(api, token)));
  }

  /** The server said the takeover is over (expired, or ended elsewhere): this screen shows it too. */
  private watchStandIn<T>(sent: string | undefined, request: Promise<T>): Promise<T> {
    return request.catch((error: unknown) => {
      if (sent && sent === this.standInToken && error instanceof ApiRequestError && error.code === STAND_IN_ENDED) this.endStandIn({ state: 'ended', messages: localized('standIn.ended') });
      throw error;
    });
  }

  private unacknowledgedEvaluations(): Partial<Record<StageId, CriteriaEvaluationInput>> {
    const evaluations: Partial<Record<StageId, CriteriaEvaluationInput>> = {};
    for (const command of this.queue?.pending() ?? []) if (command.type === 'evaluateStage') evaluations[command.stage] = command.evaluation;
    return evaluations;
  }

  /** The resident's signs as they stand on screen. */
  private findings(): FindingsWork | undefined {
    const { record, actor } = this.state;
    if (!this.queue || !record || !actor || !isResidentOf(actor, record.session)) return undefined;
    const stage = record.session.stages['4.3'];
    if (stage.status !== 'draft' || record.session.signOff) return undefined;
    return (this.state.work['4.3'] ?? stage.work) as FindingsWork;
  }

  private saveFindings(findings: Finding[]): void {
    const valid = findings.every(finding => finding.description.trim() !== '');
    this.editWork('4.3', { findings }, valid);
  }

  /** Every drawing of the resident is a positive sign at once, linked by its UID (guide 4.3). */
  private linkFinding(annotation: DrawnAnnotation): void {
    const work = this.linkingFindings ? this.findings() : undefined;
    if (!work) return;
    const tool = MESSAGES[this.state.language][`tool.${annotation.toolName}` as keyof (typeof MESSAGES)['en']] ?? annotation.toolName;
    const description = annotation.label.trim() || [tool, ...annotation.values].join(' ');
    const linked = work.findings.find(finding => finding.annotationIds.includes(annotation.uid));
    if (!linked && this.drawnBefore.has(annotation.uid)) return;
    if (!linked) {
      const id = `finding-${annotation.uid}`.slice(0, 64);
      this.autoDescriptions.set(id, description);
      this.saveFindings([...work.findings, { id, kind: 'positive', description, location: '', annotationIds: [annotation.uid], pathology: '' }]);
      this.update({ labelling: { findingId: id, text: '', fromDrawing: true } });
      return;
    }
    // While the resident has not written their own description, it follows the drawing's label and value.
    if (linked.description !== this.autoDescriptions.get(linked.id) || linked.description === description) return;
    this.autoDescriptions.set(linked.id, description);
    this.saveFindings(work.findings.map(finding => (finding === linked ? { ...finding, description } : finding)));
  }

  /** A drawing went: its finding stays until the person says, unless other drawings still show it. */
  private unlinkFinding(uid: string): void {
    const work = this.findings();
    const finding = work?.findings.find(item => item.annotationIds.includes(uid));
    if (!work || !finding) return;
    const rest = finding.annotationIds.filter(id => id !== uid);
    this.saveFindings(work.findings.map(item => (item.id === finding.id ? { ...item, annotationIds: rest } : item)));
    if (rest.length === 0) this.update({ orphanFinding: { findingId: finding.id, description: finding.description } });
  }

  /** The resident's answer about a finding whose drawing was deleted. */
  resolveOrphanFinding(remove: boolean): void {
    const orphan = this.state.orphanFinding;
    this.update({ orphanFinding: undefined });
    const work = this.findings();
    if (orphan && remove && work) this.saveFindings(work.findings.filter(item => item.id !== orphan.findingId));
  }

  /** The resident's edit of the signs in the 4.3 form. */
  editFindings(findings: Finding[]): void {
    this.saveFindings(findings);
  }

  /** Deletes a finding, and its drawings too when the person asks for that. */
  removeFinding(findingId: string, withDrawings: boolean): void {
    const work = this.findings();
    const finding = work?.findings.find(item => item.id === findingId);
    if (!work || !finding) return;
    this.saveFindings(work.findings.filter(item => item.id !== findingId));
    if (withDrawings) for (const uid of finding.annotationIds) this.remove(uid);
  }

  /** The department's sign lists, where it has its own. */
  departmentSigns(): DepartmentSignLists {
    return this.deps.signVocabulary?.() ?? {};
  }

  /** The person asks to name a finding from the sign vocabulary. */
  startLabelling(findingId: string): void {
    if (this.findings()?.findings.some(finding => finding.id === findingId)) this.update({ labelling: { findingId, text: '', fromDrawing: false } });
  }

  editLabelling(text: string): void {
    if (this.state.labelling) this.update({ labelling: { ...this.state.labelling, text } }, true);
  }

  /** Closed without choosing: the finding keeps the description it had. */
  cancelLabelling(): void {
    this.update({ labelling: undefined });
  }

  /**
   * Names a finding, with a sign of the vocabulary or the person's own words: its description, and
   * the label of its drawings on the images. The description then follows the drawing's label again.
   */
  labelFinding(findingId: string, text: string): void {
    const label = text.trim();
    const work = this.findings();
    const finding = work?.findings.find(item => item.id === findingId);
    this.update({ labelling: undefined });
    if (!work || !finding || !label) return;
    this.autoDescriptions.set(findingId, label);
    this.saveFindings(work.findings.map(item => (item.id === findingId ? { ...item, description: label } : item)));
    for (const uid of finding.annotationIds) if (!this.state.readOnly.has(uid)) this.viewer?.rename(uid, label);
  }

  /** What the person typed that the server does not hold yet, stage by stage. */
  private unacknowledgedWork(): Partial<Record<StageId, unknown>> {
    const work: Partial<Record<StageId, unknown>> = {};
    for (const command of this.queue?.pending() ?? []) if (command.type === 'saveWork') work[command.stage] = command.work;
    for (const [stage, typed] of this.unsendable) work[stage] = typed;
    return work;
  }

  private async openQueue(view: SessionView, signal: AbortSignal): Promise<void> {
    const sessionId = view.session.id;
    let opening = this.queues.get(sessionId);
    if (!opening) {
      opening = (async () => {
        const api = await this.deps.api();
        return CommandQueue.open({
          sessionId,
          view,
          api: { runCommand: (...args) => this.watchStandIn(args[4], api.runCommand(...args)) },
          draft: await this.deps.localDraft(),
          timers: this.deps.timers,
          newKey: this.deps.newKey,
          madeBy: () => this.state.actor?.id,
          sendAs: madeBy => this.sendAs(madeBy),
          awaitDrawings: command => (command.type === 'submitStage' && command.stage === '4.3' ? this.drawingsSaved(sessionId) : undefined),
        });
      })();
      this.queues.set(sessionId, opening);
      opening.then(
        queue => this.deps.onOnline?.(() => queue.retryNow()),
        () => this.queues.delete(sessionId),
      );
    }
    const queue = await opening;
    if (signal.aborted) return;
    this.queue = queue;
    const stopStatus = queue.onStatus(status => {
      // A refusal or a choice in a conflict takes changes out of the queue, as an answer does.
      if (this.queue === queue) this.update({ sessionSave: status, pendingCommands: queue.pending() });
    });
    const stopSession = queue.onSession(next => {
      if (this.queue !== queue) return;
      this.acknowledged(next);
      this.update({ work: this.unacknowledgedWork(), evaluations: this.unacknowledgedEvaluations(), pendingCommands: queue.pending() });
    });
    this.stopQueue = () => {
      stopStatus();
      stopSession();
    };
    this.acknowledged(queue.getSession());
    this.update({ work: this.unacknowledgedWork(), evaluations: this.unacknowledgedEvaluations(), pendingCommands: queue.pending(), sessionSave: queue.getStatus() });
  }

  /**
   * Resolves once no drawing of the session is still being saved from this page, one drawn while
   * it waited included; undefined when none is.
   */
  private drawingsSaved(sessionId: string): Promise<void> | undefined {
    const saving = (this.syncs.get(sessionId) ?? []).filter(sync => sync.unsent());
    if (saving.length === 0) return undefined;
    return Promise.all(saving.map(sync => sync.whenIdle())).then(() => this.drawingsSaved(sessionId));
  }

  /** Starts, pauses or resumes the session clock; the server's answer is what the panel then shows. */
  async runClock(command: ClockCommand): Promise<void> {
    const record = this.state.record;
    if (!record || this.state.clockAction.state === 'sending') return;
    this.update({ clockAction: { state: 'sending', command } });
    try {
      const token = this.standInToken;
      const result = await this.watchStandIn(token, (await this.deps.api()).runCommand(record.session.id, record.version, { type: command }, this.deps.newKey(), token));
      this.acknowledged({ session: result.session, version: result.version });
      this.update({ clockAction: { state: 'idle' } });
    } catch (error) {
      this.update({ clockAction: { state: 'refused', messages: unavailable(error) } });
      // Refused because the session moved on elsewhere (the tutor paused it at their workstation):
      // what the person sees next is the session as it now stands.
      if (error instanceof ApiRequestError && error.status !== 0) {
        const current = await (await this.deps.api()).getSession(record.session.id).catch(() => undefined);
        if (current) this.acknowledged(current);
      }
    }
  }

  /** A newer state of the session from the server; an older one arriving late is ignored. */
  private acknowledged(view: SessionView): void {
    const current = this.state.record;
    if (current && (current.session.id !== view.session.id || current.version > view.version)) return;
    this.update({ record: view });
    this.lockIfSignedOff();
  }

  /** After a conflict: the page comes back with what the server holds. */
  reload(): void {
    this.deps.page.reload();
  }

  private async open(viewer: ViewerAnnotations, studyInstanceUID: string | undefined, signal: AbortSignal): Promise<void> {
    try {
      const api = await this.deps.api();
      const { account, via } = await api.whoAmI();
      if (signal.aborted) return;
      this.update({ me: { name: account.name, role: account.role, via } });
      this.signedIn = { id: account.id, role: account.role };
      // A resident never prepares: the page opens their session as it would without the request.
      const preparing = this.deps.casePreparation?.requested();
      if (preparing && this.mayPrepareCases()) return this.prepareCase(preparing);
      const found = studyInstanceUID ? await api.findOpenSession(studyInstanceUID) : undefined;
      if (signal.aborted) return;
      if (!found || !studyInstanceUID) {
        this.update({ session: { status: 'none' } });
        return;
      }
      const { session } = found;
      const actor = { id: account.id, role: account.role };
      this.signedIn = actor;
      this.update({ actor, stage: undefined });
      await this.resumeStandIn(api, account.id);
      if (signal.aborted) return;
      const drawing = isResidentOf(actor, session) || isTutorOf(actor, session);
      // The stages appear once what the local draft still holds is over the server's state, so the
      // person never starts typing over text that a moment later turns out to be older than theirs.
      if (drawing) await this.openQueue(found, signal);
      else this.update({ record: found });
      if (signal.aborted) return;
      const saved = await api.listAnnotations(session.id);
      if (signal.aborted) return;
      // Signed off, the person's own drawings are locked on the image like everyone else's.
      const readOnly = new Map(saved.filter(item => !drawing || session.signOff || item.authorId !== account.id).map(item => [item.uid, item.authorRole]));
      // Before they are drawn again, so that their drawing is not taken for the person's own.
      this.update({ authors: new Map(saved.flatMap(item => (isAuthorRole(item.authorRole) ? [[item.uid, item.authorRole] as const] : []))) });
      const { restored, unplaced } = await viewer.restore(saved, { studyInstanceUID, locked: new Set(readOnly.keys()), signal });
      for (const item of saved) if (readOnly.has(item.uid)) this.seen.set(item.uid, seenKey(item));
      for (const uid of unplaced) this.unplacedUids.add(uid);
      for (const item of this.state.annotations) this.drawnBefore.add(item.uid);
      this.linkingFindings = true;

      if (drawing) {
        const sync = new AnnotationSync({
          writes: {
            // Drawn during a takeover: the tutor's.
            save: (uid, body, key) => this.watchStandIn(this.standInToken, api.saveAnnotation(session.id, uid, body, key, this.standInToken)),
            remove: (uid, version, key) => this.watchStandIn(this.standInToken, api.deleteAnnotation(session.id, uid, version, key, this.standInToken)),
          },
          read: uid => viewer.rawAnnotation(uid),
          timers: this.deps.timers,
          newKey: this.deps.newKey,
          onStatus: status => {
            if (this.sync === sync) this.update({ save: status });
          },
        });
        this.sync = sync;
        this.syncs.set(session.id, [...(this.syncs.get(session.id) ?? []), sync]);
        // Drawn again just now, so already saved at their version: their restoring is no change.
        const adopted = new Set(restored);
        for (const item of saved) if (adopted.has(item.uid) && !readOnly.has(item.uid)) sync.adopt(item.uid, item.version);
        // Drawn while the session was loading.
        for (const item of this.state.annotations) if (!adopted.has(item.uid) && !readOnly.has(item.uid)) sync.changed(item.uid);
      }
      this.update({ session: { status: 'open', id: session.id, drawing }, readOnly, unplaced: unplaced.length });
      // Drawn while the session was loading.
      for (const item of this.state.annotations) this.paintAsMine(item.uid);
      this.lockIfSignedOff();
      const follower = new SessionFollower({
        look: () => this.look({ api, sessionId: session.id, accountId: account.id, drawing, viewer, studyInstanceUID, signal }),
        timers: this.deps.timers,
        intervalMs: FOLLOW_INTERVAL_MS,
        visibility: this.deps.visibility,
      });
      this.follower = follower;
      follower.start();
    } catch (error) {
      if (!signal.aborted) this.update({ session: { status: 'unavailable', messages: unavailable(error) } });
    }
  }

  private apply(change: AnnotationChange): void {
    const shown = this.deps.shownForComparison;
    if (shown) {
      if (change.type === 'clear') change = { type: 'clear', uids: change.uids.filter(uid => !shown(uid)) };
      else if (shown(change.type === 'upsert' ? change.annotation.uid : change.uid)) return;
    }
    const { annotations, selectedUid, renaming, readOnly } = this.state;
    switch (change.type) {
      case 'upsert': {
        const { uid } = change.annotation;
        const index = annotations.findIndex(item => item.uid === uid);
        const next = [...annotations];
        if (index === -1) next.push(change.annotation);
        else next[index] = change.annotation;
        this.update({ annotations: next });
        if (this.state.preparation) return this.state.preparation.apply(change);
        if (index === -1) this.paintAsMine(uid);
        if (!readOnly.has(uid)) this.sync?.changed(uid);
        if (!readOnly.has(uid)) this.linkFinding(change.annotation);
        return;
      }
      case 'remove': {
        this.update({
          annotations: annotations.filter(item => item.uid !== change.uid),
          selectedUid: selectedUid === change.uid ? undefined : selectedUid,
          renaming: renaming?.uid === change.uid ? undefined : renaming,
        });
        if (this.state.preparation) return this.state.preparation.apply(change);
        if (this.withdrawing.delete(change.uid)) return;
        if (!readOnly.has(change.uid)) this.sync?.removed(change.uid);
        if (!readOnly.has(change.uid)) this.unlinkFinding(change.uid);
        return;
      }
      case 'clear': {
        const gone = new Set(change.uids);
        this.update({
          annotations: annotations.filter(item => !gone.has(item.uid)),
          selectedUid: selectedUid !== undefined && gone.has(selectedUid) ? undefined : selectedUid,
          renaming: renaming && gone.has(renaming.uid) ? undefined : renaming,
        });
        if (this.state.preparation) return this.state.preparation.apply(change);
        for (const uid of gone) if (!readOnly.has(uid)) this.sync?.removed(uid);
        return;
      }
    }
  }

  /**
   * Prepares a case from the open study (`new`) or edits one, instead of a session: what is drawn
   * from now on is the case's reference, never a session's.
   */
  prepareCase(request: string): void {
    const host = this.deps.casePreparation;
    const { viewer, studyInstanceUID, opening } = this;
    if (!host || !viewer || !studyInstanceUID || !opening || !this.mayPrepareCases() || this.preparationOf === opening) return;
    this.preparationOf = opening;
    if (host.requested() !== request) host.showInAddress(request);
    // Loaded here, not with the viewer: only a tutor or an administrator ever prepares a case.
    void Promise.all([this.deps.api(), host.drafts(), import('./casePreparation')]).then(([api, drafts, { CasePreparation }]) => {
      if (opening.signal.aborted) return;
      const preparation = new CasePreparation({
        api,
        viewer,
        studyInstanceUID,
        request,
        drafts,
        patientStudies: host.patientStudies,
        studyHeaders: () => this.studyHeaders(),
        timers: this.deps.timers,
        newKey: this.deps.newKey,
        showInAddress: caseId => host.showInAddress(caseId),
        reloadPage: () => this.deps.page.reload(),
        signal: opening.signal,
      });
      this.update({ preparation, session: { status: 'none' } });
      void preparation.open(this.state.annotations.map(annotation => annotation.uid));
    });
  }

  /** The signed-in person may turn the open study into a case here: a tutor or administrator. */
  mayPrepareCases(): boolean {
    return this.deps.casePreparation !== undefined && this.studyInstanceUID !== undefined && this.signedIn !== undefined && mayManageCases(this.signedIn);
  }

  /** The cases prepared from the open study, for a tutor or administrator to edit. */
  async casesOnStudy(): Promise<CaseLibraryItem[]> {
    return this.studyInstanceUID ? (await this.deps.api()).listCases({ studyInstanceUID: this.studyInstanceUID }) : [];
  }

  private update(patch: Partial<TeachingState>, immediately = false): void {
    this.state = { ...this.state, ...patch };
    this.listeners.notify(immediately);
  }
}
