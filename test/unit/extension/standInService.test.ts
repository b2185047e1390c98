import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../extension/api/apiRequestError';
import type { TeachingApi } from '../../../extension/api/teachingApi';
import { NO_CASE_LIBRARY } from '../../fixtures/noCaseLibrary';
import type { ViewerAnnotations } from '../../../extension/host/viewerAnnotations';
import { memoryDraft } from '../../../extension/service/memoryDraft';
import type { LocalDraft } from '../../../extension/service/localDraft';
import { SignComparisonView } from '../../../extension/service/signComparisonView';
import { TeachingService, type StandInStore, type TeachingServiceDeps } from '../../../extension/service/TeachingService';
import { EVENT_SCHEMA_VERSION } from '../../../src/core/rules/sessionEvent';
import type { SessionCommand } from '../../../src/core/rules/sessionCommand';
import type { AccountView } from '../../../src/records/api/people';
import type { StandInView } from '../../../src/records/api/auth';
import type { CommandResult } from '../../../src/records/api/sessions';
import { newSession, RESIDENT, TUTOR } from '../../fixtures/sessionRules';
import { signComparisonFixture } from '../../fixtures/signComparison';

const STUDY = '1.2.840.7';
const account = (id: string, role: 'resident' | 'tutor', name: string): AccountView => ({ id, username: `${id}-login`, name, role, trainingYear: role === 'resident' ? 2 : null, active: true, version: 1 });
const RESIDENT_ACCOUNT = account(RESIDENT.id, 'resident', '李明轩');
const TUTOR_ACCOUNT = account(TUTOR.id, 'tutor', '王建华');
const EXPIRES = '2026-12-01T13:00:00.000Z';
const wrong = () => new ApiRequestError(401, 'auth.wrongCredentials', { zh: '用户名或密码不正确', en: 'Wrong username or password' });
const ended = () => new ApiRequestError(401, 'auth.standInEnded', { zh: '指导医师的接管已结束', en: "The tutor's takeover has ended" });

/** The records service with the stand-in rules: a change is the tutor's when it carries a token still good. */
class StandInApi implements TeachingApi {
  readonly session = { ...newSession(), id: 'session-7' };
  version = 4;
  /** Every write, as `what by whom`. */
  writes: string[] = [];
  live = new Set<string>();
  private issued = 0;
  private actorOf(standIn: string | undefined) {
    if (standIn === undefined) return RESIDENT;
    if (!this.live.has(standIn)) throw ended();
    return TUTOR;
  }
  whoAmI = async () => ({ account: RESIDENT_ACCOUNT, department: { id: 'north', name: '放射科' }, via: 'cookie' as const });
  signOut = async () => void this.live.clear();
  startStandIn = async (username: string, password: string) => {
    if (username !== TUTOR_ACCOUNT.username || password !== 'tutor password') throw wrong();
    const token = `token-${++this.issued}`;
    this.live.add(token);
    return { token, account: TUTOR_ACCOUNT, workstation: RESIDENT_ACCOUNT, expiresAt: EXPIRES };
  };
  getStandIn = async (standIn: string): Promise<StandInView> => {
    this.actorOf(standIn);
    return { account: TUTOR_ACCOUNT, workstation: RESIDENT_ACCOUNT, expiresAt: EXPIRES };
  };
  endStandIn = async (standIn: string) => {
    this.actorOf(standIn);
    this.live.delete(standIn);
    this.writes.push('hand back');
  };
  findOpenSession = async () => ({ session: this.session, version: this.version });
  listAnnotations = async () => [];
  saveAnnotation = async (_sessionId: string, uid: string, body: { version: number }, _key: string, standIn?: string) => {
    this.writes.push(`draw ${uid} by ${this.actorOf(standIn).id}`);
    return { uid, authorId: this.actorOf(standIn).id, authorRole: this.actorOf(standIn).role, studyInstanceUID: STUDY, seriesInstanceUID: '1', sopInstanceUID: '1', frameNumber: null, annotation: {}, version: body.version + 1, updatedAt: EXPIRES };
  };
  deleteAnnotation = async () => undefined;
  getSession = async () => ({ session: this.session, version: this.version });
  getCase = async (): Promise<never> => {
    throw new Error('no case in these tests');
  };
  getSignComparison: TeachingApi['getSignComparison'] = async () => undefined;
  compareSignsAgain = async (): Promise<never> => {
    throw new Error('no comparison in these tests');
  };
  checkNegativeSign: TeachingApi['checkNegativeSign'] = async () => {
    throw new Error('no comparison in these tests');
  };
  /** While set, commands wait for it: a slow network. */
  held: Promise<void> | undefined;
  runCommand = async (_sessionId: string, _version: number, command: SessionCommand, _key: string, standIn?: string): Promise<CommandResult> => {
    await this.held;
    const actor = this.actorOf(standIn);
    this.writes.push(`${command.type} by ${actor.id}`);
    this.version += 1;
    return {
      session: this.session,
      version: this.version,
      event: { schemaVersion: EVENT_SCHEMA_VERSION, sessionSchemaVersion: this.session.schemaVersion, sessionId: this.session.id, seq: this.version, at: EXPIRES, actor, type: command.type, changes: [] },
    };
  };
  getCategories = NO_CASE_LIBRARY.getCategories;
  createCase = NO_CASE_LIBRARY.createCase;
  updateCase = NO_CASE_LIBRARY.updateCase;
  listCases = NO_CASE_LIBRARY.listCases;
  listCaseAnnotations = NO_CASE_LIBRARY.listCaseAnnotations;
  saveCaseAnnotation = NO_CASE_LIBRARY.saveCaseAnnotation;
  deleteCaseAnnotation = NO_CASE_LIBRARY.deleteCaseAnnotation;
}

const viewer = (): ViewerAnnotations => ({
  paint: () => undefined,
  lock: () => undefined,
  list: () => [],
  watch: () => () => undefined,
  jumpTo: () => undefined,
  rename: () => undefined,
  remove: () => undefined,
  rawAnnotation: () => undefined,
  restore: async () => ({ restored: [], unplaced: [] }),
});

const tabStore = (): StandInStore & { token: string | null } => ({
  token: null,
  load() {
    return this.token;
  },
  save(token) {
    this.token = token;
  },
  clear() {
    this.token = null;
  },
});

const settleAll = async () => {
  for (let i = 0; i < 8; i++) await new Promise(resolve => setTimeout(resolve, 0));
};

const evaluation = { scores: {}, notApplicable: [], criterionRemarks: {}, remark: '', feedback: '好', guidance: '' };

describe("the service while a tutor scores at the resident's workstation", () => {
  let api: StandInApi;
  let store: ReturnType<typeof tabStore>;
  let draft: LocalDraft;

  beforeEach(() => {
    api = new StandInApi();
    store = tabStore();
    draft = memoryDraft();
  });

  async function openService(): Promise<TeachingService> {
    const deps: TeachingServiceDeps = {
      languageStore: { load: () => null, save: () => undefined },
      standInStore: store,
      api: async () => api,
      signInUrl: '/api/auth/sign-in',
      page: { assign: () => undefined, reload: () => undefined },
      timers: { setTimeout: (callback, ms) => setTimeout(callback, ms) },
      newKey: () => Math.random().toString(16).slice(2).padEnd(12, '0'),
      localDraft: async () => draft,
    };
    const service = new TeachingService('zh-CN', deps);
    service.attach(viewer(), STUDY);
    await settleAll();
    return service;
  }

  it('makes the tutor the actor and sends their scores with the token; the resident stays the one signed in', async () => {
    const service = await openService();
    expect(service.getState().actor).toEqual(RESIDENT);
    await service.takeOver('tutor-wang-login', 'tutor password');
    expect(service.getState().standIn).toMatchObject({ id: TUTOR.id, name: '王建华' });
    expect(service.getState().actor).toEqual(TUTOR);
    expect(service.getState().me?.name).toBe('李明轩');
    expect(store.token).toBe('token-1');
    service.editEvaluation('4.1', evaluation);
    await settleAll();
    expect(api.writes).toEqual([`evaluateStage by ${TUTOR.id}`]);
  });

  it('says why a takeover was refused and changes nothing', async () => {
    const service = await openService();
    await service.takeOver('tutor-wang-login', 'guess');
    expect(service.getState().standInAction).toMatchObject({ state: 'refused', messages: { en: 'Wrong username or password' } });
    expect(service.getState().actor).toEqual(RESIDENT);
    expect(store.token).toBeNull();
  });

  it('hands back: the resident is the actor again, the token is forgotten here and ended on the server', async () => {
    const service = await openService();
    await service.takeOver('tutor-wang-login', 'tutor password');
    await service.handBack();
    expect(service.getState()).toMatchObject({ standIn: undefined, actor: RESIDENT, standInAction: { state: 'idle' } });
    expect(store.token).toBeNull();
    expect(api.live.size).toBe(0);
    service.send({ type: 'pauseClock' });
    await settleAll();
    expect(api.writes).toEqual(['hand back', `pauseClock by ${RESIDENT.id}`]);
  });

  it("hands back only once the tutor's last score has gone, with the token", async () => {
    const service = await openService();
    await service.takeOver('tutor-wang-login', 'tutor password');
    let release = () => undefined as void;
    api.held = new Promise(resolve => (release = resolve));
    service.editEvaluation('4.1', evaluation);
    const handingBack = service.handBack();
    await settleAll();
    expect(service.getState().standInAction).toEqual({ state: 'handingBack' });
    expect(service.getState().actor).toEqual(TUTOR);
    release();
    await handingBack;
    expect(api.writes).toEqual([`evaluateStage by ${TUTOR.id}`, 'hand back']);
    expect(service.getState()).toMatchObject({ standIn: undefined, actor: RESIDENT, standInAction: { state: 'idle' } });
  });

  it('goes on with the takeover after a reload of the tab, and forgets one the server ended', async () => {
    const first = await openService();
    await first.takeOver('tutor-wang-login', 'tutor password');
    first.detach();
    const reloaded = await openService();
    expect(reloaded.getState().standIn?.name).toBe('王建华');
    expect(reloaded.getState().actor).toEqual(TUTOR);

    api.live.clear();
    reloaded.detach();
    const later = await openService();
    expect(later.getState().standIn).toBeUndefined();
    expect(later.getState().actor).toEqual(RESIDENT);
    expect(store.token).toBeNull();
  });

  it('shows a takeover the server ended meanwhile, and reports the score it did not record as anyone', async () => {
    const service = await openService();
    await service.takeOver('tutor-wang-login', 'tutor password');
    api.live.clear();
    service.editEvaluation('4.1', evaluation);
    await settleAll();
    expect(api.writes).toEqual([]);
    expect(service.getState()).toMatchObject({ standIn: undefined, actor: RESIDENT, standInAction: { state: 'ended' } });
    expect(service.getState().sessionSave).toMatchObject({ state: 'refused', command: { type: 'evaluateStage' } });
  });

  it("shows the tutor standing in the comparison of the handed-in signs, asked with the token, and not the resident after hand-back", async () => {
    api.session.stages['4.3'] = { ...api.session.stages['4.3'], status: 'submitted', submittedAt: EXPIRES };
    // As the records service answers: the session's resident is refused before sign-off, its tutor is not.
    const asked: string[] = [];
    const comparison = signComparisonFixture({ sessionId: api.session.id });
    const asThe = (standIn: string | undefined) => {
      if (standIn === undefined) throw new ApiRequestError(403, 'access.afterSignOff', { zh: '签署后可见', en: 'Shown after sign-off' });
      if (!api.live.has(standIn)) throw ended();
    };
    api.getSignComparison = async (sessionId: string, standIn?: string) => {
      asked.push(`get ${sessionId} ${standIn}`);
      asThe(standIn);
      return comparison;
    };
    api.checkNegativeSign = async (sessionId: string, findingId: string, recorded: boolean, standIn?: string) => {
      asked.push(`check ${findingId} ${standIn}`);
      asThe(standIn);
      return { ...comparison, negativeChecks: { [findingId]: { recorded, by: TUTOR.id, at: EXPIRES } } };
    };
    const service = await openService();
    const view = new SignComparisonView({ service });
    await settleAll();
    expect(view.getState().status).toBe('hidden');
    expect(asked).toEqual([]);

    await service.takeOver('tutor-wang-login', 'tutor password');
    await settleAll();
    expect(asked).toEqual(['get session-7 token-1']);
    expect(view.getState()).toMatchObject({ status: 'ready', comparison: { sessionId: 'session-7' } });
    await view.checkNegative('f-no-effusion', true);
    expect(asked.at(-1)).toBe('check f-no-effusion token-1');
    expect(view.getState().comparison?.negativeChecks['f-no-effusion']?.recorded).toBe(true);

    await service.handBack();
    await settleAll();
    expect(view.getState()).toMatchObject({ status: 'hidden', comparison: undefined });
    expect(asked).toHaveLength(2);
  });

  it("sends the tutor's drawings with the token during the takeover, and the resident's without", async () => {
    const drawn = new Map<string, object>();
    let emit: ((change: Parameters<Parameters<ViewerAnnotations['watch']>[0]>[0]) => void) | undefined;
    const watched: ViewerAnnotations = {
      ...viewer(),
      watch: listener => ((emit = listener), () => undefined),
      rawAnnotation: uid => drawn.get(uid) as never,
    };
    const service = new TeachingService('zh-CN', {
      languageStore: { load: () => null, save: () => undefined },
      standInStore: store,
      api: async () => api,
      signInUrl: '/',
      page: { assign: () => undefined, reload: () => undefined },
      timers: { setTimeout: (callback, ms) => setTimeout(callback, ms) },
      newKey: () => Math.random().toString(16).slice(2),
      localDraft: async () => draft,
    });
    service.attach(watched, STUDY);
    await settleAll();
    const draw = (uid: string) => {
      drawn.set(uid, { studyInstanceUID: STUDY, seriesInstanceUID: '1', sopInstanceUID: '1', frameNumber: null, annotation: { data: { label: uid } } });
      emit?.({ type: 'upsert', annotation: { uid, toolName: 'ArrowAnnotate', label: uid, values: [] } });
    };
    draw('by-resident');
    await settleAll();
    await service.takeOver('tutor-wang-login', 'tutor password');
    draw('by-tutor');
    await settleAll();
    expect(api.writes.filter(write => write.startsWith('draw'))).toEqual([`draw by-resident by ${RESIDENT.id}`, `draw by-tutor by ${TUTOR.id}`]);
  });
});
