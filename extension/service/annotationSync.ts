import type { LocalizedText } from '../../src/core/schema/common';
import type { AnnotationView, PutAnnotationBody } from '../../src/records/api/annotations';
import { ApiRequestError } from '../api/apiRequestError';

/** An annotation as it is saved: the PUT body without the version, which the sync adds. */
export type AnnotationContent = Omit<PutAnnotationBody, 'version'>;

/** The annotation writes of a session or of a case's reference, already bound to it; a save answers with the version stored. */
export interface AnnotationWrites {
  save(uid: string, body: PutAnnotationBody, idempotencyKey: string): Promise<Pick<AnnotationView, 'version'>>;
  remove(uid: string, version: number, idempotencyKey: string): Promise<void>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
}

/** What the person is told about their drawings, most urgent first: conflict, refused, retrying, saving, saved. */
export type SaveStatus =
  | { state: 'saved' }
  | { state: 'saving'; waiting: number }
  | { state: 'retrying'; waiting: number }
  | { state: 'conflict'; uids: readonly string[] }
  | { state: 'refused'; messages: LocalizedText; uids: readonly string[] };

export interface AnnotationSyncOptions {
  writes: AnnotationWrites;
  /** The annotation as drawn right now; undefined once it is gone from the images. */
  read(uid: string): AnnotationContent | undefined;
  timers: Timers;
  newKey(): string;
  onStatus(status: SaveStatus): void;
  /** Wait before the nth retry of the same write (n from 1). */
  backoffMs?(attempt: number): number;
}

type Write =
  | { kind: 'put'; body: PutAnnotationBody; content: string; key: string }
  | { kind: 'delete'; version: number; key: string };

interface Entry {
  /** The version the server holds; 0 when it holds none. */
  version: number;
  /** What the server holds at that version, serialized, so that a change that changes nothing sends nothing. */
  saved: string | undefined;
  /** What the next write must do, decided from the drawing when it is sent. */
  next: 'put' | 'delete' | undefined;
  inFlight: Write | undefined;
  /** Failed attempts of the write in flight. */
  attempts: number;
  /** A send waiting for its turn: the end of the current task, or the next retry. */
  timer: unknown;
  /** Set after a conflict or a refusal: nothing more is sent for this annotation, so nothing is overwritten. */
  stopped: boolean;
}

export const defaultBackoffMs = (attempt: number) => Math.min(30_000, 1_000 * 2 ** (attempt - 1));

/**
 * Saves each annotation of a session as it changes. Per annotation, one write at a time is in flight
 * and the next one carries the drawing as it is when that write is answered, so a drag of a hundred
 * events costs a few writes, in order. A write that got no answer is sent again unchanged with the
 * same idempotency key (the server may have applied it), never replaced by a newer one; a version
 * conflict stops that annotation's saving and is shown, never overwritten.
 */
export class AnnotationSync {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Set<string>();
  private readonly retrying = new Set<string>();
  private readonly conflicts = new Set<string>();
  private readonly refusals = new Map<string, LocalizedText>();
  private status: SaveStatus = { state: 'saved' };
  /** Checks of `whenIdle`, run whenever a write is sent, answered or waits for its retry. */
  private readonly idleChecks = new Set<() => void>();

  constructor(private readonly options: AnnotationSyncOptions) {}

  /**
   * Resolves once nothing is left to send: every change is saved, or stopped by a conflict or a
   * refusal (shown to the person; sending it again cannot save it). Waits through retries, offline
   * included, since what is still being saved is not lost.
   */
  whenIdle(): Promise<void> {
    return new Promise(resolve => {
      const check = () => {
        if (this.unsent()) return;
        this.idleChecks.delete(check);
        resolve();
      };
      this.idleChecks.add(check);
      check();
    });
  }

  /** An annotation the server holds at `version` that is now drawn: what is drawn now counts as saved. */
  adopt(uid: string, version: number): void {
    const content = this.options.read(uid);
    const entry = this.entry(uid);
    entry.version = version;
    entry.saved = content && JSON.stringify(content);
  }

  changed(uid: string): void {
    this.want(uid, 'put');
  }

  removed(uid: string): void {
    this.want(uid, 'delete');
  }

  getStatus = (): SaveStatus => this.status;

  /** A change is still to be sent, on its way, or waiting for its retry. */
  unsent(): boolean {
    for (const entry of this.entries.values()) if (entry.inFlight || entry.timer) return true;
    return false;
  }

  private entry(uid: string): Entry {
    let entry = this.entries.get(uid);
    if (!entry) {
      entry = { version: 0, saved: undefined, next: undefined, inFlight: undefined, attempts: 0, timer: undefined, stopped: false };
      this.entries.set(uid, entry);
    }
    return entry;
  }

  private want(uid: string, next: 'put' | 'delete'): void {
    const entry = this.entry(uid);
    entry.next = next;
    // The host reports a change before all of its listeners have applied it (a rename reaches the
    // drawing after the measurement); reading at the end of the task sees the whole change.
    if (!entry.inFlight && !entry.timer && !entry.stopped) {
      entry.timer = this.options.timers.setTimeout(() => {
        entry.timer = undefined;
        this.sendNext(uid, entry);
      }, 0);
    }
  }

  private sendNext(uid: string, entry: Entry): void {
    if (entry.stopped) return;
    const write = this.nextWrite(uid, entry);
    if (write) {
      entry.inFlight = write;
      entry.attempts = 0;
      this.inFlight.add(uid);
      this.send(uid, entry, write);
    }
    this.report();
  }

  private nextWrite(uid: string, entry: Entry): Write | undefined {
    const next = entry.next;
    entry.next = undefined;
    if (next === 'delete') return entry.version > 0 ? { kind: 'delete', version: entry.version, key: this.options.newKey() } : undefined;
    if (next !== 'put') return undefined;
    // Gone from the images: its removal is on its way as a change of its own.
    const content = this.options.read(uid);
    if (!content) return undefined;
    const serialized = JSON.stringify(content);
    if (serialized === entry.saved) return undefined;
    return { kind: 'put', body: { ...content, version: entry.version }, content: serialized, key: this.options.newKey() };
  }

  private send(uid: string, entry: Entry, write: Write): void {
    const { writes } = this.options;
    const version = write.kind === 'put' ? writes.save(uid, write.body, write.key).then(view => view.version) : writes.remove(uid, write.version, write.key).then(() => 0);
    version.then(
      saved => {
        entry.version = saved;
        entry.saved = write.kind === 'put' ? write.content : undefined;
        this.finish(uid, entry);
        this.sendNext(uid, entry);
      },
      (error: unknown) => this.failed(uid, entry, write, error),
    );
  }

  private failed(uid: string, entry: Entry, write: Write, error: unknown): void {
    const failure = error instanceof ApiRequestError ? error : undefined;
    if (failure?.retryable) {
      entry.attempts += 1;
      this.retrying.add(uid);
      const wait = Math.max(this.backoff(entry.attempts), failure.retryAfterMs ?? 0);
      entry.timer = this.options.timers.setTimeout(() => {
        entry.timer = undefined;
        this.send(uid, entry, write);
      }, wait);
      this.report();
      return;
    }
    if (write.kind === 'delete' && failure?.status === 404) {
      entry.version = 0;
      entry.saved = undefined;
      this.finish(uid, entry);
      this.sendNext(uid, entry);
      return;
    }
    entry.stopped = true;
    entry.next = undefined;
    this.finish(uid, entry);
    if (failure?.status === 409) this.conflicts.add(uid);
    else this.refusals.set(uid, failure?.messages ?? { zh: String(error), en: String(error) });
    this.report();
  }

  private finish(uid: string, entry: Entry): void {
    entry.inFlight = undefined;
    entry.attempts = 0;
    this.inFlight.delete(uid);
    this.retrying.delete(uid);
  }

  private backoff(attempt: number): number {
    return (this.options.backoffMs ?? defaultBackoffMs)(attempt);
  }

  private report(): void {
    for (const check of [...this.idleChecks]) check();
    const next = this.currentStatus();
    if (sameStatus(next, this.status)) return;
    this.status = next;
    this.options.onStatus(next);
  }

  private currentStatus(): SaveStatus {
    if (this.conflicts.size) return { state: 'conflict', uids: [...this.conflicts] };
    const [refusal] = this.refusals.values();
    if (refusal) return { state: 'refused', messages: refusal, uids: [...this.refusals.keys()] };
    if (this.retrying.size) return { state: 'retrying', waiting: this.inFlight.size };
    if (this.inFlight.size) return { state: 'saving', waiting: this.inFlight.size };
    return { state: 'saved' };
  }
}

function sameStatus(a: SaveStatus, b: SaveStatus): boolean {
  if (a.state !== b.state) return false;
  if ((a.state === 'saving' || a.state === 'retrying') && (b.state === 'saving' || b.state === 'retrying')) return a.waiting === b.waiting;
  if (a.state === 'conflict' && b.state === 'conflict') return a.uids.length === b.uids.length;
  if (a.state === 'refused' && b.state === 'refused') return a.uids.length === b.uids.length && a.messages === b.messages;
  return true;
}
