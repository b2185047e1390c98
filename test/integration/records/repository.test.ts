import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCommand, sessionCreatedEvent, type Applied } from '../../../src/core/rules/applyCommand';
import { replaySession } from '../../../src/core/rules/replaySession';
import type { Actor } from '../../../src/core/session/people';
import type { TeachingSession } from '../../../src/core/session/session';
import { emptyReport, emptyWork } from '../../../src/core/session/stageWork';
import { CASE_SCHEMA_VERSION, type TeachingCase } from '../../../src/core/session/teachingCase';
import { DatabaseStartError, openDatabase, type DatabaseLocation, type OpenDatabase } from '../../../src/records/db/openDatabase';
import { KyselyRepository } from '../../../src/records/repository/kyselyRepository';
import type { Account, Idempotency, StoredAnnotation, StoredCaseAnnotation, Versioned, WriteResult } from '../../../src/records/repository/RecordsRepository';
import { DEFAULT_CATEGORIES } from '../../../src/core/library/defaultCategories';
import { fullMarks, newSession, OTHER_TUTOR, RESIDENT, TUTOR } from '../../fixtures/sessionRules';
import { storedSignComparison } from '../../fixtures/storedSignComparison';
import { freshSchemaName, TEST_DATABASE_URL, testDatabases } from '../../support/postgres';

const databases = testDatabases();
afterAll(() => databases.cleanup());

/** The department every test works in, and one that must never see its records. */
const DEPT = 'dept-radiology';
const OTHER_DEPT = 'dept-ultrasound';
const T0 = '2026-09-01T02:00:00.000Z';
const SEEDED_CASE = 'case-ct-nodule';

const minute = (n: number) => new Date(Date.parse('2026-11-02T01:00:00.000Z') + n * 60_000).toISOString();

function makeAccount(id: string, departmentId: string, overrides: Partial<Account> = {}): Account {
  return {
    id,
    departmentId,
    username: id,
    name: '李明',
    role: 'resident',
    trainingYear: 2,
    active: true,
    passwordHash: 'scrypt$16384$salt$hash',
    externalSubject: null,
    failedSignIns: 0,
    lockedUntil: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

function makeCase(id: string, overrides: Partial<TeachingCase> = {}): TeachingCase {
  return {
    schemaVersion: CASE_SCHEMA_VERSION,
    id,
    title: '右肺上叶磨玻璃结节',
    studyInstanceUIDs: ['1.2.826.0.1.3680043.8.498.1'],
    modality: 'CT',
    bodyPart: '胸部',
    category: 'respiratory',
    trainingYear: 2,
    realTime: false,
    objectives: ['描述磨玻璃结节的形态与密度'],
    preparedBy: TUTOR.id,
    createdAt: T0,
    ...overrides,
  };
}

/** The value of a write that must have been written; anything else fails with the outcome it got. */
function written<T>(result: WriteResult<T>): T {
  if (result.outcome !== 'written') return expect.fail(`expected the write to be written, got ${JSON.stringify(result)}`);
  return result.value;
}

/** The next step of a session by the core's rules; a refusal is a mistake in the test. */
function step(session: TeachingSession, command: unknown, actor: Actor, seq: number): Applied {
  const result = applyCommand(session, command, actor, minute(seq), seq);
  if (!result.ok) return expect.fail(`${JSON.stringify(command).slice(0, 80)} was refused: ${result.problem.message.en}`);
  return result.value;
}

const sessionResponse = (accountId: string, key: string): Idempotency => ({
  accountId,
  key,
  response: value => ({ status: 200, body: { version: (value as Versioned<TeachingSession>).version, message: '已保存 ✓' } }),
});

describe.each(['sqlite', 'postgres'] as const)('records repository on %s', kind => {
  let database: OpenDatabase;
  let repo: KyselyRepository;

  beforeAll(async () => {
    database = await openDatabase(databases.locations[kind]);
    repo = new KyselyRepository(database.db);
    await repo.createDepartment({ id: DEPT, name: '放射科', createdAt: T0 });
    await repo.createDepartment({ id: OTHER_DEPT, name: '超声科', createdAt: T0 });
    expect(await repo.createAccount(makeAccount(RESIDENT.id, DEPT))).toBe(true);
    expect(await repo.createAccount(makeAccount(TUTOR.id, DEPT, { role: 'tutor', trainingYear: null, name: '王老师' }))).toBe(true);
    expect(await repo.createAccount(makeAccount(OTHER_TUTOR.id, OTHER_DEPT, { role: 'tutor', trainingYear: null, name: '孙老师' }))).toBe(true);
    await repo.createCase(DEPT, makeCase(SEEDED_CASE), T0);
  });

  // The repository owns the connection; closing it through `database` as well would end the pool twice.
  afterAll(() => repo?.close());

  /** A scheduled session of the seeded case in DEPT, stored with its creation event. */
  async function storedSession(id: string): Promise<TeachingSession> {
    const session = { ...newSession(), id };
    await repo.createSession(DEPT, session, sessionCreatedEvent(session, TUTOR, T0));
    return session;
  }

  describe('opening', () => {
    it('opens the same database again without re-running its migrations, and sees what is there', async () => {
      const again = await openDatabase(databases.locations[kind]);
      try {
        const seen = new KyselyRepository(again.db);
        expect(await seen.findDepartment(DEPT)).toEqual({ id: DEPT, name: '放射科', createdAt: T0 });
        expect(await seen.getCase(DEPT, SEEDED_CASE)).toMatchObject({ version: 1 });
      } finally {
        await again.close();
      }
    });

    it('keeps a second database of the same kind apart from the first', async () => {
      // On PostgreSQL the second is another schema in the same database, as another installation or test run would be.
      const other = await openDatabase(databases.fresh(kind));
      try {
        const separate = new KyselyRepository(other.db);
        expect(await separate.findDepartment(DEPT)).toBeUndefined();
        await separate.createDepartment({ id: 'dept-elsewhere', name: '别处', createdAt: T0 });
        expect(await repo.findDepartment('dept-elsewhere')).toBeUndefined();
      } finally {
        await other.close();
      }
    });
  });

  describe('departments', () => {
    it('stores a department and finds it by id only', async () => {
      expect(await repo.findDepartment(DEPT)).toEqual({ id: DEPT, name: '放射科', createdAt: T0 });
      expect(await repo.findDepartment('dept-nowhere')).toBeUndefined();
    });
  });

  describe('accounts', () => {
    it('creates an account and reads back every field', async () => {
      const account = makeAccount('resident-zhou', DEPT, { name: '周医生 👩‍⚕️', trainingYear: 3, active: false });
      expect(await repo.createAccount(account)).toBe(true);
      expect(await repo.getAccount(DEPT, account.id)).toEqual(account);
      expect(await repo.findAccountByUsername('resident-zhou')).toEqual(account);
      expect(await repo.getAccount(OTHER_DEPT, account.id)).toBeUndefined();
    });

    it('refuses a username already taken, even in another department', async () => {
      expect(await repo.createAccount(makeAccount('resident-copy', OTHER_DEPT, { username: RESIDENT.id }))).toBe(false);
      expect(await repo.getAccount(OTHER_DEPT, 'resident-copy')).toBeUndefined();
      expect((await repo.findAccountByUsername(RESIDENT.id))?.departmentId).toBe(DEPT);
    });

    it('finds people who sign in with OIDC by subject within their own department', async () => {
      // One identity provider may serve two departments: the same subject is a different person in each.
      expect(await repo.createAccount(makeAccount('oidc-a', DEPT, { passwordHash: null, externalSubject: 'sub|42' }))).toBe(true);
      expect(await repo.createAccount(makeAccount('oidc-b', OTHER_DEPT, { passwordHash: null, externalSubject: 'sub|42' }))).toBe(true);
      expect((await repo.findAccountBySubject(DEPT, 'sub|42'))?.id).toBe('oidc-a');
      expect((await repo.findAccountBySubject(OTHER_DEPT, 'sub|42'))?.id).toBe('oidc-b');
      expect(await repo.findAccountBySubject(DEPT, 'sub|43')).toBeUndefined();
    });

    it('lists a department’s accounts by username, and no one else’s', async () => {
      await repo.createDepartment({ id: 'dept-list-accounts', name: '核医学科', createdAt: T0 });
      for (const id of ['zz-last', 'aa-first', 'mm-middle']) expect(await repo.createAccount(makeAccount(id, 'dept-list-accounts'))).toBe(true);
      expect((await repo.listAccounts('dept-list-accounts')).map(account => account.id)).toEqual(['aa-first', 'mm-middle', 'zz-last']);
      expect((await repo.listAccounts(OTHER_DEPT)).map(account => account.id)).not.toContain('aa-first');
    });

    it('updates against the version read, refusing a stale one and another department’s id', async () => {
      await repo.createAccount(makeAccount('resident-update', DEPT));
      const updated = written(await repo.updateAccount(DEPT, 'resident-update', 1, { name: '新名字', trainingYear: 3 }, minute(1)));
      expect(updated).toMatchObject({ name: '新名字', trainingYear: 3, version: 2, updatedAt: minute(1), passwordHash: 'scrypt$16384$salt$hash' });
      expect(await repo.getAccount(DEPT, 'resident-update')).toEqual(updated);

      expect(await repo.updateAccount(DEPT, 'resident-update', 1, { name: '旧版本' }, minute(2))).toEqual({ outcome: 'conflict' });
      expect(await repo.updateAccount(OTHER_DEPT, 'resident-update', 2, { name: '别的科' }, minute(2))).toEqual({ outcome: 'notFound' });
      expect(await repo.updateAccount(DEPT, 'resident-nobody', 1, { name: '没有人' }, minute(2))).toEqual({ outcome: 'notFound' });
      expect(await repo.getAccount(DEPT, 'resident-update')).toEqual(updated);

      const deactivated = written(await repo.updateAccount(DEPT, 'resident-update', 2, { active: false }, minute(3)));
      expect(deactivated).toMatchObject({ active: false, name: '新名字', version: 3 });
    });

    it('counts failed sign-ins and clears them', async () => {
      await repo.createAccount(makeAccount('resident-locked', DEPT));
      await repo.recordSignInFailure('resident-locked', null);
      await repo.recordSignInFailure('resident-locked', minute(15));
      expect(await repo.getAccount(DEPT, 'resident-locked')).toMatchObject({ failedSignIns: 2, lockedUntil: minute(15), version: 1 });
      await repo.clearSignInFailures('resident-locked');
      expect(await repo.getAccount(DEPT, 'resident-locked')).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    });

    it('clears a lockout when the password is changed', async () => {
      await repo.createAccount(makeAccount('resident-reset', DEPT));
      await repo.recordSignInFailure('resident-reset', minute(15));
      const reset = written(await repo.updateAccount(DEPT, 'resident-reset', 1, { passwordHash: 'scrypt$new' }, minute(1)));
      expect(reset).toMatchObject({ passwordHash: 'scrypt$new', failedSignIns: 0, lockedUntil: null, version: 2 });
      expect(await repo.getAccount(DEPT, 'resident-reset')).toEqual(reset);
    });
  });

  describe('auth sessions', () => {
    it('finds a session with its account, extends and deletes it', async () => {
      await repo.createAuthSession('hash-1', RESIDENT.id, minute(0), minute(60));
      const found = await repo.findAuthSession('hash-1');
      expect(found).toEqual({ account: await repo.getAccount(DEPT, RESIDENT.id), expiresAt: minute(60) });
      expect(found?.account.username).toBe(RESIDENT.id);
      expect(await repo.findAuthSession('hash-unknown')).toBeUndefined();

      await repo.extendAuthSession('hash-1', minute(120));
      expect((await repo.findAuthSession('hash-1'))?.expiresAt).toBe(minute(120));

      await repo.deleteAuthSession('hash-1');
      expect(await repo.findAuthSession('hash-1')).toBeUndefined();
    });

    it('deletes every session of one account and leaves others signed in', async () => {
      await repo.createAuthSession('hash-phone', RESIDENT.id, minute(0), minute(60));
      await repo.createAuthSession('hash-laptop', RESIDENT.id, minute(0), minute(60));
      await repo.createAuthSession('hash-tutor', TUTOR.id, minute(0), minute(60));
      await repo.deleteAuthSessionsOf(RESIDENT.id);
      expect(await repo.findAuthSession('hash-phone')).toBeUndefined();
      expect(await repo.findAuthSession('hash-laptop')).toBeUndefined();
      expect((await repo.findAuthSession('hash-tutor'))?.account.id).toBe(TUTOR.id);
    });
  });

  describe('cases', () => {
    it('stores a case and reads it back at version 1, only in its department', async () => {
      const teachingCase = makeCase('case-read', { referenceAnswer: { findings: [], diagnosis: '周围型肺癌', report: { examination: '胸部 CT', clinicalInformation: '', technique: '', findings: '', impression: '', recommendations: '' } } });
      await repo.createCase(DEPT, teachingCase, T0);
      expect(await repo.getCase(DEPT, 'case-read')).toEqual({ record: teachingCase, version: 1 });
      expect(await repo.getCase(OTHER_DEPT, 'case-read')).toBeUndefined();
      expect(await repo.getCase(DEPT, 'case-missing')).toBeUndefined();
    });

    it('lists cases by training year, category, modality and ids', async () => {
      const dept = 'dept-list-cases';
      await repo.createDepartment({ id: dept, name: '影像科', createdAt: T0 });
      await repo.createCase(dept, makeCase('list-1', { trainingYear: 1, category: 'pulmonary-nodule', modality: 'CT' }), T0);
      await repo.createCase(dept, makeCase('list-2', { trainingYear: 2, category: 'stroke', modality: 'MR' }), T0);
      await repo.createCase(dept, makeCase('list-3', { trainingYear: 3, category: 'stroke', modality: 'CT' }), T0);
      await repo.createCase(OTHER_DEPT, makeCase('list-elsewhere', { trainingYear: 1, category: 'pulmonary-nodule', modality: 'CT' }), T0);
      const ids = async (filter: Parameters<KyselyRepository['listCases']>[1]) => (await repo.listCases(dept, filter)).map(entry => entry.record.id);

      expect(await ids({})).toEqual(['list-1', 'list-2', 'list-3']);
      expect(await ids({ trainingYear: 1 })).toEqual(['list-1']);
      expect(await ids({ category: 'stroke' })).toEqual(['list-2', 'list-3']);
      expect(await ids({ modality: 'CT' })).toEqual(['list-1', 'list-3']);
      expect(await ids({ modality: 'CT', category: 'stroke' })).toEqual(['list-3']);
      expect(await ids({ ids: ['list-3', 'list-1', 'list-elsewhere', 'list-none'] })).toEqual(['list-1', 'list-3']);
      expect(await ids({ ids: [] })).toEqual([]);
      expect((await repo.listCases(dept, { trainingYear: 2 }))[0]).toEqual({ record: makeCase('list-2', { trainingYear: 2, category: 'stroke', modality: 'MR' }), version: 1 });
    });

    it('updates against the version read, and the filters follow the new record', async () => {
      await repo.createCase(DEPT, makeCase('case-update', { modality: 'CT', trainingYear: 1 }), T0);
      const changed = makeCase('case-update', { modality: 'MR', trainingYear: 3, title: '改为 MR' });
      expect(written(await repo.updateCase(DEPT, 'case-update', 1, changed, minute(1)))).toEqual({ record: changed, version: 2 });
      expect(await repo.getCase(DEPT, 'case-update')).toEqual({ record: changed, version: 2 });
      expect((await repo.listCases(DEPT, { ids: ['case-update'], modality: 'MR', trainingYear: 3 })).map(entry => entry.version)).toEqual([2]);
      expect(await repo.listCases(DEPT, { ids: ['case-update'], modality: 'CT' })).toEqual([]);

      expect(await repo.updateCase(DEPT, 'case-update', 1, makeCase('case-update', { title: '过期' }), minute(2))).toEqual({ outcome: 'conflict' });
      expect(await repo.updateCase(OTHER_DEPT, 'case-update', 2, makeCase('case-update', { title: '别的科' }), minute(2))).toEqual({ outcome: 'notFound' });
      expect(await repo.updateCase(DEPT, 'case-none', 1, makeCase('case-none'), minute(2))).toEqual({ outcome: 'notFound' });
      expect(await repo.getCase(DEPT, 'case-update')).toEqual({ record: changed, version: 2 });
    });

    it('stores Chinese, emoji and markup verbatim', async () => {
      const title = '右肺上叶结节 🫁 <b>x</b>';
      // Quotes, backslashes and NUL must survive the JSON text; PostgreSQL text refuses a raw NUL.
      const objectives = ['描述 "分叶" 与 \\ 毛刺征', 'NUL\u0000here', '𠮷野家 — ½ ≤ ∞'];
      await repo.createCase(DEPT, makeCase('case-unicode', { title, objectives, category: 'unicode-case' }), T0);
      const stored = await repo.getCase(DEPT, 'case-unicode');
      expect(stored?.record.title).toBe(title);
      expect(stored?.record.objectives).toEqual(objectives);
      expect((await repo.listCases(DEPT, { category: 'unicode-case' })).map(entry => entry.record.title)).toEqual([title]);
    });
  });

  describe('teaching sessions', () => {
    it('stores a session with its creation event, only in its department', async () => {
      const session = await storedSession('session-create');
      expect(await repo.getSession(DEPT, 'session-create')).toEqual({ record: session, version: 1 });
      expect(await repo.listEvents(DEPT, 'session-create')).toEqual([{ event: sessionCreatedEvent(session, TUTOR, T0), command: null }]);

      expect(await repo.getSession(OTHER_DEPT, 'session-create')).toBeUndefined();
      expect(await repo.listEvents(OTHER_DEPT, 'session-create')).toEqual([]);
      expect((await repo.listSessions(OTHER_DEPT, {})).map(entry => entry.record.id)).not.toContain('session-create');
      expect((await repo.listSessions(DEPT, { residentId: RESIDENT.id })).map(entry => entry.record.id)).toContain('session-create');
      expect((await repo.listSessions(DEPT, { tutorId: OTHER_TUTOR.id })).map(entry => entry.record.id)).not.toContain('session-create');
      expect((await repo.listSessions(DEPT, { caseIds: [SEEDED_CASE] })).map(entry => entry.record.id)).toContain('session-create');
      expect(await repo.listSessions(DEPT, { caseIds: [] })).toEqual([]);
    });

    it('appends events whose history replays to exactly the stored state', async () => {
      let session = await storedSession('session-replay');
      const work = emptyWork()['4.1'];
      work.summary = '咳嗽 2 周，吸烟史 20 年 🚬 <i>见附件</i>';
      const commands: Array<[unknown, Actor]> = [
        [{ type: 'startClock' }, TUTOR],
        [{ type: 'saveWork', stage: '4.1', work }, RESIDENT],
        [{ type: 'submitStage', stage: '4.1' }, RESIDENT],
      ];
      for (const [command, actor] of commands) {
        const stored = (await repo.getSession(DEPT, session.id))!;
        const next = step(session, command, actor, stored.version + 1);
        expect(written(await repo.appendEvent(DEPT, session.id, { expectedVersion: stored.version, event: next.event, command, state: next.session }))).toEqual({
          record: next.session,
          version: stored.version + 1,
        });
        session = next.session;
      }
      const evaluate = { type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(session, '4.1') };
      const evaluated = step(session, evaluate, TUTOR, 5);
      written(await repo.appendEvent(DEPT, session.id, { expectedVersion: 4, event: evaluated.event, command: evaluate, state: evaluated.session }));

      const history = await repo.listEvents(DEPT, session.id);
      expect(history.map(entry => entry.event.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(history.map(entry => entry.command)).toEqual([null, ...commands.map(([command]) => command), evaluate]);
      const stored = await repo.getSession(DEPT, session.id);
      expect(stored?.version).toBe(5);
      expect(replaySession(history.map(entry => entry.event))).toStrictEqual(stored?.record);
      expect(stored?.record).toEqual(evaluated.session);
      expect(stored?.record.stages['4.1'].work).toEqual(work);
    });

    it('refuses an append on a stale version and leaves the history as it was', async () => {
      const session = await storedSession('session-stale');
      const first = step(session, { type: 'startClock' }, TUTOR, 2);
      written(await repo.appendEvent(DEPT, session.id, { expectedVersion: 1, event: first.event, command: { type: 'startClock' }, state: first.session }));
      const late = step(session, { type: 'reschedule', schedule: { plannedAt: minute(90), place: '阅片室 3' } }, TUTOR, 2);
      expect(await repo.appendEvent(DEPT, session.id, { expectedVersion: 1, event: late.event, command: {}, state: late.session })).toEqual({ outcome: 'conflict' });
      expect(await repo.getSession(DEPT, session.id)).toEqual({ record: first.session, version: 2 });
      expect((await repo.listEvents(DEPT, session.id)).map(entry => entry.event.type)).toEqual(['createSession', 'startClock']);
    });

    it('writes exactly one of two appends racing on the same version', async () => {
      const session = await storedSession('session-race');
      const tutorStep = step(session, { type: 'startClock' }, TUTOR, 2);
      const residentStep = step(session, { type: 'saveWork', stage: '4.1', work: emptyWork()['4.1'] }, RESIDENT, 2);
      const results = await Promise.all(
        [tutorStep, residentStep].map(next => repo.appendEvent(DEPT, session.id, { expectedVersion: 1, event: next.event, command: { type: next.event.type }, state: next.session })),
      );
      expect(results.map(result => result.outcome).sort()).toEqual(['conflict', 'written']);
      const winner = results[0]!.outcome === 'written' ? tutorStep : residentStep;
      const history = await repo.listEvents(DEPT, session.id);
      expect(history.map(entry => entry.event)).toEqual([sessionCreatedEvent(session, TUTOR, T0), winner.event]);
      expect(await repo.getSession(DEPT, session.id)).toEqual({ record: winner.session, version: 2 });
      expect(replaySession(history.map(entry => entry.event))).toEqual(winner.session);
    });

    it('answers a retried append with the first response and stores one event', async () => {
      const session = await storedSession('session-retry');
      const next = step(session, { type: 'startClock' }, TUTOR, 2);
      const write = { expectedVersion: 1, event: next.event, command: { type: 'startClock' }, state: next.session };
      const first = await repo.appendEvent(DEPT, session.id, write, sessionResponse(TUTOR.id, 'key-retry'));
      expect(first).toEqual({ outcome: 'written', value: { record: next.session, version: 2 }, response: { status: 200, body: { version: 2, message: '已保存 ✓' } } });
      const again = await repo.appendEvent(DEPT, session.id, write, sessionResponse(TUTOR.id, 'key-retry'));
      expect(again).toEqual({ outcome: 'repeated', response: { status: 200, body: { version: 2, message: '已保存 ✓' } } });
      expect(await repo.findIdempotentResponse(TUTOR.id, 'key-retry')).toEqual({ status: 200, body: { version: 2, message: '已保存 ✓' } });
      expect(await repo.listEvents(DEPT, session.id)).toHaveLength(2);

      // Keys belong to the account that sent them: someone else's same key is a request of its own.
      const resident = step(next.session, { type: 'saveWork', stage: '4.1', work: emptyWork()['4.1'] }, RESIDENT, 3);
      const own = await repo.appendEvent(DEPT, session.id, { expectedVersion: 2, event: resident.event, command: {}, state: resident.session }, sessionResponse(RESIDENT.id, 'key-retry'));
      expect(own).toMatchObject({ outcome: 'written', response: { body: { version: 3 } } });
      expect(await repo.listEvents(DEPT, session.id)).toHaveLength(3);
    });

    it('answers a retry racing its original with the original’s response', async () => {
      // A client that timed out resends while the first request is still being written.
      const session = await storedSession('session-retry-race');
      const next = step(session, { type: 'startClock' }, TUTOR, 2);
      const write = { expectedVersion: 1, event: next.event, command: { type: 'startClock' }, state: next.session };
      const results = await Promise.all([1, 2].map(() => repo.appendEvent(DEPT, session.id, write, sessionResponse(TUTOR.id, 'key-race'))));
      expect(results.map(result => result.outcome).sort()).toEqual(['repeated', 'written']);
      const repeated = results.find(result => result.outcome === 'repeated');
      expect(repeated).toEqual({ outcome: 'repeated', response: { status: 200, body: { version: 2, message: '已保存 ✓' } } });
      expect(await repo.listEvents(DEPT, session.id)).toHaveLength(2);
    });

    it('does not let another department append to a session', async () => {
      const session = await storedSession('session-isolated');
      const next = step(session, { type: 'startClock' }, TUTOR, 2);
      expect(await repo.appendEvent(OTHER_DEPT, session.id, { expectedVersion: 1, event: next.event, command: {}, state: next.session })).toEqual({ outcome: 'notFound' });
      expect(await repo.appendEvent(DEPT, 'session-none', { expectedVersion: 1, event: next.event, command: {}, state: next.session })).toEqual({ outcome: 'notFound' });
      expect(await repo.getSession(DEPT, session.id)).toEqual({ record: session, version: 1 });
      expect(await repo.listEvents(DEPT, session.id)).toHaveLength(1);
    });
  });

  describe('annotations', () => {
    const SESSION = 'session-annotations';
    beforeAll(() => storedSession(SESSION));

    function drawn(uid: string, label: string, updatedAt = minute(1)): Omit<StoredAnnotation, 'version'> {
      return {
        sessionId: SESSION,
        uid,
        authorId: RESIDENT.id,
        authorRole: 'resident',
        studyInstanceUID: '1.2.826.0.1.3680043.8.498.1',
        seriesInstanceUID: '1.2.826.0.1.3680043.8.498.2',
        sopInstanceUID: '1.2.826.0.1.3680043.8.498.3',
        frameNumber: null,
        // Keys out of alphabetical order: the record must come back in the order cornerstoneTools wrote it.
        annotation: { metadata: { toolName: 'Length', FrameOfReferenceUID: '1.2.3' }, data: { label, handles: { points: [[1.5, -2, 3], [4, 5, 6.25]] } }, annotationUID: uid, zIndex: 1, a: null },
        updatedAt,
      };
    }

    it('creates at version 0, replaces against the version read and deletes with it', async () => {
      const original = drawn('ann-1', '结节 14 mm');
      expect(written(await repo.putAnnotation(DEPT, original, 0))).toEqual({ ...original, version: 1 });
      const listed = await repo.listAnnotations(DEPT, SESSION);
      expect(listed).toEqual([{ ...original, version: 1 }]);
      expect(JSON.stringify(listed[0]!.annotation)).toBe(JSON.stringify(original.annotation));

      expect(await repo.putAnnotation(DEPT, drawn('ann-1', '又一次创建'), 0)).toEqual({ outcome: 'conflict' });
      const moved = { ...drawn('ann-1', '结节 15 mm', minute(2)), frameNumber: 3 };
      expect(written(await repo.putAnnotation(DEPT, moved, 1))).toEqual({ ...moved, version: 2 });
      expect(await repo.putAnnotation(DEPT, drawn('ann-1', '过期的'), 1)).toEqual({ outcome: 'conflict' });
      expect(await repo.listAnnotations(DEPT, SESSION)).toEqual([{ ...moved, version: 2 }]);

      expect(await repo.deleteAnnotation(DEPT, SESSION, 'ann-1', 1)).toEqual({ outcome: 'conflict' });
      expect(written(await repo.deleteAnnotation(DEPT, SESSION, 'ann-1', 2))).toBeNull();
      expect(await repo.listAnnotations(DEPT, SESSION)).toEqual([]);
      expect(await repo.deleteAnnotation(DEPT, SESSION, 'ann-1', 2)).toEqual({ outcome: 'notFound' });
      expect(await repo.deleteAnnotation(DEPT, SESSION, 'ann-never', 1)).toEqual({ outcome: 'notFound' });
    });

    it('creates exactly one of two racing creations of the same annotation', async () => {
      const results = await Promise.all(['第一', '第二'].map(label => repo.putAnnotation(DEPT, drawn('ann-race', label), 0)));
      expect(results.map(result => result.outcome).sort()).toEqual(['conflict', 'written']);
      const winner = results.find(result => result.outcome === 'written')!;
      expect(await repo.listAnnotations(DEPT, SESSION)).toEqual([(winner as { value: StoredAnnotation }).value]);
      written(await repo.deleteAnnotation(DEPT, SESSION, 'ann-race', 1));
    });

    it('answers a retried put or delete with the first response', async () => {
      const idempotency = (key: string): Idempotency => ({ accountId: RESIDENT.id, key, response: value => ({ status: 201, body: value }) });
      const annotation = drawn('ann-retry', '重试');
      const first = await repo.putAnnotation(DEPT, annotation, 0, idempotency('put-retry'));
      expect(first).toEqual({ outcome: 'written', value: { ...annotation, version: 1 }, response: { status: 201, body: { ...annotation, version: 1 } } });
      expect(await repo.putAnnotation(DEPT, annotation, 0, idempotency('put-retry'))).toEqual({ outcome: 'repeated', response: { status: 201, body: { ...annotation, version: 1 } } });
      expect(await repo.listAnnotations(DEPT, SESSION)).toEqual([{ ...annotation, version: 1 }]);

      expect(written(await repo.deleteAnnotation(DEPT, SESSION, 'ann-retry', 1, idempotency('delete-retry')))).toBeNull();
      expect(await repo.deleteAnnotation(DEPT, SESSION, 'ann-retry', 1, idempotency('delete-retry'))).toEqual({ outcome: 'repeated', response: { status: 201, body: null } });
      expect(await repo.listAnnotations(DEPT, SESSION)).toEqual([]);
    });

    it('does not let another department list, add, replace or delete a session’s annotations', async () => {
      const annotation = drawn('ann-mine', '本科室');
      written(await repo.putAnnotation(DEPT, annotation, 0));
      expect(await repo.listAnnotations(OTHER_DEPT, SESSION)).toEqual([]);
      expect(await repo.putAnnotation(OTHER_DEPT, drawn('ann-theirs', '外科室'), 0)).toEqual({ outcome: 'notFound' });
      expect(await repo.putAnnotation(OTHER_DEPT, drawn('ann-mine', '覆盖'), 0)).toEqual({ outcome: 'notFound' });
      expect(await repo.putAnnotation(OTHER_DEPT, drawn('ann-mine', '覆盖'), 1)).toEqual({ outcome: 'notFound' });
      expect(await repo.deleteAnnotation(OTHER_DEPT, SESSION, 'ann-mine', 1)).toEqual({ outcome: 'notFound' });
      expect(await repo.listAnnotations(DEPT, SESSION)).toEqual([{ ...annotation, version: 1 }]);
    });

    it('finds no session to annotate behind an unknown id', async () => {
      expect(await repo.putAnnotation(DEPT, { ...drawn('ann-orphan', '无主'), sessionId: 'session-none' }, 0)).toEqual({ outcome: 'notFound' });
    });
  });

  describe('the case library', () => {
    const LIBRARY = 'dept-library';
    beforeAll(async () => {
      await repo.createDepartment({ id: LIBRARY, name: '图书馆放射科', createdAt: T0 });
      expect(await repo.createAccount(makeAccount('library-tutor', LIBRARY, { role: 'tutor', trainingYear: null }))).toBe(true);
    });

    it('gives every new department the default category list at version 1, and keeps it per department', async () => {
      expect(await repo.getCategories(LIBRARY)).toEqual({ record: DEFAULT_CATEGORIES, version: 1 });
      const renamed = DEFAULT_CATEGORIES.map(category => (category.id === 'neuro' ? { ...category, name: { zh: '神经放射', en: 'Neuroradiology' } } : category));
      const withNew = [...renamed, { id: 'emergency', name: { zh: '急诊', en: 'Emergency' }, retired: false }];
      expect(written(await repo.putCategories(LIBRARY, 1, withNew, minute(1)))).toEqual({ record: withNew, version: 2 });
      expect(await repo.putCategories(LIBRARY, 1, renamed, minute(2))).toEqual({ outcome: 'conflict' });
      expect(await repo.getCategories(LIBRARY)).toEqual({ record: withNew, version: 2 });
      expect(await repo.getCategories(OTHER_DEPT)).toEqual({ record: DEFAULT_CATEGORIES, version: 1 });
      // A department without a list stored (none is, normally) starts one at version 0.
      expect(await repo.getCategories('dept-none')).toEqual({ record: [], version: 0 });
      expect(await repo.putCategories(LIBRARY, 0, renamed, minute(3))).toEqual({ outcome: 'conflict' });
    });

    it('filters by who prepared the case, by text whatever its case and LIKE characters, and by retired; newest first', async () => {
      const retiredAt = { at: minute(5), by: TUTOR.id };
      await repo.createCase(LIBRARY, makeCase('lib-old', { title: 'Solitary Pulmonary Nodule', createdAt: minute(1) }), minute(1));
      await repo.createCase(LIBRARY, makeCase('lib-new', { title: '肝脏血管瘤', objectives: ['识别 100%_典型 强化'], preparedBy: 'library-tutor', createdAt: minute(3) }), minute(3));
      await repo.createCase(
        LIBRARY,
        makeCase('lib-diagnosis', { title: '胸片', createdAt: minute(2), referenceAnswer: { findings: [], diagnosis: '肺炎 pneumonia', report: emptyReport() } }),
        minute(2),
      );
      await repo.createCase(LIBRARY, makeCase('lib-retired', { title: '旧病例 nodule', createdAt: minute(4), retired: retiredAt }), minute(4));
      const ids = async (filter: Parameters<KyselyRepository['listCases']>[1]) => (await repo.listCases(LIBRARY, filter)).map(entry => entry.record.id);

      expect(await ids({ retired: false })).toEqual(['lib-new', 'lib-diagnosis', 'lib-old']);
      expect(await ids({})).toEqual(['lib-retired', 'lib-new', 'lib-diagnosis', 'lib-old']);
      expect(await ids({ retired: true })).toEqual(['lib-retired']);
      expect(await ids({ retired: 'all' })).toEqual(['lib-retired', 'lib-new', 'lib-diagnosis', 'lib-old']);
      expect(await ids({ preparedBy: 'library-tutor', retired: false })).toEqual(['lib-new']);
      expect(await ids({ q: 'pulmonary NODULE', retired: false })).toEqual(['lib-old']);
      expect(await ids({ q: 'nodule', retired: 'all' })).toEqual(['lib-retired', 'lib-old']);
      expect(await ids({ q: '血管', retired: false })).toEqual(['lib-new']);
      expect(await ids({ q: 'PNEUMONIA' })).toEqual(['lib-diagnosis']);
      // % and _ are text to look for, not wildcards.
      expect(await ids({ q: '100%_' })).toEqual(['lib-new']);
      expect(await ids({ q: '%' })).toEqual(['lib-new']);
      expect(await ids({ q: '_' })).toEqual(['lib-new']);
      expect(await ids({ q: '1_0' })).toEqual([]);

      // An edit moves the search text and the retired column with the record.
      const current = (await repo.getCase(LIBRARY, 'lib-old'))!;
      written(await repo.updateCase(LIBRARY, 'lib-old', current.version, { ...current.record, title: '孤立结节', retired: retiredAt }, minute(6)));
      expect(await ids({ q: 'pulmonary', retired: false })).toEqual([]);
      expect(await ids({ q: '孤立', retired: true })).toEqual(['lib-old']);
      expect(await repo.listUsedCategories(LIBRARY)).toEqual(['respiratory']);
      expect(await repo.countCasesByCategory(LIBRARY)).toEqual(new Map([['respiratory', 4]]));
    });

    it('lists the cases read on a study, not those that show it as a prior, and follows an edit of the study', async () => {
      const DEPT_STUDIES = 'dept-studies';
      const [current, prior, other] = ['1.2.826.0.1.3680043.8.498.70', '1.2.826.0.1.3680043.8.498.71', '1.2.826.0.1.3680043.8.498.72'];
      await repo.createDepartment({ id: DEPT_STUDIES, name: '检查科', createdAt: T0 });
      await repo.createCase(DEPT_STUDIES, makeCase('study-now', { studyInstanceUIDs: [current, prior], createdAt: minute(2) }), minute(2));
      await repo.createCase(DEPT_STUDIES, makeCase('study-prior-read', { studyInstanceUIDs: [prior], createdAt: minute(1) }), minute(1));
      await repo.createCase(DEPT_STUDIES, makeCase('study-retired', { studyInstanceUIDs: [current], createdAt: minute(3), retired: { at: minute(4), by: TUTOR.id } }), minute(3));
      await repo.createCase(OTHER_DEPT, makeCase('study-elsewhere', { studyInstanceUIDs: [current] }), minute(1));
      const ids = async (filter: Parameters<KyselyRepository['listCases']>[1]) => (await repo.listCases(DEPT_STUDIES, filter)).map(entry => entry.record.id);

      expect(await ids({ studyInstanceUID: current })).toEqual(['study-retired', 'study-now']);
      expect(await ids({ studyInstanceUID: current, retired: false })).toEqual(['study-now']);
      expect(await ids({ studyInstanceUID: prior })).toEqual(['study-prior-read']);
      expect(await ids({ studyInstanceUID: other })).toEqual([]);

      const stored = (await repo.getCase(DEPT_STUDIES, 'study-now'))!;
      written(await repo.updateCase(DEPT_STUDIES, 'study-now', stored.version, { ...stored.record, studyInstanceUIDs: [other, current] }, minute(5)));
      expect(await ids({ studyInstanceUID: current })).toEqual(['study-retired']);
      expect(await ids({ studyInstanceUID: other })).toEqual(['study-now']);
    });

    it('counts the sessions of every case in one answer, only in the department', async () => {
      const before = await repo.countSessionsByCase(DEPT);
      await storedSession('session-count-1');
      await storedSession('session-count-2');
      const after = await repo.countSessionsByCase(DEPT);
      expect(after.get(SEEDED_CASE)).toBe((before.get(SEEDED_CASE) ?? 0) + 2);
      expect(after.has('case-read')).toBe(false);
      expect((await repo.countSessionsByCase(OTHER_DEPT)).get(SEEDED_CASE)).toBeUndefined();
    });

    function reference(uid: string, caseId = 'lib-new', updatedAt = minute(1)): Omit<StoredCaseAnnotation, 'version'> {
      return {
        caseId,
        uid,
        authorId: TUTOR.id,
        studyInstanceUID: '1.2.826.0.1.3680043.8.498.1',
        seriesInstanceUID: '1.2.826.0.1.3680043.8.498.2',
        sopInstanceUID: '1.2.826.0.1.3680043.8.498.3',
        frameNumber: 2,
        annotation: { metadata: { toolName: 'ArrowAnnotate' }, data: { text: '参考：血管瘤', handles: { points: [[1, 2, 3]] } }, annotationUID: uid },
        updatedAt,
      };
    }

    it("versions a case's reference annotations like a session's, and keeps them from other departments", async () => {
      const first = reference('ref-1');
      expect(written(await repo.putCaseAnnotation(LIBRARY, first, 0))).toEqual({ ...first, version: 1 });
      expect(await repo.putCaseAnnotation(LIBRARY, reference('ref-1'), 0)).toEqual({ outcome: 'conflict' });
      const moved = { ...reference('ref-1', 'lib-new', minute(2)), frameNumber: 5 };
      expect(written(await repo.putCaseAnnotation(LIBRARY, moved, 1))).toEqual({ ...moved, version: 2 });
      expect(await repo.putCaseAnnotation(LIBRARY, reference('ref-1'), 1)).toEqual({ outcome: 'conflict' });
      const second = reference('ref-2', 'lib-new', minute(3));
      written(await repo.putCaseAnnotation(LIBRARY, second, 0));
      expect(await repo.listCaseAnnotations(LIBRARY, 'lib-new')).toEqual([
        { ...moved, version: 2 },
        { ...second, version: 1 },
      ]);
      expect(await repo.getCaseAnnotation(LIBRARY, 'lib-new', 'ref-2')).toEqual({ ...second, version: 1 });

      expect(await repo.listCaseAnnotations(OTHER_DEPT, 'lib-new')).toEqual([]);
      expect(await repo.getCaseAnnotation(OTHER_DEPT, 'lib-new', 'ref-2')).toBeUndefined();
      expect(await repo.putCaseAnnotation(OTHER_DEPT, reference('ref-3'), 0)).toEqual({ outcome: 'notFound' });
      expect(await repo.deleteCaseAnnotation(OTHER_DEPT, 'lib-new', 'ref-2', 1)).toEqual({ outcome: 'notFound' });
      expect(await repo.putCaseAnnotation(LIBRARY, reference('ref-orphan', 'case-none'), 0)).toEqual({ outcome: 'notFound' });

      const idempotency: Idempotency = { accountId: TUTOR.id, key: 'case-annotation-delete-1', response: () => ({ status: 204, body: null }) };
      expect(await repo.deleteCaseAnnotation(LIBRARY, 'lib-new', 'ref-2', 2)).toEqual({ outcome: 'conflict' });
      expect(written(await repo.deleteCaseAnnotation(LIBRARY, 'lib-new', 'ref-2', 1, idempotency))).toBeNull();
      expect(await repo.deleteCaseAnnotation(LIBRARY, 'lib-new', 'ref-2', 1, idempotency)).toEqual({ outcome: 'repeated', response: { status: 204, body: null } });
      expect(await repo.deleteCaseAnnotation(LIBRARY, 'lib-new', 'ref-2', 1)).toEqual({ outcome: 'notFound' });
      expect((await repo.listCaseAnnotations(LIBRARY, 'lib-new')).map(annotation => annotation.uid)).toEqual(['ref-1']);
    });

    it('stores a copy of a case with its annotations at once', async () => {
      const copy = makeCase('lib-copy', { duplicatedFrom: 'lib-new', createdAt: minute(9) });
      const annotations = [reference('copy-ref-1', 'lib-copy', minute(9)), reference('copy-ref-2', 'lib-copy', minute(9))];
      await repo.createCaseCopy(LIBRARY, copy, annotations, minute(9));
      expect(await repo.getCase(LIBRARY, 'lib-copy')).toEqual({ record: copy, version: 1 });
      expect(await repo.listCaseAnnotations(LIBRARY, 'lib-copy')).toEqual(annotations.map(annotation => ({ ...annotation, version: 1 })));
      // A clash on any annotation leaves no case behind.
      const clashing = makeCase('lib-copy-2', { createdAt: minute(9) });
      const twice = reference('same-uid', 'lib-copy-2', minute(9));
      await expect(repo.createCaseCopy(LIBRARY, clashing, [twice, twice], minute(9))).rejects.toThrow();
      expect(await repo.getCase(LIBRARY, 'lib-copy-2')).toBeUndefined();
    });
  });

  describe('sign comparisons', () => {
    const SESSION = 'session-comparison';
    beforeAll(() => storedSession(SESSION));

    it('has none before the first, then keeps each new one in place of the last', async () => {
      expect(await repo.getSignComparison(DEPT, SESSION)).toBeUndefined();
      const first = storedSignComparison(SESSION, SEEDED_CASE, minute(1), TUTOR.id);
      await repo.putSignComparison(DEPT, first);
      const read = await repo.getSignComparison(DEPT, SESSION);
      expect(read).toEqual(first);
      expect(JSON.stringify(read)).toBe(JSON.stringify(first));

      const again = { ...first, computedAt: minute(2), caseVersion: 2, negativeChecks: { 'f-no-effusion': { recorded: true, by: TUTOR.id, at: minute(2) } } };
      await repo.putSignComparison(DEPT, again);
      expect(await repo.getSignComparison(DEPT, SESSION)).toEqual(again);
      const row = await database.db.selectFrom('sign_comparisons').select(['computed_at', 'version']).where('session_id', '=', SESSION).executeTakeFirstOrThrow();
      expect({ computedAt: row.computed_at, version: Number(row.version) }).toEqual({ computedAt: minute(2), version: 2 });
    });

    it('keeps one session’s comparison from another’s', async () => {
      const other = 'session-comparison-other';
      await storedSession(other);
      await repo.putSignComparison(DEPT, storedSignComparison(other, SEEDED_CASE, minute(3), TUTOR.id));
      expect((await repo.getSignComparison(DEPT, other))?.sessionId).toBe(other);
      expect((await repo.getSignComparison(DEPT, SESSION))?.computedAt).toBe(minute(2));
    });

    it('does not let another department read or write a session’s comparison', async () => {
      expect(await repo.getSignComparison(OTHER_DEPT, SESSION)).toBeUndefined();
      await expect(repo.putSignComparison(OTHER_DEPT, storedSignComparison(SESSION, SEEDED_CASE, minute(4), OTHER_TUTOR.id))).rejects.toThrow(/No session/);
      await expect(repo.putSignComparison(DEPT, storedSignComparison('session-none', SEEDED_CASE, minute(4), TUTOR.id))).rejects.toThrow(/No session/);
      expect((await repo.getSignComparison(DEPT, SESSION))?.computedAt).toBe(minute(2));
    });
  });
});

describe('openDatabase start-up problems', () => {
  async function startError(location: DatabaseLocation): Promise<DatabaseStartError> {
    const error: unknown = await openDatabase(location).then(
      async opened => {
        await opened.close();
        return undefined;
      },
      (failure: unknown) => failure,
    );
    if (!(error instanceof DatabaseStartError)) return expect.fail(`expected a DatabaseStartError, got ${String(error)}`);
    expect(error.message).not.toMatch(/[\r\n]/);
    return error;
  }

  it('names a data folder that cannot be written', async () => {
    // As with DATA_DIR=/dev/null/x: no one, not even root, can make a folder inside a device.
    expect((await startError({ kind: 'sqlite', file: '/dev/null/x/records.sqlite' })).message).toContain('/dev/null/x');
  });

  // The bound is vitest's, not a timing assertion: a start-up that hangs on a dead address fails here.
  it('names an unreachable PostgreSQL server', { timeout: 15_000 }, async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.hostname = '127.0.0.1';
    url.port = '1';
    const schema = freshSchemaName();
    const { message } = await startError({ kind: 'postgres', url: url.toString(), schema });
    expect(message).toContain('127.0.0.1:1');
    expect(message).toContain(schema);
  });

  it('passes on PostgreSQL’s reason when the database does not exist', { timeout: 15_000 }, async () => {
    const url = new URL(TEST_DATABASE_URL);
    const missing = `no_such_${freshSchemaName()}`;
    url.pathname = `/${missing}`;
    const { message } = await startError({ kind: 'postgres', url: url.toString(), schema: freshSchemaName() });
    expect(message).toContain(`database "${missing}" does not exist`);
  });

  it('refuses a schema name it could not quote safely', async () => {
    expect((await startError({ kind: 'postgres', url: TEST_DATABASE_URL, schema: 'Records; DROP' })).message).toContain('DATABASE_SCHEMA');
  });
});
