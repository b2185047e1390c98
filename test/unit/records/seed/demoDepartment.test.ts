import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, chinaMonth, residentProgress, sessionDate } from '../../../../src/core/progress';
import { replaySession } from '../../../../src/core/rules/replaySession';
import { sessionCommand } from '../../../../src/core/rules/sessionCommand';
import { clockStatus } from '../../../../src/core/session/sessionClock';
import { SAMPLE_STUDIES } from '../../../../src/dicomweb/sample/sampleCatalogue';
import { verifyPassword } from '../../../../src/records/auth/passwords';
import { openDatabase } from '../../../../src/records/db/openDatabase';
import { KyselyRepository } from '../../../../src/records/repository/kyselyRepository';
import { DEMO_DEPARTMENT_ID, DEMO_USERNAMES, seedDemoDepartment } from '../../../../src/records/seed/demoDepartment';

const NOW = new Date('2026-11-20T03:00:00.000Z');
const PASSWORD = 'demo-password-for-tests';
const CHINESE_NAME = /^[\u4e00-\u9fff]{2,}$/;

let dir: string;
let repository: KyselyRepository;
let first: { seeded: boolean };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'demo-seed-'));
  const database = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'records.sqlite') });
  repository = new KyselyRepository(database.db);
  first = await seedDemoDepartment(repository, PASSWORD, NOW);
}, 60_000);

afterAll(async () => {
  await repository?.close();
  await rm(dir, { recursive: true, force: true });
});

const allSessions = () => repository.listSessions(DEMO_DEPARTMENT_ID, {});

async function snapshot() {
  const sessions = await allSessions();
  const events = await Promise.all(sessions.map(({ record }) => repository.listEvents(DEMO_DEPARTMENT_ID, record.id)));
  return {
    accounts: (await repository.listAccounts(DEMO_DEPARTMENT_ID)).map(account => [account.id, account.version, account.passwordHash]),
    cases: (await repository.listCases(DEMO_DEPARTMENT_ID, {})).map(({ record, version }) => [record.id, version]),
    sessions: sessions.map(({ record, version }) => [record.id, version]),
    events: events.reduce((total, history) => total + history.length, 0),
  };
}

describe('seedDemoDepartment', () => {
  it('seeds an empty database once and leaves a seeded one as it is', async () => {
    expect(first).toEqual({ seeded: true });
    expect((await repository.findDepartment(DEMO_DEPARTMENT_ID))?.name).toMatch(CHINESE_NAME);
    const before = await snapshot();
    expect(await seedDemoDepartment(repository, 'another-password', new Date('2027-03-01T00:00:00.000Z'))).toEqual({ seeded: false });
    expect(await snapshot()).toEqual(before);
  });

  it('creates the seven accounts with Chinese names, residents across the three years, all on the one password', async () => {
    const accounts = await repository.listAccounts(DEMO_DEPARTMENT_ID);
    expect(accounts.map(account => account.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    for (const account of accounts) {
      expect(account.name).toMatch(CHINESE_NAME);
      expect(account.id).toBe(`demo-${account.username}`);
      expect(account.active).toBe(true);
    }
    const byUsername = new Map(accounts.map(account => [account.username, account]));
    expect(byUsername.get('admin')?.role).toBe('admin');
    expect(['tutor1', 'tutor2'].map(username => byUsername.get(username)?.role)).toEqual(['tutor', 'tutor']);
    const residents = accounts.filter(account => account.role === 'resident');
    expect(residents.map(account => account.username).sort()).toEqual(['resident1', 'resident2', 'resident3', 'resident4']);
    expect(new Set(residents.map(account => account.trainingYear))).toEqual(new Set([1, 2, 3]));
    expect(byUsername.get('resident1')?.trainingYear).toBe(2);
    expect(accounts.filter(account => account.role !== 'resident').every(account => account.trainingYear === null)).toBe(true);

    const verified = await Promise.all(accounts.map(account => verifyPassword(PASSWORD, account.passwordHash!)));
    expect(verified).toEqual(accounts.map(() => true));
    expect(await verifyPassword('not-the-password', accounts[0]!.passwordHash!)).toBe(false);
  }, 30_000);

  it('prepares one case per sample study, the prior being read within the chest CT case', async () => {
    const cases = (await repository.listCases(DEMO_DEPARTMENT_ID, {})).map(({ record }) => record);
    const { chestCtPrior, ...readAlone } = SAMPLE_STUDIES;
    expect(cases).toHaveLength(Object.keys(readAlone).length);
    for (const study of Object.values(readAlone)) {
      const matching = cases.filter(teachingCase => teachingCase.studyInstanceUIDs[0] === study.studyUID);
      expect(matching, study.key).toHaveLength(1);
      expect(study.modalities).toContain(matching[0]!.modality);
      expect(matching[0]!.bodyPart).toBe(study.bodyPartExamined);
    }
    expect(cases.filter(teachingCase => teachingCase.studyInstanceUIDs.includes(chestCtPrior.studyUID))).toHaveLength(1);

    const chestCt = cases.find(teachingCase => teachingCase.studyInstanceUIDs[0] === SAMPLE_STUDIES.chestCt.studyUID)!;
    expect(chestCt).toMatchObject({ studyInstanceUIDs: [SAMPLE_STUDIES.chestCt.studyUID, chestCtPrior.studyUID], modality: 'CT', trainingYear: 2, category: 'respiratory', realTime: false });
    expect(chestCt.referenceAnswer?.findings.some(finding => finding.kind === 'positive' && finding.description.includes('结节'))).toBe(true);
    expect(chestCt.referenceAnswer?.report.impression).not.toBe('');
    expect(cases.find(teachingCase => teachingCase.studyInstanceUIDs[0] === SAMPLE_STUDIES.liverUltrasound.studyUID)?.realTime).toBe(true);
  });

  it('has resident1 and tutor1 in exactly one running session, on the chest CT, started minutes ago', async () => {
    const chestCt = (await repository.listCases(DEMO_DEPARTMENT_ID, {})).find(({ record }) => record.studyInstanceUIDs[0] === SAMPLE_STUDIES.chestCt.studyUID)!.record;
    const theirs = await repository.listSessions(DEMO_DEPARTMENT_ID, { residentId: 'demo-resident1', tutorId: 'demo-tutor1' });
    const open = theirs.map(({ record }) => record).filter(session => clockStatus(session.timer) === 'running' && !session.signOff);
    expect(open).toHaveLength(1);
    const [session] = open;
    expect(session!.caseId).toBe(chestCt.id);
    expect(session!.schedule.residentNotifiedAt).toBeDefined();
    const startedMinutesAgo = (NOW.getTime() - Date.parse(sessionDate(session!))) / 60_000;
    expect(startedMinutesAgo).toBeGreaterThan(0);
    expect(startedMinutesAgo).toBeLessThan(30);
    expect(session!.stages['4.1'].status).toBe('draft');

    const running = (await allSessions()).filter(({ record }) => clockStatus(record.timer) === 'running');
    expect(running.map(({ record }) => record.id)).toEqual([session!.id]);
  });

  it('stores histories that replay to the stored sessions, each command kept with its event', async () => {
    const sessions = await allSessions();
    expect(sessions.length).toBeGreaterThanOrEqual(4);
    for (const { record, version } of sessions) {
      const history = await repository.listEvents(DEMO_DEPARTMENT_ID, record.id);
      expect(history).toHaveLength(version);
      expect(history[0]!.event.type).toBe('createSession');
      expect(replaySession(history.map(entry => entry.event))).toEqual(record);
      for (const { event, command } of history.slice(1)) expect(sessionCommand.parse(command).type, `${record.id} #${event.seq}`).toBe(event.type);
      expect(history.every(({ event }) => Date.parse(event.at) <= NOW.getTime())).toBe(true);
    }
  });

  it('signs off sessions in earlier months that give every resident taught some progress to show', async () => {
    const sessions = (await allSessions()).map(({ record }) => record);
    const signed = sessions.filter(session => session.signOff);
    expect(signed.length).toBeGreaterThanOrEqual(3);
    expect(signed.length).toBeLessThanOrEqual(5);
    expect(new Set(signed.map(session => session.tutorId))).toEqual(new Set(['demo-tutor1', 'demo-tutor2']));
    expect(new Set(signed.map(session => session.residentId)).size).toBeGreaterThanOrEqual(3);
    const months = new Set(signed.map(session => chinaMonth(sessionDate(session))));
    expect([...months].every(month => month < chinaMonth(NOW.toISOString()))).toBe(true);
    expect(months.size).toBeGreaterThanOrEqual(2);
    expect(signed.some(session => session.realTime && session.preparation.patientInformedAt)).toBe(true);

    const totals: Array<number | null> = [];
    for (const residentId of new Set(signed.map(session => session.residentId))) {
      const progress = residentProgress({ residentId, sessions, from: '2026-01-01', to: chinaDate(NOW.toISOString()), now: NOW.toISOString() });
      expect(progress.sessionIds.length).toBeGreaterThan(0);
      for (const stage of progress.stages) {
        expect(stage.sessions, `${residentId} ${stage.stage}`).toBeGreaterThan(0);
        expect(stage.meanPercent).not.toBeNull();
      }
      totals.push(progress.meanSheetTotal);
    }
    // Scored as tutors score: not everyone, nor every stage, at full marks.
    expect(new Set(totals).size).toBeGreaterThan(1);
    expect(totals.every(total => total !== null && total < 100)).toBe(true);
  });
});

describe('the demo reference drawings and comparisons', () => {
  it('stores the reference drawings of every case with positive signs, linked from its reference findings', async () => {
    const cases = await repository.listCases(DEMO_DEPARTMENT_ID, {});
    for (const { record } of cases) {
      const drawn = new Set((await repository.listCaseAnnotations(DEMO_DEPARTMENT_ID, record.id)).map(annotation => annotation.uid));
      const linked = (record.referenceAnswer?.findings ?? []).flatMap(finding => finding.annotationIds);
      expect(linked.filter(uid => !drawn.has(uid)), record.title).toEqual([]);
      expect(drawn.size > 0, record.title).toBe(record.modality !== 'DX');
    }
  });

  it('keeps, for the signed-off brain MR, the resident drawings and a comparison with a sign found, one missed and one extra', async () => {
    const sessionId = 'demo-session-brain-mr-resident3';
    const comparison = await repository.getSignComparison(DEMO_DEPARTMENT_ID, sessionId);
    const drawn = (await repository.listAnnotations(DEMO_DEPARTMENT_ID, sessionId)).map(annotation => annotation.uid).sort();
    expect(drawn).toEqual(['demo-resident3-brain-mr-extra', 'demo-resident3-brain-mr-lesion']);
    expect(comparison?.result.found).toEqual([expect.objectContaining({ referenceUid: 'demo-ref-brain-mr-lesion', residentUid: 'demo-resident3-brain-mr-lesion', referenceMm: 20, residentMm: 19.6 })]);
    expect(comparison?.result.missed).toEqual(['demo-ref-brain-mr-oedema']);
    expect(comparison?.result.extra).toEqual(['demo-resident3-brain-mr-extra']);
    expect(comparison?.uncompared).toEqual([]);
  });
});
