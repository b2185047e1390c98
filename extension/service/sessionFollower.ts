import type { AnnotationView } from '../../src/records/api/annotations';
import type { Timers } from './annotationSync';

/** Whether the page is on screen, and when that changes. */
export interface PageVisibility {
  visible(): boolean;
  onChange(listener: () => void): () => void;
}

/** How each of the other party's annotations looked when last drawn here: its version and when it was saved. */
export type SeenAnnotations = ReadonlyMap<string, string>;

export const seenKey = (annotation: Pick<AnnotationView, 'version' | 'updatedAt'>) => `${annotation.version}@${annotation.updatedAt}`;

/** What changed among the other party's annotations since they were last drawn here. */
export interface AnnotationDiff {
  added: AnnotationView[];
  changed: AnnotationView[];
  removed: string[];
}

/**
 * Compares the annotations the server lists now with those drawn here, by version and save time
 * only (a drawing deleted and drawn again under its UID starts at version 1 again), so a look at
 * an unchanged session redraws nothing.
 */
export function diffAnnotations(seen: SeenAnnotations, listed: readonly AnnotationView[]): AnnotationDiff {
  const added: AnnotationView[] = [];
  const changed: AnnotationView[] = [];
  const present = new Set<string>();
  for (const annotation of listed) {
    present.add(annotation.uid);
    const before = seen.get(annotation.uid);
    if (before === undefined) added.push(annotation);
    else if (before !== seenKey(annotation)) changed.push(annotation);
  }
  const removed = [...seen.keys()].filter(uid => !present.has(uid));
  return { added, changed, removed };
}

export interface SessionFollowerOptions {
  /** One look at the session and its annotations; a failure (offline) just waits for the next. */
  look(): Promise<void>;
  timers: Timers;
  intervalMs: number;
  visibility?: PageVisibility;
}

export const FOLLOW_INTERVAL_MS = 4_000;

/**
 * Looks at the session every few seconds while the page is on screen, and at once when it comes
 * back on screen or online, so that what the other workstation did shows without a reload. One
 * look at a time; a hidden page does not look at all.
 */
export class SessionFollower {
  private stopped = true;
  private looking = false;
  private again = false;
  /** Only the newest scheduled look runs: the timers cannot be cleared. */
  private scheduled = 0;
  private stopVisibility: (() => void) | undefined;

  constructor(private readonly options: SessionFollowerOptions) {}

  start(): void {
    this.stopped = false;
    this.stopVisibility = this.options.visibility?.onChange(() => {
      if (this.visible()) this.now();
    });
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.scheduled++;
    this.stopVisibility?.();
    this.stopVisibility = undefined;
  }

  /** Looks now, or right after the look under way. */
  now(): void {
    if (this.stopped) return;
    if (this.looking) {
      this.again = true;
      return;
    }
    void this.run();
  }

  private visible(): boolean {
    return this.options.visibility?.visible() ?? true;
  }

  private schedule(): void {
    const token = ++this.scheduled;
    this.options.timers.setTimeout(() => {
      if (token === this.scheduled && !this.stopped && this.visible()) void this.run();
    }, this.options.intervalMs);
  }

  private async run(): Promise<void> {
    this.looking = true;
    this.scheduled++;
    try {
      await this.options.look();
    } catch {
      // Offline or refused for now: the next look tries again, and the queue reports the connection.
    }
    this.looking = false;
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      return this.run();
    }
    this.schedule();
  }
}
