import type { SessionCommand } from '../../src/core/rules/sessionCommand';
import type { LocalizedText } from '../../src/core/schema/common';
import type { CommandResult, SessionView } from '../../src/records/api/sessions';
import { ApiRequestError, localized } from '../api/apiRequestError';
import type { TeachingApi } from '../api/teachingApi';
import { defaultBackoffMs, type Timers } from './annotationSync';
import type { DraftEntry, LocalDraft } from './localDraft';

/** Where the person's changes to the session are, most urgent first; `waiting` counts those not yet acknowledged. */
export type QueueStatus =
  | { state: 'saved' }
  | { state: 'saving'; waiting: number }
  /** The first change waits for the session's drawings to be saved first (`awaitDrawings`); it and those after it stay in the draft meanwhile. */
  | { state: 'awaitingDrawings'; waiting: number }
  /** No answer, the server's own trouble, or signed out meanwhile: the first change is tried again, nothing is dropped. */
  | { state: 'offline'; waiting: number; messages: LocalizedText }
  /**
   * The first waiting change meets one made elsewhere since (the session open in another tab).
   * Nothing more is sent until the person chooses with `keepMine` or `takeTheirs`.
   */
  | { state: 'conflict'; waiting: number; command: SessionCommand; current: SessionView; messages: LocalizedText }
  /** The rules refused a change; sending it again cannot succeed, so it no longer waits. Shown until dismissed. */
  | { state: 'refused'; waiting: number; command: SessionCommand; messages: LocalizedText };

/** Changes that each carry the whole of a stage's work or scores, so a newer one makes an unsent older one moot. */
/**
 * What a change replaces while the one before it has not been sent: the newer text of the same
 * thing (a stage's work, its scores, the report sheet, one question or its answer, the checklist).
 * Other changes (hand in, return, sign off…) are steps, and each one is sent.
 */
function replacementKey(command: SessionCommand): string | undefined {
  switch (command.type) {
    case 'saveWork':
    case 'evaluateStage':
      return `${command.type}:${command.stage}`;
    case 'askQuestion':
    case 'answerQuestion':
      return `${command.type}:${command.stage}:${command.questionId}`;
    case 'evaluateReport':
    case 'savePreparation':
      return command.type;
    default:
      return undefined;
  }
}

export interface CommandQueueOptions {
  sessionId: string;
  /** The session as the server holds it when the queue opens. */
  view: SessionView;
  api: Pick<TeachingApi, 'runCommand'>;
  draft: LocalDraft;
  timers: Timers;
  newKey(): string;
  /** Wait before the nth retry of the same change (n from 1). */
  backoffMs?(attempt: number): number;
  /** Who makes a change now (an account id), kept with it in the draft. */
  madeBy?(): string | undefined;
  /**
   * How a change made by `madeBy` goes: `{}` as the person signed in here, with `standIn` (its
   * token) while that tutor still scores at this workstation, undefined when neither. A change
   * that can go as nobody who made it is refused and reported, never sent as someone else.
   */
  sendAs?(madeBy: string | undefined): { standIn?: string } | undefined;
  /**
   * What must be saved before this change goes, or undefined: handing 4.3 in, the server compares
   * the signs with the drawings it holds at that moment, so none of them may still be on its way.
   */
  awaitDrawings?(command: SessionCommand): Promise<void> | undefined;
}

/** The server's word that the tutor's takeover is over: sending the change again cannot make it theirs. */
export const STAND_IN_ENDED = 'auth.standInEnded';

interface Waiting {
  entry: DraftEntry;
  /** The draft write of `entry`; the change is sent only once it has finished, kept or not. */
  stored: Promise<boolean>;
  /** Sent at least once, or left by an earlier page that may have sent it: the server may hold it, so it is never replaced. */
  sent: boolean;
}

interface Refusal {
  command: SessionCommand;
  messages: LocalizedText;
}

/**
 * The person's changes to one session, kept in the local draft first and then sent in order, one at
 * a time, each with the version its tab last saw acknowledged. A change without an answer is sent
 * again unchanged with the same idempotency key (the server may have applied it), after a reload
 * too; a newer text of the same thing (see `replacementKey`) replaces the older one only while that has never been sent.
 * A change is taken out of the draft when the server acknowledged it, when the rules refused it
 * (reported), or when the person chose the other side of a conflict — never otherwise.
 */
export class CommandQueue {
  private readonly waiting: Waiting[] = [];
  private session: SessionView;
  /** The newest version this tab knows the person has seen; a change made with nothing waiting is based on it. */
  private version: number;
  private lastSeq = 0;
  /** The first waiting change is being stored, sent, or waits for its retry. */
  private busy = false;
  /** The first waiting change waits for the session's drawings to be saved. */
  private awaitingDrawings = false;
  private attempts = 0;
  private retry: (() => void) | undefined;
  private failure: LocalizedText | undefined;
  private conflict: { current: SessionView; messages: LocalizedText } | undefined;
  private readonly refusals: Refusal[] = [];
  private status: QueueStatus = { state: 'saved' };
  private readonly statusListeners = new Set<(status: QueueStatus) => void>();
  private readonly sessionListeners = new Set<(view: SessionView) => void>();
  /** Checks of `whenSentBy`, run on every change of what waits. */
  private readonly drainChecks = new Set<() => void>();

  /** Opens the queue of a session and resumes sending what the draft still holds of it from an earlier page. */
  static async open(options: CommandQueueOptions): Promise<CommandQueue> {
    const queue = new CommandQueue(options);
    // A draft that cannot be read holds nothing this page could send; the person can still work.
    const kept = await options.draft.list(options.sessionId).catch((): DraftEntry[] => []);
    for (const entry of kept) queue.waiting.push({ entry, stored: Promise.resolve(true), sent: true });
    queue.lastSeq = kept.at(-1)?.seq ?? 0;
    queue.pump();
    queue.report();
    return queue;
  }

  private constructor(private readonly options: CommandQueueOptions) {
    this.session = options.view;
    this.version = options.view.version;
  }

  /**
   * Keeps a change in the local draft, then sends it after those before it. Resolves once the draft
   * write is done: true when kept, false when the browser would not keep it (it is then held in
   * memory only, and still sent).
   */
  enqueue(command: SessionCommand): Promise<boolean> {
    const { sessionId, newKey } = this.options;
    const madeBy = this.options.madeBy?.();
    const key = replacementKey(command);
    const replaced = key === undefined ? undefined : this.unsentWork(key, madeBy);
    const entry: DraftEntry = replaced
      ? { ...replaced.entry, command, idempotencyKey: newKey() }
      : { sessionId, seq: this.nextSeq(), command, idempotencyKey: newKey(), version: this.version, ...(madeBy === undefined ? {} : { madeBy }) };
    const stored = this.keep(entry);
    if (replaced) {
      replaced.entry = entry;
      replaced.stored = stored;
    } else {
      this.waiting.push({ entry, stored, sent: false });
    }
    this.pump();
    this.report();
    return stored;
  }

  getStatus = (): QueueStatus => this.status;

  /** The session as the server last told this queue it is. */
  getSession = (): SessionView => this.session;

  /** The changes not yet acknowledged, in the order they go: what the person sees over the server's state. */
  pending(): SessionCommand[] {
    return this.waiting.map(({ entry }) => entry.command);
  }

  onStatus(listener: (status: QueueStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  /** Every newer state of the session: an acknowledgement's, or the one a conflict showed once the person chose. */
  onSession(listener: (view: SessionView) => void): () => void {
    this.sessionListeners.add(listener);
    return () => void this.sessionListeners.delete(listener);
  }

  /** Resolves once no change made by `madeBy` waits any more: each was acknowledged or refused. */
  whenSentBy(madeBy: string): Promise<void> {
    return new Promise(resolve => {
      const check = () => {
        if (this.waiting.some(item => item.entry.madeBy === madeBy)) return;
        this.drainChecks.delete(check);
        resolve();
      };
      this.drainChecks.add(check);
      check();
    });
  }

  /** Sends the change waiting for its retry now, e.g. when the browser says it is online again. */
  retryNow(): void {
    this.retry?.();
  }

  /**
   * The person has seen the session as it is now and keeps their change: it goes again on top of
   * that version, with a new key, since it is a different request from the one that met the conflict.
   */
  keepMine(): void {
    const settled = this.settleConflict();
    if (!settled) return;
    const { head, current } = settled;
    head.entry = { ...head.entry, version: current.version, idempotencyKey: this.options.newKey() };
    head.stored = this.keep(head.entry);
    head.sent = false;
    this.pump();
    this.report();
  }

  /**
   * The person keeps the session as it is now: their conflicting change is discarded, and with it,
   * when it was a stage's work, the rest of their waiting work on that stage, which would otherwise
   * overwrite what they chose to keep.
   */
  takeTheirs(): void {
    const settled = this.settleConflict();
    if (!settled) return;
    const { head, current } = settled;
    const command = head.entry.command;
    if (command.type === 'saveWork') {
      const later = this.waiting.filter((item, index) => index > 0 && item.entry.command.type === 'saveWork' && item.entry.command.stage === command.stage);
      for (const item of later) this.waiting.splice(this.waiting.indexOf(item), 1);
      for (const { entry } of later) void this.options.draft.remove(entry.sessionId, entry.seq).catch(() => undefined);
    }
    this.busy = true;
    void this.leave(head, current.version);
  }

  /** Either choice starts the same way: the conflict is over and the session as it now stands is shown. */
  private settleConflict(): { head: Waiting; current: SessionView } | undefined {
    const head = this.waiting[0];
    if (!this.conflict || !head) return undefined;
    const { current } = this.conflict;
    this.conflict = undefined;
    this.version = Math.max(this.version, current.version);
    this.publish(current);
    return { head, current };
  }

  /**
   * A newer state of the session that the page learnt of by itself (the other workstation's
   * changes) and now shows: what the person does next is done on it, so the server does not take
   * their change for one made blind to the other person's.
   */
  observe(view: SessionView): void {
    if (view.session.id !== this.options.sessionId || view.version <= this.version) return;
    this.version = view.version;
    this.session = view;
  }

  /** The person has read the oldest refusal. */
  dismissRefusal(): void {
    this.refusals.shift();
    this.report();
  }

  private keep(entry: DraftEntry): Promise<boolean> {
    return this.options.draft.put(entry).then(
      () => true,
      () => false,
    );
  }

  private nextSeq(): number {
    // Milliseconds × 1000 plus a random part stays an exact integer until the year 2255.
    this.lastSeq = Math.max(this.lastSeq + 1, Date.now() * 1000 + Math.floor(Math.random() * 1000));
    return this.lastSeq;
  }

  /**
   * The waiting change a newer one of the same `key` may replace: never sent, and followed only by
   * changes of the same kind to other things (other stages' work), so that no change is moved past
   * one of another kind (a submit, an answer); and made by the same person, since each goes as its maker.
   */
  private unsentWork(key: string, madeBy: string | undefined): Waiting | undefined {
    for (let index = this.waiting.length - 1; index >= 0; index--) {
      const item = this.waiting[index]!;
      const waitingKey = replacementKey(item.entry.command);
      if (item.sent || waitingKey === undefined || item.entry.madeBy !== madeBy || waitingKey.split(':')[0] !== key.split(':')[0]) return undefined;
      if (waitingKey === key) return item;
    }
    return undefined;
  }

  private pump(): void {
    const head = this.waiting[0];
    if (this.busy || this.conflict || !head) return;
    this.busy = true;
    void this.sendWhenStored(head);
  }

  private async sendWhenStored(head: Waiting): Promise<void> {
    const drawings = this.options.awaitDrawings?.(head.entry.command);
    if (drawings) {
      this.awaitingDrawings = true;
      this.report();
      await drawings.catch(() => undefined);
      this.awaitingDrawings = false;
      this.report();
    }
    // A newer work of the stage may replace this one while its draft write is under way.
    let stored: Promise<boolean>;
    do {
      stored = head.stored;
      await stored;
    } while (stored !== head.stored);
    head.sent = true;
    this.attempt(head);
  }

  private attempt(head: Waiting): void {
    const { entry } = head;
    const as = this.options.sendAs ? this.options.sendAs(entry.madeBy) : {};
    if (!as) {
      this.refuse(head, localized('standIn.notSent'));
      return;
    }
    this.options.api.runCommand(this.options.sessionId, entry.version, entry.command, entry.idempotencyKey, as.standIn).then(
      result => this.acknowledged(head, result),
      (error: unknown) => this.failed(head, error),
    );
  }

  private async acknowledged(head: Waiting, result: CommandResult): Promise<void> {
    this.reached();
    // A retry answered from the server's record of the first attempt can be older than what this tab has seen since.
    if (result.version > this.session.version) this.publish({ session: result.session, version: result.version });
    await this.leave(head, result.version);
  }

  private failed(head: Waiting, error: unknown): void {
    const failure = error instanceof ApiRequestError ? error : undefined;
    const current = failure?.status === 409 ? failure.current : undefined;
    if (failure && current && 'session' in current) {
      this.reached();
      this.busy = false;
      this.conflict = { current, messages: failure.messages };
      this.report();
      return;
    }
    // Sending the same again cannot change the rules' answer; it can change a 401's, after the next
    // sign-in (an expired one, a token the host renews), so that change waits like one sent offline.
    // A takeover that ended is not undone by signing in again.
    if (failure && !failure.retryable && (failure.status !== 401 || failure.code === STAND_IN_ENDED)) {
      this.reached();
      this.refuse(head, failure.messages);
      return;
    }
    // Anything that is not an answer from the server is a fault on this side, not the rules' word: tried again, never dropped.
    this.attempts += 1;
    this.failure = failure?.messages ?? localized('save.refused', { message: String(error) });
    const retry = () => {
      if (this.retry !== retry) return;
      this.retry = undefined;
      this.attempt(head);
    };
    this.retry = retry;
    this.options.timers.setTimeout(retry, Math.max((this.options.backoffMs ?? defaultBackoffMs)(this.attempts), failure?.retryAfterMs ?? 0));
    this.report();
  }

  /** The first change cannot go: it is reported and no longer waits. */
  private refuse(head: Waiting, messages: LocalizedText): void {
    this.refusals.push({ command: head.entry.command, messages });
    void this.leave(head, head.entry.version);
  }

  /**
   * Takes the first change out, acknowledged at `version` or no longer to be sent. The next one is
   * based on that version from now on, in memory and in the draft in one transaction; it goes only
   * once the draft agrees, so that a reload finds what this page would have sent.
   */
  private async leave(head: Waiting, version: number): Promise<void> {
    this.waiting.shift();
    this.version = Math.max(this.version, version);
    const next = this.waiting[0];
    let rebased: DraftEntry | undefined;
    if (next && next.entry.version < version) {
      rebased = { ...next.entry, version };
      next.entry = rebased;
    }
    await this.options.draft.remove(head.entry.sessionId, head.entry.seq, rebased).catch(() => undefined);
    this.busy = false;
    this.pump();
    this.report();
  }

  /** The server answered: whatever kept it from answering before is over. */
  private reached(): void {
    this.attempts = 0;
    this.failure = undefined;
  }

  private publish(view: SessionView): void {
    this.session = view;
    for (const listener of this.sessionListeners) listener(view);
  }

  private report(): void {
    for (const check of [...this.drainChecks]) check();
    const next = this.currentStatus();
    if (sameStatus(next, this.status)) return;
    this.status = next;
    for (const listener of this.statusListeners) listener(next);
  }

  private currentStatus(): QueueStatus {
    const waiting = this.waiting.length;
    const head = this.waiting[0];
    if (this.conflict && head) return { state: 'conflict', waiting, command: head.entry.command, current: this.conflict.current, messages: this.conflict.messages };
    const refusal = this.refusals[0];
    if (refusal) return { state: 'refused', waiting, ...refusal };
    if (this.failure && waiting) return { state: 'offline', waiting, messages: this.failure };
    if (this.awaitingDrawings && waiting) return { state: 'awaitingDrawings', waiting };
    return waiting ? { state: 'saving', waiting } : { state: 'saved' };
  }
}

const isText = (value: unknown): value is LocalizedText => typeof value === 'object' && value !== null && 'zh' in value && 'en' in value;

/** Equal statuses tell the person the same, so listeners hear only of a change; each retry brings a new message object with the same words. */
function sameStatus(a: QueueStatus, b: QueueStatus): boolean {
  const mine: Record<string, unknown> = a;
  const theirs: Record<string, unknown> = b;
  const keys = Object.keys(mine);
  return (
    keys.length === Object.keys(theirs).length &&
    keys.every(key => {
      const left = mine[key];
      const right = theirs[key];
      return left === right || (isText(left) && isText(right) && left.zh === right.zh && left.en === right.en);
    })
  );
}
