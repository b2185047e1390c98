import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../extension/api/apiRequestError';
import type { TeachingApi } from '../../../extension/api/teachingApi';
import type { AuthorRole, ComparisonMark } from '../../../extension/host/annotationStyle';
import type { ComparisonOverlay, OverlayShowOptions } from '../../../extension/host/comparisonOverlay';
import { maySeeComparison } from '../../../extension/service/comparisonAccess';
import { comparisonMarks, SignComparisonView } from '../../../extension/service/signComparisonView';
import type { TeachingState } from '../../../extension/service/TeachingService';
import type { StoredSignComparison } from '../../../src/core/comparison/signComparison';
import type { TeachingSession } from '../../../src/core/session/session';
import type { SessionView } from '../../../src/records/api/sessions';
import { newSession } from '../../fixtures/sessionRules';
import { signComparisonFixture } from '../../fixtures/signComparison';

const TUTOR = { id: 'tutor-1', role: 'tutor' as const };
const RESIDENT = { id: 'resident-1', role: 'resident' as const };
const BASE: TeachingSession = { ...newSession(), id: 'session-1', residentId: 'resident-1', tutorId: 'tutor-1' };

function handedIn(at = '2026-12-01T09:20:00.000Z'): TeachingSession {
  return { ...BASE, stages: { ...BASE.stages, '4.3': { ...BASE.stages['4.3'], status: 'submitted', submittedAt: at } } };
}
const signedOff = (session: TeachingSession): TeachingSession => ({ ...session, signOff: { at: '2026-12-01T10:00:00.000Z', by: 'tutor-1' } as TeachingSession['signOff'] });

/** The teaching service as the view reads it: a state to change and listeners to tell. */
class FakeService {
  private listeners = new Set<() => void>();
  state = {
    session: { status: 'loading' },
    record: undefined,
    actor: undefined,
    annotations: [],
    authors: new Map<string, AuthorRole>([['mine-nodule', 'resident']]),
  } as unknown as TeachingState;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  getState = () => this.state;
  /** The token of the tutor standing in here, while they do. */
  standIn: string | undefined;
  constructor(private readonly api: TeachingApi) {}
  asActor = <T>(request: (api: TeachingApi, standIn: string | undefined) => Promise<T>) => request(this.api, this.standIn);
  set(patch: Partial<TeachingState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach(listener => listener());
  }
  open(session: TeachingSession, actor: { id: string; role: 'tutor' | 'resident' | 'admin' }, version = 3) {
    this.set({ session: { status: 'open', id: session.id, drawing: true }, record: { session, version } as SessionView, actor });
  }
}

class FakeOverlay implements ComparisonOverlay {
  calls: string[] = [];
  shown: OverlayShowOptions | undefined;
  unplaced: string[] = [];
  holds = () => false;
  async show(options: OverlayShowOptions) {
    this.shown = options;
    this.calls.push(`show ${options.reference.map(item => item.uid).join(',')}`);
    return { unplaced: this.unplaced };
  }
  mark(marks: ReadonlyMap<string, ComparisonMark>) {
    this.calls.push(`mark ${[...marks].map(([uid, mark]) => `${uid}=${mark}`).join(',')}`);
  }
  hide(authors: ReadonlyMap<string, AuthorRole>, remove: boolean) {
    this.calls.push(`${remove ? 'remove' : 'hide'} ${[...authors.keys()].join(',')}`);
  }
}

function setUp(answers: { get?: () => Promise<StoredSignComparison | undefined>; again?: () => Promise<StoredSignComparison>; check?: (findingId: string, recorded: boolean) => Promise<StoredSignComparison> } = {}) {
  const calls: string[] = [];
  const as = (standIn: string | undefined) => (standIn === undefined ? '' : ` as ${standIn}`);
  const api = {
    getSignComparison: async (sessionId: string, standIn?: string) => {
      calls.push(`get ${sessionId}${as(standIn)}`);
      return (answers.get ?? (async () => signComparisonFixture()))();
    },
    compareSignsAgain: async (sessionId: string, standIn?: string) => {
      calls.push(`again ${sessionId}${as(standIn)}`);
      return (answers.again ?? (async () => signComparisonFixture()))();
    },
    checkNegativeSign: async (sessionId: string, findingId: string, recorded: boolean, standIn?: string) => {
      calls.push(`check ${sessionId} ${findingId} ${recorded}${as(standIn)}`);
      return (answers.check ?? (async () => signComparisonFixture()))(findingId, recorded);
    },
  } as unknown as TeachingApi;
  const service = new FakeService(api);
  const overlay = new FakeOverlay();
  const view = new SignComparisonView({ service, overlay });
  view.setStudy('1.2.840.1');
  return { service, overlay, view, calls };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise(resolve => setTimeout(resolve, 0));
};

describe('who sees the comparison', () => {
  it('is the tutor once 4.3 is handed in, and the resident only after sign-off', () => {
    const view = (session: TeachingSession): SessionView => ({ session, version: 1 });
    expect(maySeeComparison(TUTOR, view(BASE))).toBe(false);
    expect(maySeeComparison(TUTOR, view(handedIn()))).toBe(true);
    expect(maySeeComparison({ id: 'admin-1', role: 'admin' }, view(handedIn()))).toBe(true);
    expect(maySeeComparison(RESIDENT, view(handedIn()))).toBe(false);
    expect(maySeeComparison(RESIDENT, view(signedOff(handedIn())))).toBe(true);
    expect(maySeeComparison({ id: 'tutor-2', role: 'tutor' }, view(handedIn()))).toBe(false);
    expect(maySeeComparison(undefined, view(handedIn()))).toBe(false);
  });
});

describe('the marks on the images', () => {
  it('marks both drawings of a found sign, the missed reference, the extra drawing, and what was not compared', () => {
    expect(Object.fromEntries(comparisonMarks(signComparisonFixture()))).toEqual({
      'ref-nodule': 'found',
      'mine-nodule': 'found',
      'ref-node': 'missed',
      'ref-broken': 'uncompared',
      'mine-extra': 'extra',
    });
  });
});

describe('the comparison of the open session', () => {
  it('loads for the tutor once the session is open with 4.3 handed in, and draws it on the images', async () => {
    const { service, overlay, view, calls } = setUp();
    service.open(BASE, TUTOR);
    await settle();
    expect(calls).toEqual([]);
    expect(view.getState().status).toBe('hidden');

    service.open(handedIn(), TUTOR);
    expect(view.getState().status).toBe('loading');
    await settle();
    expect(calls).toEqual(['get session-1']);
    expect(view.getState()).toMatchObject({ status: 'ready', unplaced: 0 });
    expect(overlay.calls).toEqual(['show ref-nodule,ref-node,ref-broken']);
    expect(overlay.shown).toMatchObject({ studyInstanceUID: '1.2.840.1' });
    expect(overlay.shown!.marks.get('mine-extra')).toBe('extra');
  });

  it('asks once per hand-in: a newer session version asks nothing, a new hand-in or the sign-off asks again', async () => {
    const { service, calls } = setUp();
    service.open(handedIn(), TUTOR, 3);
    await settle();
    service.open(handedIn(), TUTOR, 4);
    await settle();
    expect(calls).toEqual(['get session-1']);
    service.open(handedIn('2026-12-01T09:40:00.000Z'), TUTOR, 5);
    await settle();
    service.open(signedOff(handedIn('2026-12-01T09:40:00.000Z')), TUTOR, 6);
    await settle();
    expect(calls).toEqual(['get session-1', 'get session-1', 'get session-1']);
  });

  it('never asks for the resident before sign-off, and does after', async () => {
    const { service, view, calls } = setUp();
    service.open(handedIn(), RESIDENT);
    await settle();
    expect(calls).toEqual([]);
    expect(view.getState().comparison).toBeUndefined();
    service.open(signedOff(handedIn()), RESIDENT);
    await settle();
    expect(calls).toEqual(['get session-1']);
    expect(view.getState().status).toBe('ready');
  });

  it('waits for the session to be open, so the drawings it restyles are drawn first', async () => {
    const { service, calls } = setUp();
    service.set({ session: { status: 'loading' }, record: { session: handedIn(), version: 1 }, actor: TUTOR });
    await settle();
    expect(calls).toEqual([]);
  });

  it('says when there is nothing compared yet, and shows nothing when refused', async () => {
    const none = setUp({ get: async () => undefined });
    none.service.open(handedIn(), TUTOR);
    await settle();
    expect(none.view.getState()).toMatchObject({ status: 'none', comparison: undefined });
    expect(none.overlay.calls).toEqual([]);

    const refused = setUp({ get: async () => Promise.reject(new ApiRequestError(403, 'access.afterSignOff', { zh: '签署后可见', en: 'After sign-off' })) });
    refused.service.open(handedIn(), TUTOR);
    await settle();
    expect(refused.view.getState()).toMatchObject({ status: 'hidden', error: undefined });

    const offline = setUp({ get: async () => Promise.reject(new ApiRequestError(0, 'network.offline', { zh: '无连接', en: 'No connection' })) });
    offline.service.open(handedIn(), TUTOR);
    await settle();
    expect(offline.view.getState()).toMatchObject({ status: 'failed', error: { en: 'No connection' } });
  });

  it('takes the comparison off the screen and the images when the person may no longer see it', async () => {
    const { service, overlay, view } = setUp();
    service.open(handedIn(), TUTOR);
    await settle();
    // The tutor who stood in at the resident's workstation hands back.
    service.set({ actor: RESIDENT });
    expect(view.getState()).toMatchObject({ status: 'hidden', comparison: undefined });
    expect(overlay.calls.at(-1)).toBe('remove mine-nodule');
  });

  it("asks as the tutor standing in at the resident's workstation: loading when the takeover begins, comparing and ticking with its token", async () => {
    const { service, overlay, view, calls } = setUp();
    service.open(handedIn(), RESIDENT);
    await settle();
    expect(calls).toEqual([]);
    service.standIn = 'token-1';
    service.set({ actor: TUTOR });
    await settle();
    expect(view.getState().status).toBe('ready');
    expect(overlay.calls).toEqual(['show ref-nodule,ref-node,ref-broken']);
    await view.checkNegative('f-no-effusion', true);
    await view.compareAgain();
    expect(calls).toEqual(['get session-1 as token-1', 'check session-1 f-no-effusion true as token-1', 'again session-1 as token-1']);

    service.standIn = undefined;
    service.set({ actor: RESIDENT });
    expect(view.getState()).toMatchObject({ status: 'hidden', comparison: undefined });
    expect(overlay.calls.at(-1)).toBe('remove mine-nodule');
  });

  it('hides and shows the overlay on request, the panel keeping the comparison', async () => {
    const { service, overlay, view } = setUp();
    service.open(handedIn(), TUTOR);
    await settle();
    view.toggleOnImages();
    expect(view.getState()).toMatchObject({ showOnImages: false, status: 'ready' });
    expect(overlay.calls.at(-1)).toBe('hide mine-nodule');
    view.toggleOnImages();
    await settle();
    expect(overlay.calls.at(-1)).toBe('show ref-nodule,ref-node,ref-broken');
  });

  it("marks again a session drawing drawn again in its author's colour, and only that one", async () => {
    const { service, overlay } = setUp();
    const drawn = (uid: string) => ({ uid, toolName: 'Length', label: '', values: [] });
    service.set({ annotations: [drawn('mine-nodule'), drawn('mine-extra')] });
    service.open(handedIn(), TUTOR);
    await settle();
    const before = overlay.calls.length;
    // The other workstation changed the extra drawing: it is taken off and drawn again.
    service.set({ annotations: [drawn('mine-nodule')] });
    service.set({ annotations: [drawn('mine-nodule'), drawn('mine-extra')] });
    expect(overlay.calls.slice(before)).toEqual(['mark mine-extra=extra']);
  });

  it('counts the reference drawings on images not loaded here', async () => {
    const { service, overlay, view } = setUp();
    overlay.unplaced = ['ref-node'];
    service.open(handedIn(), TUTOR);
    await settle();
    expect(view.getState().unplaced).toBe(1);
  });

  it("compares again and records the tutor's ticks, showing what the server answers", async () => {
    const ticked = signComparisonFixture({ negativeChecks: { 'f-no-effusion': { recorded: true, by: 'tutor-1', at: '2026-12-01T09:35:00.000Z' } } });
    const { service, view, calls } = setUp({ check: async () => ticked });
    service.open(handedIn(), TUTOR);
    await settle();
    const checking = view.checkNegative('f-no-effusion', true);
    expect(view.getState().action).toEqual({ state: 'checking', findingId: 'f-no-effusion', recorded: true });
    await checking;
    expect(view.getState().comparison?.negativeChecks['f-no-effusion']?.recorded).toBe(true);
    expect(view.getState().action).toEqual({ state: 'idle' });
    await view.compareAgain();
    expect(calls).toEqual(['get session-1', 'check session-1 f-no-effusion true', 'again session-1']);
  });

  it('keeps the comparison and says why when a tick is refused', async () => {
    const { service, view } = setUp({ check: async () => Promise.reject(new ApiRequestError(403, 'access.denied', { zh: '无权操作', en: 'Not allowed' })) });
    service.open(handedIn(), TUTOR);
    await settle();
    await view.checkNegative('f-no-effusion', true);
    expect(view.getState()).toMatchObject({ status: 'ready', action: { state: 'refused', messages: { en: 'Not allowed' } } });
    expect(view.getState().comparison?.negativeChecks).toEqual({});
    view.dismissRefusal();
    expect(view.getState().action).toEqual({ state: 'idle' });
  });

  it('drops an answer that comes after the person moved to another session', async () => {
    const answers: Array<(comparison: StoredSignComparison) => void> = [];
    const { service, view, calls } = setUp({ get: () => new Promise(resolve => answers.push(resolve)) });
    service.open(handedIn(), TUTOR);
    await settle();
    service.open({ ...handedIn(), id: 'session-2' }, TUTOR);
    await settle();
    expect(calls).toEqual(['get session-1', 'get session-2']);
    // The first session's answer arrives while the second one's is still on its way.
    answers[0]!(signComparisonFixture());
    await settle();
    expect(view.getState()).toMatchObject({ status: 'loading', comparison: undefined });
  });
});
