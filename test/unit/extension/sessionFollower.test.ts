import { describe, expect, it } from 'vitest';
import { diffAnnotations, seenKey, SessionFollower, type PageVisibility } from '../../../extension/service/sessionFollower';
import type { AnnotationView } from '../../../src/records/api/annotations';
import { ManualClock } from '../../support/manualClock';

const listed = (uid: string, version = 1, updatedAt = '2026-12-01T08:00:00.000Z'): AnnotationView => ({
  uid,
  authorId: 'resident-1',
  authorRole: 'resident',
  studyInstanceUID: '1.2.3',
  seriesInstanceUID: '1.2.3.1',
  sopInstanceUID: '1.2.3.1.1',
  frameNumber: null,
  annotation: {},
  version,
  updatedAt,
});

const seenOf = (...annotations: AnnotationView[]) => new Map(annotations.map(annotation => [annotation.uid, seenKey(annotation)]));

describe('what changed among the other party’s annotations', () => {
  it('finds nothing to redraw in an unchanged list', () => {
    const list = [listed('a'), listed('b', 3)];
    expect(diffAnnotations(seenOf(...list), list)).toEqual({ added: [], changed: [], removed: [] });
  });

  it('tells new, changed and deleted ones apart by version', () => {
    const before = seenOf(listed('kept', 2), listed('moved', 1), listed('deleted', 4));
    const now = [listed('kept', 2), listed('moved', 2, '2026-12-01T08:01:00.000Z'), listed('new')];
    const diff = diffAnnotations(before, now);
    expect(diff.added.map(item => item.uid)).toEqual(['new']);
    expect(diff.changed.map(item => `${item.uid} v${item.version}`)).toEqual(['moved v2']);
    expect(diff.removed).toEqual(['deleted']);
  });

  it('sees a drawing deleted and drawn again under its UID, back at version 1, as changed', () => {
    const diff = diffAnnotations(seenOf(listed('again', 1, '2026-12-01T08:00:00.000Z')), [listed('again', 1, '2026-12-01T08:05:00.000Z')]);
    expect(diff.changed.map(item => item.uid)).toEqual(['again']);
  });
});

class Page implements PageVisibility {
  shown = true;
  private listeners = new Set<() => void>();
  visible = () => this.shown;
  onChange(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(shown: boolean) {
    this.shown = shown;
    this.listeners.forEach(listener => listener());
  }
  get listening() {
    return this.listeners.size;
  }
}

function follower(options: { look?: () => Promise<void> } = {}) {
  const clock = new ManualClock();
  const page = new Page();
  const looks: number[] = [];
  const following = new SessionFollower({
    look: options.look ?? (async () => void looks.push(clock.now)),
    timers: clock,
    intervalMs: 4_000,
    visibility: page,
  });
  return { clock, page, looks, following };
}

describe('following the session', () => {
  it('looks every few seconds while the page is on screen', async () => {
    const { clock, looks, following } = follower();
    following.start();
    await clock.advance(12_000);
    expect(looks).toEqual([4_000, 8_000, 12_000]);
  });

  it('does not look while the page is hidden, and looks at once when it is shown again', async () => {
    const { clock, page, looks, following } = follower();
    following.start();
    page.set(false);
    await clock.advance(60_000);
    expect(looks).toEqual([]);
    page.set(true);
    await clock.advance(0);
    expect(looks).toEqual([60_000]);
    await clock.advance(4_000);
    expect(looks).toEqual([60_000, 64_000]);
  });

  it('looks once more right after the look under way when asked meanwhile, never two at once', async () => {
    let running = 0;
    let most = 0;
    let count = 0;
    const { following } = follower({
      look: async () => {
        running++;
        count++;
        most = Math.max(most, running);
        await new Promise(resolve => setTimeout(resolve, 5));
        running--;
      },
    });
    following.start();
    following.now();
    following.now();
    following.now();
    await new Promise(resolve => setTimeout(resolve, 40));
    expect(count).toBe(2);
    expect(most).toBe(1);
    following.stop();
  });

  it('goes on after a look that failed (offline), and stops for good when stopped', async () => {
    let attempts = 0;
    const { clock, page, following } = follower({
      look: async () => {
        attempts++;
        throw new Error('offline');
      },
    });
    following.start();
    await clock.advance(8_000);
    expect(attempts).toBe(2);
    following.stop();
    expect(page.listening).toBe(0);
    following.now();
    await clock.advance(20_000);
    expect(attempts).toBe(2);
  });
});
