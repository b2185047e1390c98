import { describe, expect, it } from 'vitest';
import { SignComparisonLoader } from '../../../extension/service/signComparisonLoader';
import type { SignComparisonView } from '../../../extension/service/signComparisonView';
import type { TeachingState } from '../../../extension/service/TeachingService';
import type { TeachingSession } from '../../../src/core/session/session';
import type { SessionView } from '../../../src/records/api/sessions';
import { newSession } from '../../fixtures/sessionRules';

const TUTOR = { id: 'tutor-1', role: 'tutor' as const };
const RESIDENT = { id: 'resident-1', role: 'resident' as const };
const BASE: TeachingSession = { ...newSession(), id: 'session-1', residentId: 'resident-1', tutorId: 'tutor-1' };
const HANDED_IN: TeachingSession = { ...BASE, stages: { ...BASE.stages, '4.3': { ...BASE.stages['4.3'], status: 'submitted', submittedAt: '2026-12-01T09:20:00.000Z' } } };

class FakeService {
  private listeners = new Set<() => void>();
  state = { session: { status: 'loading' }, record: undefined, actor: undefined } as unknown as TeachingState;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  getState = () => this.state;
  open(session: TeachingSession, actor: { id: string; role: 'tutor' | 'resident' }) {
    this.state = { ...this.state, session: { status: 'open', id: session.id, drawing: true }, record: { session, version: 1 } as SessionView, actor };
    this.listeners.forEach(listener => listener());
  }
  get following() {
    return this.listeners.size;
  }
}

/** The view as the loader hands it on: what it was told, and the drawings it holds. */
function fakeView(held: string[] = []) {
  const studies: Array<string | undefined> = [];
  const view = { setStudy: (uid: string | undefined) => void studies.push(uid), holds: (uid: string) => held.includes(uid) } as unknown as SignComparisonView;
  return { view, studies };
}

const settle = () => new Promise(resolve => setTimeout(resolve, 0));

describe('the sign comparison, loaded on demand', () => {
  it('is not loaded for a session whose comparison the person may not see, and is once for one they may', async () => {
    const service = new FakeService();
    const { view, studies } = fakeView(['ref-nodule']);
    let loads = 0;
    const loader = new SignComparisonLoader({ service, load: async () => (loads++, view) });
    loader.setStudy('1.2.840.1');
    service.open(BASE, TUTOR);
    service.open(HANDED_IN, RESIDENT);
    await settle();
    expect(loads).toBe(0);
    expect(loader.getView()).toBeUndefined();
    expect(loader.holds('ref-nodule')).toBe(false);

    let told = 0;
    loader.subscribe(() => told++);
    service.open(HANDED_IN, TUTOR);
    service.open(HANDED_IN, TUTOR);
    await settle();
    expect(loads).toBe(1);
    expect(told).toBe(1);
    expect(loader.getView()).toBe(view);
    // Told of the study opened before it was loaded, and of the next one.
    loader.setStudy('1.2.840.2');
    expect(studies).toEqual(['1.2.840.1', '1.2.840.2']);
    expect(loader.holds('ref-nodule')).toBe(true);
    expect(loader.holds('mine-nodule')).toBe(false);
    // The view follows the service from now on by itself.
    expect(service.following).toBe(0);
  });

  it('tries again at the next change when loading failed', async () => {
    const service = new FakeService();
    const { view } = fakeView();
    let fail = true;
    const loader = new SignComparisonLoader({
      service,
      load: async () => {
        if (fail) throw new TypeError('Failed to fetch dynamically imported module');
        return view;
      },
    });
    service.open(HANDED_IN, TUTOR);
    await settle();
    expect(loader.getView()).toBeUndefined();
    fail = false;
    service.open(HANDED_IN, TUTOR);
    await settle();
    expect(loader.getView()).toBe(view);
  });
});
