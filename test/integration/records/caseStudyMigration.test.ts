import { afterAll, describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION, type TeachingCase } from '../../../src/core/session/teachingCase';
import { openDatabase } from '../../../src/records/db/openDatabase';
import { KyselyRepository } from '../../../src/records/repository/kyselyRepository';
import { databaseMigratedTo } from '../../support/migratedDatabase';
import { testDatabases } from '../../support/postgres';

const databases = testDatabases();
afterAll(() => databases.cleanup());

const T0 = '2026-09-01T02:00:00.000Z';
const CURRENT = '1.2.826.0.1.3680043.8.498.80';
const PRIOR = '1.2.826.0.1.3680043.8.498.81';

const storedCase = (id: string, studyInstanceUIDs: string[], createdAt: string): TeachingCase => ({
  schemaVersion: CASE_SCHEMA_VERSION,
  id,
  title: '右肺上叶结节',
  studyInstanceUIDs,
  modality: 'CT',
  bodyPart: 'CHEST',
  category: 'respiratory',
  trainingYear: 2,
  realTime: false,
  objectives: ['识别肺结节'],
  preparedBy: 'tutor-wang',
  createdAt,
});

describe.each(['sqlite', 'postgres'] as const)('migration 0006-case-study on %s', kind => {
  it("files the cases stored before under their record's first study", async () => {
    const location = databases.fresh(kind);
    const before = await databaseMigratedTo(location, '0005-session-summaries');
    await before.insertInto('departments').values({ id: 'north', name: '北院', created_at: T0 }).execute();
    const cases = [storedCase('case-follow-up', [CURRENT, PRIOR], '2026-09-02T00:00:00.000Z'), storedCase('case-first-scan', [PRIOR], T0)];
    for (const record of cases) {
      await before
        .insertInto('cases')
        .values({ id: record.id, department_id: 'north', training_year: 2, modality: 'CT', category: 'respiratory', record: JSON.stringify(record), version: 2, updated_at: T0, prepared_by: record.preparedBy, created_at: record.createdAt })
        .execute();
    }
    await before.destroy();

    const after = await openDatabase(location);
    const repository = new KyselyRepository(after.db);
    try {
      const ids = async (studyInstanceUID: string) => (await repository.listCases('north', { studyInstanceUID })).map(entry => [entry.record.id, entry.version]);
      expect(await ids(CURRENT)).toEqual([['case-follow-up', 2]]);
      // A study that is a case's prior is not what that case is read on.
      expect(await ids(PRIOR)).toEqual([['case-first-scan', 2]]);
      expect((await repository.listCases('north', {})).length).toBe(2);
    } finally {
      await repository.close();
    }
  });
});
