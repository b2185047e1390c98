import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../extension/api/apiRequestError';
import type { TeachingApi } from '../../../extension/api/teachingApi';
import { NO_CASE_LIBRARY } from '../../fixtures/noCaseLibrary';
import type { AnnotationChange, RestoreOptions, ViewerAnnotations } from '../../../extension/host/viewerAnnotations';
import type { AnnotationContent } from '../../../extension/service/annotationSync';
import type { DrawnAnnotation } from '../../../extension/service/drawnAnnotation';
import { memoryDraft } from '../../../extension/service/memoryDraft';
import { TeachingService, type LanguageStore, type TeachingServiceDeps } from '../../../extension/service/TeachingService';
import { applyCommand } from '../../../src/core/rules/applyCommand';
import type { SessionCommand } from '../../../src/core/rules/sessionCommand';
import type { TeachingSession } from '../../../src/core/session/session';
import { newSession } from '../../fixtures/sessionRules';
import type { AnnotationView } from '../../../src/records/api/annotations';
import type { WhoAmI } from '../../../src/records/api/auth';

const STUDY = '1.2.840.1';

/** A viewer double that records what the service asked the host to do. */
class FakeViewer implements ViewerAnnotations {
  calls: string[] = [];
  /** What each drawn annotation would be saved as. */
  drawn = new Map<string, AnnotationContent>();
  restoreCalls: Array<{ uids: string[]; locked: string[] }> = [];
  private listener: ((change: AnnotationChange) => void) | undefined;
  constructor(private readonly initial: DrawnAnnotation[] = []) {
    for (const item of initial) this.drawn.set(item.uid, content(item.label));
  }
  list = () => this.initial;
  watch(onChange: (change: AnnotationChange) => void) {
    this.listener = onChange;
    return () => {
      this.listener = undefined;
    };
  }
  emit(change: AnnotationChange) {
    if (change.type === 'upsert') this.drawn.set(change.annotation.uid, content(change.annotation.label));
    if (change.type === 'remove') this.drawn.delete(change.uid);
    this.listener?.(change);
  }
  get watching() {
    return this.listener !== undefined;
  }
  jumpTo = (uid: string) => void this.calls.push(`jump ${uid}`);
  rename = (uid: string, label: string) => void this.calls.push(`rename ${uid} ${label}`);
  remove = (uid: string) => void this.calls.push(`remove ${uid}`);
  rawAnnotation = (uid: string) => this.drawn.get(uid);
  paint = (uid: string, author: string) => void this.calls.push(`paint ${uid} ${author}`);
  lock = (uid: string) => void this.calls.push(`lock ${uid}`);
  async restore(annotations: readonly AnnotationView[], options: RestoreOptions) {
    this.restoreCalls.push({ uids: annotations.map(item => item.uid), locked: [...options.locked] });
    // As the host does: drawing them again announces each as a measurement.
    for (const item of annotations) this.emit({ type: 'upsert', annotation: annotation(item.uid, (item.annotation.data as { label: string }).label) });
    return { restored: annotations.map(item => item.uid), unplaced: [] };
  }
}

const annotation = (uid: string, label = ''): DrawnAnnotation => ({ uid, toolName: 'Length', label, values: ['10 mm'] });
const content = (label: string): AnnotationContent => ({
  studyInstanceUID: STUDY,
  seriesInstanceUID: '1.2.840.1.1',
  sopInstanceUID: '1.2.840.1.1.1',
  frameNumber: null,
  annotation: { data: { label }, metadata: { toolName: 'Length' } },
});

const person = (id: string, role: 'resident' | 'tutor' | 'admin', name: string): WhoAmI => ({
  account: { id, username: id, name, role, trainingYear: role === 'resident' ? 2 : null, active: true, version: 1 },
  department: { id: 'dept', name: '放射科' },
  via: 'cookie',
});
const RESIDENT = person('resident-1', 'resident', '李明轩');
const SESSION: TeachingSession = { ...newSession(), id: 'session-1', residentId: 'resident-1', tutorId: 'tutor-1' };

const saved = (uid: string, authorId: string, label: string, version = 1): AnnotationView => ({
  uid,
  authorId,
  authorRole: authorId.startsWith('tutor') ? 'tutor' : 'resident',
  ...content(label),
  version,
  updatedAt: '2026-12-01T08:00:00.000Z',
});

/** The records service as the client sees it, recording every write. */
class FakeApi implements TeachingApi {
  writes: string[] = [];
  signedOut = 0;
  constructor(
    public me: WhoAmI = RESIDENT,
    public session: TeachingSession | null = SESSION,
    public annotations: AnnotationView[] = [],
  ) {}
  failWhoAmI: unknown;
  failSignOut: unknown;
  whoAmI = async () => {
    if (this.failWhoAmI) throw this.failWhoAmI;
    return this.me;
  };
  signOut = async () => {
    if (this.failSignOut) throw this.failSignOut;
    this.signedOut++;
  };
  startStandIn = async (): Promise<never> => {
    throw new ApiRequestError(401, 'auth.wrongCredentials', { zh: '用户名或密码不正确', en: 'Wrong username or password' });
  };
  getStandIn = async (): Promise<never> => {
    throw new ApiRequestError(401, 'auth.standInEnded', { zh: '接管已结束', en: 'The takeover has ended' });
  };
  endStandIn = async () => undefined;
  findOpenSession = async (study: string) => (this.session && study === STUDY ? { session: this.session, version: this.version } : undefined);
  listAnnotations = async () => this.annotations;
  saveAnnotation = async (sessionId: string, uid: string, body: { version: number; annotation: Record<string, unknown> }) => {
    this.writes.push(`put ${sessionId} ${uid} v${body.version} ${(body.annotation.data as { label: string }).label}`);
    return { ...saved(uid, this.me.account.id, ''), version: body.version + 1 };
  };
  deleteAnnotation = async (sessionId: string, uid: string, version: number) => {
    this.writes.push(`delete ${sessionId} ${uid} v${version}`);
  };
  /** The server's copy of the session and its version, which commands change through the real rules. */
  version = 1;
  getSession = async () => ({ session: this.session!, version: this.version });
  runCommand = async (sessionId: string, version: number, command: SessionCommand) => {
    this.writes.push(`command ${sessionId} v${version} ${command.type}`);
    const applied = applyCommand(this.session!, command, { id: this.me.account.id, role: this.me.account.role }, '2026-12-01T09:00:00.000Z', this.version + 1);
    if (!applied.ok) throw new ApiRequestError(422, applied.problem.code, applied.problem.message);
    this.session = applied.value.session;
    this.version += 1;
    return { session: this.session, version: this.version, event: applied.value.event };
  };
  getCase = async (): Promise<never> => {
    throw new ApiRequestError(404, 'notFound', { zh: '未找到病例', en: 'case not found' });
  };
  getCategories = NO_CASE_LIBRARY.getCategories;
  createCase = NO_CASE_LIBRARY.createCase;
  updateCase = NO_CASE_LIBRARY.updateCase;
  listCases = NO_CASE_LIBRARY.listCases;
  listCaseAnnotations = NO_CASE_LIBRARY.listCaseAnnotations;
  saveCaseAnnotation = NO_CASE_LIBRARY.saveCaseAnnotation;
  deleteCaseAnnotation = NO_CASE_LIBRARY.deleteCaseAnnotation;
  getSignComparison = async () => undefined;
  compareSignsAgain = async (): Promise<never> => {
    throw new ApiRequestError(404, 'notFound', { zh: '尚未对比', en: 'not compared yet' });
  };
  checkNegativeSign = async (): Promise<never> => {
    throw new ApiRequestError(404, 'notFound', { zh: '尚未对比', en: 'not compared yet' });
  };
}

function memoryStore(saved: string | null = null): LanguageStore & { saved: string | null } {
  return {
    saved,
    load() {
      return this.saved;
    },
    save(language) {
      this.saved = language;
    },
  };
}

function deps(api: FakeApi, store: LanguageStore = memoryStore(), visited: string[] = []): TeachingServiceDeps {
  return {
    languageStore: store,
    api: async () => api,
    signInUrl: '/api/auth/sign-in',
    page: { assign: url => void visited.push(url), reload: () => void visited.push('reload') },
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms) },
    newKey: () => Math.random().toString(16).slice(2).padEnd(12, '0'),
    localDraft: async () => memoryDraft(),
  };
}

const flush = () => new Promise<void>(resolve => queueMicrotask(resolve));
/** Lets loading, timers and the writes they start run to the end. */
const settleAll = async () => {
  for (let i = 0; i < 5; i++) await new Promise(resolve => setTimeout(resolve, 0));
};

describe('TeachingService', () => {
  let service: TeachingService;
  let viewer: FakeViewer;

  beforeEach(() => {
    service = new TeachingService('zh-CN', deps(new FakeApi(RESIDENT, null)));
    viewer = new FakeViewer([annotation('a', 'Nodule')]);
    service.attach(viewer, STUDY);
  });

  it('takes in what was already drawn and follows additions, updates and removals in order', () => {
    viewer.emit({ type: 'upsert', annotation: annotation('b') });
    viewer.emit({ type: 'upsert', annotation: annotation('c') });
    viewer.emit({ type: 'upsert', annotation: annotation('b', 'Vessel') });
    viewer.emit({ type: 'remove', uid: 'a' });
    expect(service.getState().annotations.map(item => `${item.uid}:${item.label}`)).toEqual(['b:Vessel', 'c:']);
    viewer.emit({ type: 'upsert', annotation: annotation('d') });
    viewer.emit({ type: 'clear', uids: ['b', 'c'] });
    expect(service.getState().annotations.map(item => item.uid)).toEqual(['d']);
  });

  it('hands out a new snapshot on change and the same one otherwise', () => {
    const before = service.getState();
    expect(service.getState()).toBe(before);
    viewer.emit({ type: 'upsert', annotation: annotation('b') });
    expect(service.getState()).not.toBe(before);
  });

  it('notifies listeners once for a burst of host events', async () => {
    let notified = 0;
    service.subscribe(() => notified++);
    for (let i = 0; i < 20; i++) viewer.emit({ type: 'upsert', annotation: annotation('a', `drag ${i}`) });
    await flush();
    expect(notified).toBe(1);
  });

  it('selecting a row jumps the viewer there', () => {
    service.select('a');
    expect(service.getState().selectedUid).toBe('a');
    expect(viewer.calls).toEqual(['jump a']);
  });

  it('keeps a half-typed rename in the service and sends only a real change', () => {
    service.startRename('a');
    service.editRename('  Solid nodule ');
    expect(service.getState().renaming).toEqual({ uid: 'a', text: '  Solid nodule ' });
    service.commitRename();
    expect(viewer.calls).toEqual(['rename a Solid nodule']);
    expect(service.getState().renaming).toBeUndefined();

    service.startRename('a');
    service.commitRename();
    expect(viewer.calls).toHaveLength(1);
  });

  it('cancelling a rename changes nothing', () => {
    service.startRename('a');
    service.editRename('Other');
    service.cancelRename();
    expect(viewer.calls).toEqual([]);
    expect(service.getState().renaming).toBeUndefined();
  });

  it('ignores a rename of something that is not listed', () => {
    service.startRename('nope');
    expect(service.getState().renaming).toBeUndefined();
  });

  it('deleting asks the viewer, and the row goes when the viewer confirms', () => {
    service.remove('a');
    expect(viewer.calls).toEqual(['remove a']);
    expect(service.getState().annotations).toHaveLength(1);
    viewer.emit({ type: 'remove', uid: 'a' });
    expect(service.getState().annotations).toHaveLength(0);
  });

  it('forgets selection and rename of an annotation removed on the image', () => {
    service.select('a');
    service.startRename('a');
    viewer.emit({ type: 'remove', uid: 'a' });
    expect(service.getState().selectedUid).toBeUndefined();
    expect(service.getState().renaming).toBeUndefined();
  });

  it('stops following the viewer when detached', () => {
    service.detach();
    expect(viewer.watching).toBe(false);
    service.select('a');
    expect(viewer.calls).toEqual([]);
  });

  it('remembers the chosen language and starts in it next time', () => {
    const store = memoryStore();
    const first = new TeachingService('zh-CN', deps(new FakeApi(), store));
    expect(first.getState().language).toBe('zh-CN');
    first.setLanguage('en');
    expect(new TeachingService('zh-CN', deps(new FakeApi(), store)).getState().language).toBe('en');
    expect(new TeachingService('zh-CN', deps(new FakeApi(), memoryStore('klingon'))).getState().language).toBe('zh-CN');
  });
});

describe('TeachingService with the records service', () => {
  it('opens the signed-in resident\'s session on the study and draws its annotations again without saving them again', async () => {
    const api = new FakeApi(RESIDENT, SESSION, [saved('mine', 'resident-1', 'Nodule', 3), saved('theirs', 'tutor-1', 'Correction', 1)]);
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    expect(service.getState().session).toEqual({ status: 'loading' });
    await settleAll();

    const state = service.getState();
    expect(state.me).toEqual({ name: '李明轩', role: 'resident', via: 'cookie' });
    expect(state.session).toEqual({ status: 'open', id: 'session-1', drawing: true });
    expect(viewer.restoreCalls).toEqual([{ uids: ['mine', 'theirs'], locked: ['theirs'] }]);
    expect(state.annotations.map(item => item.uid)).toEqual(['mine', 'theirs']);
    expect(state.readOnly).toEqual(new Map([['theirs', 'tutor']]));
    expect(api.writes).toEqual([]);
    expect(state.save).toEqual({ state: 'saved' });

    viewer.emit({ type: 'upsert', annotation: annotation('mine', 'Nodule') });
    await settleAll();
    expect(api.writes).toEqual([]);
    viewer.emit({ type: 'upsert', annotation: annotation('mine', 'Solid nodule') });
    viewer.emit({ type: 'upsert', annotation: annotation('new', 'Vessel') });
    await settleAll();
    expect(api.writes.filter(write => write.startsWith('put'))).toEqual(['put session-1 mine v3 Solid nodule', 'put session-1 new v0 Vessel']);
    // The new drawing is a sign of 4.3 as well; the restored one is not made one again.
    expect(api.writes.filter(write => write.startsWith('command'))).toEqual(['command session-1 v1 saveWork']);
    expect((api.session!.stages['4.3'].work as { findings: Array<{ annotationIds: string[] }> }).findings.map(finding => finding.annotationIds)).toEqual([['new']]);
  });

  it('locks the resident\'s own drawings too once the session is signed off', async () => {
    const signed = { ...SESSION, signOff: { at: '2026-12-01T09:00:00.000Z', by: 'tutor-1', stages: SESSION.stages } };
    const api = new FakeApi(RESIDENT, signed, [saved('mine', 'resident-1', 'Nodule', 3), saved('theirs', 'tutor-1', 'Correction', 1)]);
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    await settleAll();
    expect(viewer.restoreCalls).toEqual([{ uids: ['mine', 'theirs'], locked: ['mine', 'theirs'] }]);
    expect(service.getState().readOnly).toEqual(new Map([['mine', 'resident'], ['theirs', 'tutor']]));
  });

  it('saves removals, but never changes what someone else drew', async () => {
    const api = new FakeApi(RESIDENT, SESSION, [saved('mine', 'resident-1', 'Nodule', 2), saved('theirs', 'tutor-1', 'Correction', 1)]);
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    await settleAll();

    service.remove('theirs');
    service.startRename('theirs');
    expect(viewer.calls).toEqual([]);
    expect(service.getState().renaming).toBeUndefined();

    viewer.emit({ type: 'upsert', annotation: annotation('theirs', 'Moved anyway') });
    viewer.emit({ type: 'remove', uid: 'mine' });
    await settleAll();
    expect(api.writes).toEqual(['delete session-1 mine v2']);
  });

  it('saves what was drawn while the session was still loading', async () => {
    const api = new FakeApi();
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    viewer.emit({ type: 'upsert', annotation: annotation('early', 'Quick') });
    await settleAll();
    expect(api.writes).toEqual(['put session-1 early v0 Quick']);
  });

  it('shows the save status as writes go and come back', async () => {
    const api = new FakeApi();
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    await settleAll();
    const seen: string[] = [];
    service.subscribe(() => {
      const { state } = service.getState().save;
      if (seen.at(-1) !== state) seen.push(state);
    });
    viewer.emit({ type: 'upsert', annotation: annotation('a', 'A') });
    await settleAll();
    expect(seen).toEqual(['saved', 'saving', 'saved']);
  });

  it('hands 4.3 in only once a drawing still being saved is saved, so the comparison sees it', async () => {
    const submitted = { status: 'submitted', submittedAt: '2026-12-01T08:30:00.000Z' } as const;
    const api = new FakeApi(RESIDENT, { ...SESSION, stages: { ...SESSION.stages, '4.1': { ...SESSION.stages['4.1'], ...submitted }, '4.2': { ...SESSION.stages['4.2'], ...submitted } } });
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    await settleAll();
    let answerSave = () => undefined as void;
    const slow = new Promise<void>(resolve => (answerSave = resolve));
    const save = api.saveAnnotation;
    api.saveAnnotation = async (...args) => {
      await slow;
      return save(...args);
    };
    viewer.emit({ type: 'upsert', annotation: annotation('nodule', 'Nodule') });
    service.submitStage('4.3');
    await settleAll();
    expect(api.writes).toEqual(['command session-1 v1 saveWork']);
    expect(service.getState().sessionSave).toEqual({ state: 'awaitingDrawings', waiting: 1 });

    answerSave();
    await settleAll();
    expect(api.writes).toEqual(['command session-1 v1 saveWork', 'put session-1 nodule v0 Nodule', 'command session-1 v2 submitStage']);
    expect(service.getState().sessionSave).toEqual({ state: 'saved' });
  });

  it('saves nothing when the study has no open session of the person', async () => {
    const api = new FakeApi(RESIDENT, null);
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    await settleAll();
    expect(service.getState().session).toEqual({ status: 'none' });
    viewer.emit({ type: 'upsert', annotation: annotation('a', 'A') });
    await settleAll();
    expect(api.writes).toEqual([]);
  });

  it('lets someone who only looks (an administrator) see the session without saving or changing anything', async () => {
    const api = new FakeApi(person('admin-1', 'admin', '科室管理员'), SESSION, [saved('mine', 'resident-1', 'Nodule')]);
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    await settleAll();
    expect(service.getState().session).toEqual({ status: 'open', id: 'session-1', drawing: false });
    expect(viewer.restoreCalls[0]!.locked).toEqual(['mine']);
    viewer.emit({ type: 'upsert', annotation: annotation('admin-drawn', 'x') });
    await settleAll();
    expect(api.writes).toEqual([]);
  });

  it('says why the records cannot be reached, in both languages', async () => {
    const api = new FakeApi();
    api.failWhoAmI = new ApiRequestError(0, 'network.offline', { zh: '无法连接教学服务器', en: 'No connection to the teaching server' });
    const service = new TeachingService('zh-CN', deps(api));
    service.attach(new FakeViewer(), STUDY);
    await settleAll();
    expect(service.getState().session).toEqual({ status: 'unavailable', messages: { zh: '无法连接教学服务器', en: 'No connection to the teaching server' } });
  });

  it('stops opening the session when the mode is left meanwhile', async () => {
    const api = new FakeApi(RESIDENT, SESSION, [saved('mine', 'resident-1', 'Nodule')]);
    const service = new TeachingService('zh-CN', deps(api));
    const viewer = new FakeViewer();
    service.attach(viewer, STUDY);
    service.detach();
    await settleAll();
    expect(viewer.restoreCalls).toEqual([]);
    expect(service.getState().session).toEqual({ status: 'loading' });
  });

  it('signs out and goes to the sign-in page, also when the sign-in had already ended', async () => {
    const visited: string[] = [];
    const api = new FakeApi();
    const service = new TeachingService('zh-CN', deps(api, memoryStore(), visited));
    await service.signOut();
    expect(api.signedOut).toBe(1);
    api.failSignOut = new ApiRequestError(401, 'auth.signInRequired', { zh: '请先登录', en: 'Please sign in first' });
    await service.signOut();
    expect(visited).toEqual(['/api/auth/sign-in', '/api/auth/sign-in']);
  });

  it('stays on the page and says so when signing out fails', async () => {
    const visited: string[] = [];
    const api = new FakeApi();
    api.failSignOut = new ApiRequestError(0, 'network.offline', { zh: '无法连接教学服务器', en: 'No connection to the teaching server' });
    const service = new TeachingService('zh-CN', deps(api, memoryStore(), visited));
    await service.signOut();
    expect(visited).toEqual([]);
    expect(service.getState().signOutError?.en).toBe('No connection to the teaching server');
  });

  describe('the session clock', () => {
    it('starts the clock on the server and shows the state it answered with', async () => {
      const api = new FakeApi(RESIDENT, SESSION);
      const service = new TeachingService('zh-CN', deps(api));
      service.attach(new FakeViewer(), STUDY);
      await settleAll();
      expect(service.getState().record?.version).toBe(1);
      await service.runClock('startClock');
      expect(api.writes).toEqual(['command session-1 v1 startClock']);
      expect(service.getState().record?.version).toBe(2);
      expect(service.getState().record?.session.timer.intervals).toHaveLength(1);
      expect(service.getState().clockAction).toEqual({ state: 'idle' });
    });

    it('shows the refusal and then the session as it now stands, when it moved on elsewhere', async () => {
      const api = new FakeApi(RESIDENT, SESSION);
      const service = new TeachingService('zh-CN', deps(api));
      service.attach(new FakeViewer(), STUDY);
      await settleAll();
      // Started at the tutor's workstation meanwhile: this page still shows it not started.
      await api.runCommand('session-1', 1, { type: 'startClock' });
      await service.runClock('startClock');
      expect(service.getState().clockAction).toMatchObject({ state: 'refused', messages: { zh: expect.any(String), en: expect.any(String) } });
      expect(service.getState().record?.version).toBe(2);
      expect(service.getState().record?.session.timer.intervals).toHaveLength(1);
    });
  });

  describe('imaging signs from drawings (4.3)', () => {
    const findingsOf = (service: TeachingService) => (service.getState().work['4.3'] as { findings: Array<{ id: string; kind: string; description: string; annotationIds: string[] }> } | undefined)?.findings;

    it("makes every drawing of the resident a positive sign at once, whose description follows the drawing's label until edited", async () => {
      const api = new FakeApi(RESIDENT, SESSION);
      const service = new TeachingService('zh-CN', deps(api));
      const viewer = new FakeViewer();
      service.attach(viewer, STUDY);
      await settleAll();
      viewer.emit({ type: 'upsert', annotation: annotation('n1') });
      expect(findingsOf(service)).toEqual([expect.objectContaining({ kind: 'positive', description: '长度 10 mm', annotationIds: ['n1'] })]);
      viewer.emit({ type: 'upsert', annotation: annotation('n1', '右上叶结节') });
      expect(findingsOf(service)?.[0]?.description).toBe('右上叶结节');
      const [finding] = findingsOf(service)!;
      service.editFindings([{ ...finding!, description: '右肺上叶实性结节', location: '', pathology: '' } as never]);
      viewer.emit({ type: 'upsert', annotation: annotation('n1', 'Nodule') });
      expect(findingsOf(service)?.[0]?.description).toBe('右肺上叶实性结节');
      await settleAll();
      expect(api.writes.filter(write => write.includes('saveWork'))).not.toHaveLength(0);
      expect((api.session!.stages['4.3'].work as { findings: unknown[] }).findings).toHaveLength(1);
    });

    it('asks before the sign of a deleted drawing goes, and never links a drawing twice', async () => {
      const api = new FakeApi(RESIDENT, SESSION);
      const service = new TeachingService('zh-CN', deps(api));
      const viewer = new FakeViewer();
      service.attach(viewer, STUDY);
      await settleAll();
      viewer.emit({ type: 'upsert', annotation: annotation('n1', '结节') });
      viewer.emit({ type: 'upsert', annotation: annotation('n1', '结节') });
      expect(findingsOf(service)).toHaveLength(1);
      viewer.emit({ type: 'remove', uid: 'n1' });
      expect(service.getState().orphanFinding).toMatchObject({ description: '结节' });
      expect(findingsOf(service)?.[0]?.annotationIds).toEqual([]);
      service.resolveOrphanFinding(true);
      expect(findingsOf(service)).toEqual([]);
    });

    it('never takes a drawing shown only for the comparison for the person\'s: not listed, not saved, no sign', async () => {
      const api = new FakeApi(RESIDENT, SESSION);
      const shown = new Set(['ref-1', 'ref-2']);
      const service = new TeachingService('zh-CN', { ...deps(api), shownForComparison: uid => shown.has(uid) });
      const viewer = new FakeViewer([annotation('ref-2')]);
      service.attach(viewer, STUDY);
      await settleAll();
      expect(service.getState().annotations).toEqual([]);
      viewer.emit({ type: 'upsert', annotation: annotation('ref-1', '参考结节') });
      viewer.emit({ type: 'upsert', annotation: annotation('n1', '结节') });
      viewer.emit({ type: 'upsert', annotation: annotation('ref-1', '参考结节 14 mm') });
      await settleAll();
      expect(service.getState().annotations.map(item => item.uid)).toEqual(['n1']);
      expect(findingsOf(service)?.map(finding => finding.annotationIds)).toEqual([['n1']]);
      expect(api.writes.filter(write => write.startsWith('put'))).toEqual(['put session-1 n1 v0 结节']);
      // Taken off the images again: neither a deletion to save nor a sign left without its drawing.
      viewer.emit({ type: 'remove', uid: 'ref-1' });
      viewer.emit({ type: 'clear', uids: ['ref-2', 'n1'] });
      await settleAll();
      expect(service.getState().orphanFinding).toBeUndefined();
      expect(api.writes.filter(write => write.startsWith('delete'))).toEqual(['delete session-1 n1 v1']);
    });

    it("leaves the tutor's drawings out of the resident's signs", async () => {
      const tutor = person('tutor-1', 'tutor', '王建华');
      const api = new FakeApi(tutor, SESSION);
      const service = new TeachingService('zh-CN', deps(api));
      const viewer = new FakeViewer();
      service.attach(viewer, STUDY);
      await settleAll();
      viewer.emit({ type: 'upsert', annotation: annotation('t1', '更正') });
      expect(findingsOf(service)).toBeUndefined();
    });

    it('asks to name a new drawing from the sign list, and names the finding and the drawing with what is chosen', async () => {
      const api = new FakeApi(RESIDENT, SESSION);
      const service = new TeachingService('zh-CN', { ...deps(api), signVocabulary: () => ({ CT: [{ zh: '肺结节', en: 'pulmonary nodule' }] }) });
      const viewer = new FakeViewer();
      service.attach(viewer, STUDY);
      await settleAll();
      expect(service.departmentSigns()).toEqual({ CT: [{ zh: '肺结节', en: 'pulmonary nodule' }] });
      viewer.emit({ type: 'upsert', annotation: annotation('n1') });
      const [finding] = findingsOf(service)!;
      expect(service.getState().labelling).toEqual({ findingId: finding!.id, text: '', fromDrawing: true });
      service.editLabelling('磨玻');
      expect(service.getState().labelling?.text).toBe('磨玻');
      service.labelFinding(finding!.id, ' 磨玻璃影 ');
      expect(service.getState().labelling).toBeUndefined();
      expect(findingsOf(service)?.[0]?.description).toBe('磨玻璃影');
      expect(viewer.calls).toContain('rename n1 磨玻璃影');
      // The host's answer to the rename: the description stays the sign, and follows a later relabel.
      viewer.emit({ type: 'upsert', annotation: annotation('n1', '磨玻璃影') });
      viewer.emit({ type: 'upsert', annotation: annotation('n1', '混合磨玻璃结节') });
      expect(findingsOf(service)?.[0]?.description).toBe('混合磨玻璃结节');

      // Asked for on a finding there already; closing leaves it as it was.
      service.startLabelling(finding!.id);
      expect(service.getState().labelling).toEqual({ findingId: finding!.id, text: '', fromDrawing: false });
      service.cancelLabelling();
      expect(service.getState().labelling).toBeUndefined();
      expect(findingsOf(service)?.[0]?.description).toBe('混合磨玻璃结节');
      service.startLabelling('no-such-finding');
      expect(service.getState().labelling).toBeUndefined();
    });
  });
});
