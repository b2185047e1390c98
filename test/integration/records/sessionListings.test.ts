import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCreatedEvent } from '../../../src/core/rules/applyCommand';
import type { TeachingSession } from '../../../src/core/session/session';
import { emptyWork } from '../../../src/core/session/stageWork';
import { CASE_SCHEMA_VERSION, type TeachingCase } from '../../../src/core/session/teachingCase';
import { migrationProvider } from '../../../src/records/db/migrations';
import { openDatabase, type DatabaseLocation } from '../../../src/records/db/openDatabase';
import { KyselyRepository } from '../../../src/records/repository/kyselyRepository';
import { newAccount } from '../../../src/records/repository/newAccount';
import { newSession, OTHER_RESIDENT, OTHER_TUTOR, RESIDENT, SessionDriver, TUTOR } from '../../fixtures/sessionRules';
import { testDatabases } from '../../support/postgres';

const databases = testDatabases();
afterAll(() => databases.cleanup());

const DEPT = 'dept-listings';
const OTHER_DEPT = 'dept-elsewhere';
const T0 = '2026-09-01T02:00:00.000Z';
const CASE = 'case-ct-nodule';

const teachingCase = { schemaVersion: CASE_SCHEMA_VERSION, id: CASE, title: '右肺上叶结节', studyInstanceUIDs: ['1.2.3'], modality: 'CT', bodyPart: '胸部', category: 'respiratory', trainingYear: 2, realTime: false, objectives: ['结节'], preparedBy: TUTOR.id, createdAt: T0 } satisfies TeachingCase;

const planned = (day: number) => new Date(Date.UTC(2026, 10, day, 1)).toISOString();

/** A session of `driver`'s history stored event by event, as the commands route stores it. */
async function store(repository: KyselyRepository, departmentId: string, driver: SessionDriver): Promise<TeachingSession> {
  const [created, ...rest] = driver.events;
  const initial = replayTo(driver, 1);
  await repository.createSession(departmentId, initial, created!);
  for (const event of rest) {
    const state = replayTo(driver, event.seq);
    const written = await repository.appendEvent(departmentId, initial.id, { expectedVersion: event.seq - 1, event, command: null, state });
    expect(written.outcome).toBe('written');
  }
  return driver.session;
}

/** The states a driver went through, kept as it went. */
const states = new WeakMap<SessionDriver, TeachingSession[]>();
function replayTo(driver: SessionDriver, seq: number): TeachingSession {
  return states.get(driver)![seq - 1]!;
}

/** A driver that remembers the state after every event, so the history can be stored as it happened. */
function recording(session: TeachingSession): SessionDriver {
  const driver = new SessionDriver(session);
  const kept = [session];
  states.set(driver, kept);
  const original = driver.do.bind(driver);
  driver.do = (command, actor, at) => {
    original(command, actor, at);
    kept.push(driver.session);
    return driver;
  };
  return driver;
}

const sessionOf = (id: string, overrides: { residentId?: string; tutorId?: string; day?: number } = {}) => {
  const session = newSession();
  return { ...session, id, residentId: overrides.residentId ?? session.residentId, tutorId: overrides.tutorId ?? session.tutorId, schedule: { plannedAt: planned(overrides.day ?? 2), place: `阅片室 ${overrides.day ?? 2}` } };
};

describe.each(['sqlite', 'postgres'] as const)('session listings on %s', kind => {
  let repository: KyselyRepository;

  beforeAll(async () => {
    const database = await openDatabase(databases.locations[kind]);
    repository = new KyselyRepository(database.db);
    for (const id of [DEPT, OTHER_DEPT]) await repository.createDepartment({ id, name: id, createdAt: T0 });
    for (const [actor, role] of [[RESIDENT, 'resident'], [OTHER_RESIDENT, 'resident'], [TUTOR, 'tutor'], [OTHER_TUTOR, 'tutor']] as const) {
      await repository.createAccount(newAccount({ id: actor.id, departmentId: DEPT, username: actor.id, name: actor.id, role, trainingYear: role === 'resident' ? 2 : null, passwordHash: null }, T0));
    }
    await repository.createCase(DEPT, teachingCase, T0);
    await repository.createCase(OTHER_DEPT, { ...teachingCase, id: 'case-elsewhere' }, T0);

    // Scheduled on days 3 and 5, one under way with 4.1 handed in, one ready to sign, one signed off.
    await store(repository, DEPT, recording(sessionOf('scheduled-5', { day: 5 })));
    await store(repository, DEPT, recording(sessionOf('scheduled-3', { day: 3, residentId: OTHER_RESIDENT.id, tutorId: OTHER_TUTOR.id })));
    const underWay = recording(sessionOf('under-way', { day: 2 }));
    underWay.do({ type: 'startClock' }, TUTOR).do({ type: 'saveWork', stage: '4.1', work: emptyWork()['4.1'] }, RESIDENT);
    await store(repository, DEPT, underWay.do({ type: 'submitStage', stage: '4.1' }, RESIDENT));
    await store(repository, DEPT, recording(sessionOf('ready', { day: 1 })).completeAllStages());
    await store(repository, DEPT, recording(sessionOf('signed', { day: 1 })).completeAllStages().do({ type: 'signOff' }, TUTOR));
  });
  afterAll(() => repository?.close());

  it('keeps each session\'s summary up to date with its state', async () => {
    const { listings, total } = await repository.listSessionListings(DEPT, { order: 'planned', limit: 10 });
    expect(total).toBe(5);
    const byId = new Map(listings.map(listing => [listing.id, listing]));
    expect(byId.get('scheduled-5')).toMatchObject({ caseId: CASE, residentId: RESIDENT.id, tutorId: TUTOR.id, version: 1, summary: { phase: 'scheduled', clock: 'notStarted', tutorTurn: null, plannedAt: planned(5), place: '阅片室 5', sheet: null } });
    expect(byId.get('under-way')?.summary).toMatchObject({ phase: 'inProgress', clock: 'running', tutorTurn: 'scoring', waitingStages: ['4.1'] });
    expect(byId.get('ready')?.summary).toMatchObject({ phase: 'inProgress', tutorTurn: 'signOff', sheet: { total: 100, max: 100, band: { zh: '优秀', en: 'Excellent' } } });
    const signed = byId.get('signed')!;
    expect(signed.summary).toMatchObject({ phase: 'signedOff', clock: 'ended', tutorTurn: null, sheet: { total: 100 } });
    expect(signed.summary.signedOffAt).toBe((await repository.getSession(DEPT, 'signed'))!.record.signOff!.at);
    expect(signed.version).toBe((await repository.getSession(DEPT, 'signed'))!.version);
  });

  it('filters by person, phase, clock and the tutor\'s turn, in the order asked, a page at a time', async () => {
    const ids = async (query: Parameters<KyselyRepository['listSessionListings']>[1]) => (await repository.listSessionListings(DEPT, query)).listings.map(listing => listing.id);
    expect(await ids({ phases: ['scheduled'], order: 'planned', limit: 10 })).toEqual(['scheduled-3', 'scheduled-5']);
    expect(await ids({ phases: ['scheduled'], order: 'plannedLast', limit: 10 })).toEqual(['scheduled-5', 'scheduled-3']);
    expect(await ids({ residentId: OTHER_RESIDENT.id, order: 'planned', limit: 10 })).toEqual(['scheduled-3']);
    expect(await ids({ tutorId: TUTOR.id, waitingForTutor: true, order: 'planned', limit: 10 })).toEqual(['ready', 'under-way']);
    expect(await ids({ tutorId: TUTOR.id, phases: ['signedOff'], order: 'signedOff', limit: 10 })).toEqual(['signed']);
    expect(await ids({ tutorId: OTHER_TUTOR.id, order: 'planned', limit: 10 })).toEqual(['scheduled-3']);
    expect(await ids({ phases: ['inProgress'], clocks: ['running', 'paused'], order: 'changed', limit: 10 })).toEqual(['ready', 'under-way']);
    expect(await ids({ phases: [], order: 'planned', limit: 10 })).toEqual([]);

    const first = await repository.listSessionListings(DEPT, { order: 'plannedLast', limit: 2 });
    const second = await repository.listSessionListings(DEPT, { order: 'plannedLast', limit: 2, offset: 2 });
    expect([first.total, second.total]).toEqual([5, 5]);
    expect(first.listings.map(listing => listing.id)).toEqual(['scheduled-5', 'scheduled-3']);
    expect(second.listings.map(listing => listing.id)).toEqual(['under-way', 'ready']);

    expect(await repository.listSessionListings(OTHER_DEPT, { order: 'planned', limit: 10 })).toEqual({ listings: [], total: 0 });
  });

  it('moves the time a session was scheduled when it is rescheduled, and only then', async () => {
    const driver = recording(sessionOf('moved', { day: 9 }));
    driver.do({ type: 'notifyResident' }, TUTOR, '2026-10-21T00:00:00.000Z').do({ type: 'reschedule', schedule: { plannedAt: planned(10), place: '阅片室 10' } }, TUTOR, '2026-10-22T00:00:00.000Z');
    await store(repository, DEPT, driver);
    const listing = (await repository.listSessionListings(DEPT, { residentId: RESIDENT.id, phases: ['scheduled'], order: 'plannedLast', limit: 1 })).listings[0]!;
    expect(listing).toMatchObject({ id: 'moved', scheduledAt: '2026-10-22T00:00:00.000Z', summary: { plannedAt: planned(10), place: '阅片室 10' } });
    const unmoved = (await repository.listSessionListings(DEPT, { residentId: OTHER_RESIDENT.id, order: 'planned', limit: 1 })).listings[0]!;
    expect(unmoved.scheduledAt).toBe('2026-10-20T08:00:00.000Z');
  });

  it("finds each resident's latest planned session, of one tutor's when asked", async () => {
    const latest = await repository.latestSessionOfEachResident(DEPT, {});
    expect(Object.fromEntries(latest.map(listing => [listing.residentId, listing.id]))).toEqual({ [RESIDENT.id]: 'moved', [OTHER_RESIDENT.id]: 'scheduled-3' });
    const ofTutor = await repository.latestSessionOfEachResident(DEPT, { tutorId: TUTOR.id });
    expect(Object.fromEntries(ofTutor.map(listing => [listing.residentId, listing.id]))).toEqual({ [RESIDENT.id]: 'moved' });
    expect(await repository.latestSessionOfEachResident(OTHER_DEPT, {})).toEqual([]);
  });

  it('remembers the sign-in before the latest one', async () => {
    expect(await repository.previousSignIn(RESIDENT.id)).toBeNull();
    await repository.recordSignIn(RESIDENT.id, '2026-11-01T00:00:00.000Z');
    expect(await repository.previousSignIn(RESIDENT.id)).toBeNull();
    await repository.recordSignIn(RESIDENT.id, '2026-11-02T00:00:00.000Z');
    expect(await repository.previousSignIn(RESIDENT.id)).toBe('2026-11-01T00:00:00.000Z');
    await repository.recordSignIn(RESIDENT.id, '2026-11-03T00:00:00.000Z');
    expect(await repository.previousSignIn(RESIDENT.id)).toBe('2026-11-02T00:00:00.000Z');
    expect(await repository.previousSignIn(OTHER_RESIDENT.id)).toBeNull();
  });
});

/** A database migrated only up to `migration`, then written the way the code of that time wrote it. */
async function databaseAt(location: DatabaseLocation): Promise<{ db: Kysely<any>; migrator: Migrator }> {
  const db =
    location.kind === 'sqlite'
      ? new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(location.file) }) })
      : await (async () => {
          const admin = new pg.Client({ connectionString: location.url });
          await admin.connect();
          await admin.query(`CREATE SCHEMA IF NOT EXISTS "${location.schema}"`);
          await admin.end();
          return new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, options: `-c search_path="${location.schema}"` }) }) });
        })();
  const migrator = new Migrator({ db, provider: migrationProvider, ...(location.kind === 'postgres' ? { migrationTableSchema: location.schema } : {}) });
  return { db, migrator };
}

describe.each(['sqlite', 'postgres'] as const)('migration 0005 on %s', kind => {
  it('fills in the summaries of the sessions stored before it, with when each was last scheduled', async () => {
    const location = databases.fresh(kind);
    const { db, migrator } = await databaseAt(location);
    expect((await migrator.migrateTo('0003-case-library')).error).toBeUndefined();
    await db.insertInto('departments').values({ id: DEPT, name: DEPT, created_at: T0 }).execute();
    for (const id of [RESIDENT.id, TUTOR.id]) {
      await db.insertInto('accounts').values({ id, department_id: DEPT, username: id, name: id, role: id === TUTOR.id ? 'tutor' : 'resident', active: 1, version: 1, created_at: T0, updated_at: T0 }).execute();
    }
    await db.insertInto('cases').values({ id: CASE, department_id: DEPT, training_year: 2, modality: 'CT', category: 'respiratory', record: JSON.stringify(teachingCase), version: 1, updated_at: T0 }).execute();
    const insert = async (driver: SessionDriver) => {
      await db
        .insertInto('teaching_sessions')
        .values({ id: driver.session.id, department_id: DEPT, case_id: CASE, resident_id: RESIDENT.id, tutor_id: TUTOR.id, state: JSON.stringify(driver.session), version: driver.events.length, updated_at: T0 })
        .execute();
      for (const event of driver.events) {
        await db.insertInto('session_events').values({ session_id: event.sessionId, seq: event.seq, at: event.at, actor_id: event.actor.id, actor_role: event.actor.role, type: event.type, command: null, event: JSON.stringify(event) }).execute();
      }
    };
    const signed = new SessionDriver({ ...newSession(), id: 'old-signed' }).completeAllStages().do({ type: 'signOff' }, TUTOR);
    const moved = new SessionDriver({ ...newSession(), id: 'old-moved' }).do({ type: 'reschedule', schedule: { plannedAt: planned(20), place: '报告室' } }, TUTOR, '2026-10-25T00:00:00.000Z');
    await insert(signed);
    await insert(moved);
    await db.destroy();

    const database = await openDatabase(location);
    const repository = new KyselyRepository(database.db);
    try {
      const { listings } = await repository.listSessionListings(DEPT, { order: 'plannedLast', limit: 10 });
      expect(listings.map(listing => [listing.id, listing.summary.phase, listing.scheduledAt])).toEqual([
        ['old-moved', 'scheduled', '2026-10-25T00:00:00.000Z'],
        ['old-signed', 'signedOff', '2026-10-20T08:00:00.000Z'],
      ]);
      expect(listings[0]!.summary).toMatchObject({ plannedAt: planned(20), place: '报告室' });
      expect(listings[1]!.summary).toMatchObject({ signedOffAt: signed.session.signOff!.at, sheet: { total: 100, max: 100 } });
      const fresh = sessionOf('after-migration', { day: 25 });
      await repository.createSession(DEPT, fresh, sessionCreatedEvent(fresh, TUTOR, '2026-10-30T00:00:00.000Z'));
      expect((await repository.listSessionListings(DEPT, { phases: ['scheduled'], order: 'plannedLast', limit: 1 })).listings[0]).toMatchObject({ id: 'after-migration', scheduledAt: '2026-10-30T00:00:00.000Z' });
    } finally {
      await repository.close();
    }
  });
});
