import type { StoredSignComparison } from '../../src/core/comparison/signComparison';
import type { LocalizedText } from '../../src/core/schema/common';
import { ApiRequestError } from '../api/apiRequestError';
import type { TeachingApi } from '../api/teachingApi';
import type { ComparisonMark } from '../host/annotationStyle';
import type { ComparisonOverlay } from '../host/comparisonOverlay';
import { maySeeComparison } from './comparisonAccess';
import type { TeachingService, TeachingState } from './TeachingService';

export type ComparisonAction =
  | { state: 'idle' }
  | { state: 'comparing' }
  /** The tick of one negative sign on its way, shown as ticked (or not) until the server answers. */
  | { state: 'checking'; findingId: string; recorded: boolean }
  | { state: 'refused'; messages: LocalizedText };

/** One immutable snapshot of the comparison the panel shows; a new object on every change. */
export interface SignComparisonState {
  /**
   * `hidden`: nothing to show to this person now (no session, 4.3 not handed in, or a resident
   * before sign-off); `none`: the server has not compared yet.
   */
  status: 'hidden' | 'loading' | 'none' | 'ready' | 'failed';
  comparison: StoredSignComparison | undefined;
  error: LocalizedText | undefined;
  action: ComparisonAction;
  /** The person's choice: the overlay on the images, or only the panel. */
  showOnImages: boolean;
  /** Reference drawings on images this viewer has not loaded. */
  unplaced: number;
}

export interface SignComparisonViewDeps {
  /** What the view follows, and how it asks the server: as the person scoring here, a tutor standing in included. */
  service: Pick<TeachingService, 'subscribe' | 'getState' | 'asActor'>;
  overlay?: ComparisonOverlay;
}

const HIDDEN: SignComparisonState = { status: 'hidden', comparison: undefined, error: undefined, action: { state: 'idle' }, showOnImages: true, unplaced: 0 };

const messagesOf = (error: unknown): LocalizedText => (error instanceof ApiRequestError ? error.messages : { zh: String(error), en: String(error) });

/** What the comparison made of each drawing, the reference's and the resident's. */
export function comparisonMarks(comparison: StoredSignComparison): Map<string, ComparisonMark> {
  const marks = new Map<string, ComparisonMark>();
  for (const annotation of comparison.reference.annotations) marks.set(annotation.uid, 'uncompared');
  for (const pair of comparison.result.found) {
    marks.set(pair.referenceUid, 'found');
    marks.set(pair.residentUid, 'found');
  }
  for (const uid of comparison.result.missed) marks.set(uid, 'missed');
  for (const uid of comparison.result.extra) marks.set(uid, 'extra');
  return marks;
}

/**
 * The comparison of the open session's signs with the case's reference, for the panel and the
 * images. It follows the teaching service: it loads when the tutor opens a session whose 4.3 is
 * handed in, again when a new hand-in or the sign-off arrives, and for the resident only once the
 * session is signed off; it forgets the comparison the moment the person may no longer see it.
 */
export class SignComparisonView {
  private state: SignComparisonState = HIDDEN;
  private readonly listeners = new Set<() => void>();
  /** Which session, hand-in and sign-off the comparison shown belongs to. */
  private key: string | undefined;
  private loading: AbortController | undefined;
  private studyInstanceUID: string | undefined;
  /** The marks of the comparison shown, and which of the session's drawings have had theirs since they were last drawn. */
  private marks = new Map<string, ComparisonMark>();
  private readonly painted = new Set<string>();
  private seenAnnotations: TeachingState['annotations'] | undefined;

  constructor(private readonly deps: SignComparisonViewDeps) {
    deps.service.subscribe(() => this.follow());
    this.follow();
  }

  getState = (): SignComparisonState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The drawing is the reference's, shown only for the comparison: never the person's. */
  holds(uid: string): boolean {
    return this.deps.overlay?.holds(uid) ?? false;
  }

  /** The viewer opened this study: the overlay waits for it to be on screen. */
  setStudy(studyInstanceUID: string | undefined): void {
    this.studyInstanceUID = studyInstanceUID;
  }

  /** Shows or hides the comparison on the images; the panel keeps showing it. */
  toggleOnImages(): void {
    const showOnImages = !this.state.showOnImages;
    this.update({ showOnImages });
    if (showOnImages) void this.draw();
    else this.deps.overlay?.hide(this.deps.service.getState().authors, false);
    this.painted.clear();
  }

  /** The tutor compares again now, e.g. after editing the case's reference. */
  async compareAgain(): Promise<void> {
    const sessionId = this.sessionId();
    if (!sessionId || this.state.action.state === 'comparing') return;
    await this.act({ state: 'comparing' }, (api, standIn) => api.compareSignsAgain(sessionId, standIn));
  }

  /** The tutor's tick: the resident did, or did not, record this negative sign of the reference. */
  async checkNegative(findingId: string, recorded: boolean): Promise<void> {
    const sessionId = this.sessionId();
    if (!sessionId || this.state.action.state === 'checking') return;
    await this.act({ state: 'checking', findingId, recorded }, (api, standIn) => api.checkNegativeSign(sessionId, findingId, recorded, standIn));
  }

  dismissRefusal(): void {
    if (this.state.action.state === 'refused') this.update({ action: { state: 'idle' } });
  }

  private sessionId(): string | undefined {
    return this.state.comparison?.sessionId;
  }

  private async act(action: ComparisonAction, request: (api: TeachingApi, standIn: string | undefined) => Promise<StoredSignComparison>): Promise<void> {
    const key = this.key;
    this.update({ action });
    try {
      const comparison = await this.deps.service.asActor(request);
      if (key !== this.key) return;
      this.update({ action: { state: 'idle' } });
      this.receive(comparison);
    } catch (error) {
      if (key === this.key) this.update({ action: { state: 'refused', messages: messagesOf(error) } });
    }
  }

  /** Called on every change of the teaching service: loads, reloads or forgets as the session moves on. */
  private follow(): void {
    const state = this.deps.service.getState();
    const { record, actor, session } = state;
    const visible = session.status === 'open' && maySeeComparison(actor, record);
    const key = visible && record ? `${record.session.id}|${record.session.stages['4.3'].submittedAt ?? ''}|${record.session.signOff?.at ?? ''}` : undefined;
    if (key !== this.key) {
      this.key = key;
      this.loading?.abort();
      this.loading = undefined;
      if (!key || !record) this.forget();
      else void this.load(record.session.id, key);
      return;
    }
    if (state.annotations !== this.seenAnnotations) this.markRedrawn(state.annotations);
  }

  private forget(): void {
    const hadComparison = this.state.comparison !== undefined;
    this.marks = new Map();
    this.painted.clear();
    this.update({ ...HIDDEN, showOnImages: this.state.showOnImages });
    if (hadComparison) this.deps.overlay?.hide(this.deps.service.getState().authors, true);
  }

  private async load(sessionId: string, key: string): Promise<void> {
    this.update({ status: this.state.comparison ? this.state.status : 'loading', error: undefined });
    try {
      const comparison = await this.deps.service.asActor((api, standIn) => api.getSignComparison(sessionId, standIn));
      if (key !== this.key) return;
      if (comparison) this.receive(comparison);
      else this.update({ status: 'none', comparison: undefined });
    } catch (error) {
      if (key !== this.key) return;
      // Refused (a resident before sign-off): there is nothing to show, not a failure to report.
      if (error instanceof ApiRequestError && error.status === 403) this.forget();
      else this.update({ status: 'failed', error: messagesOf(error) });
    }
  }

  private receive(comparison: StoredSignComparison): void {
    this.marks = comparisonMarks(comparison);
    this.painted.clear();
    this.update({ status: 'ready', comparison, error: undefined });
    if (this.state.showOnImages) void this.draw();
  }

  private async draw(): Promise<void> {
    const { overlay } = this.deps;
    const comparison = this.state.comparison;
    if (!overlay || !comparison || !this.studyInstanceUID) return;
    const key = this.key;
    const loading = new AbortController();
    this.loading?.abort();
    this.loading = loading;
    try {
      const { unplaced } = await overlay.show({ reference: comparison.reference.annotations, marks: this.marks, studyInstanceUID: this.studyInstanceUID, signal: loading.signal });
      if (key !== this.key || !this.state.showOnImages) return;
      for (const item of this.deps.service.getState().annotations) if (this.marks.has(item.uid)) this.painted.add(item.uid);
      this.update({ unplaced: unplaced.length });
    } catch {
      // Aborted: another session, or the person hid the overlay meanwhile.
    }
  }

  /**
   * The session's drawings that were drawn again (the other workstation changed one, and it came
   * back in its author's colour) get their mark back; those gone will need it when they return.
   */
  private markRedrawn(annotations: TeachingState['annotations']): void {
    this.seenAnnotations = annotations;
    if (!this.state.showOnImages || this.state.status !== 'ready' || !this.deps.overlay) return;
    const present = new Set(annotations.map(item => item.uid));
    for (const uid of this.painted) if (!present.has(uid)) this.painted.delete(uid);
    const again = new Map([...this.marks].filter(([uid]) => present.has(uid) && !this.painted.has(uid)));
    if (again.size === 0) return;
    for (const uid of again.keys()) this.painted.add(uid);
    this.deps.overlay.mark(again);
  }

  private update(patch: Partial<SignComparisonState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach(listener => listener());
  }
}
