import { afterAll, describe, expect, it } from 'vitest';
import { categoryIdFromName } from '../../../src/core/library/categoryFromName';
import { DEFAULT_CATEGORIES } from '../../../src/core/library/defaultCategories';
import { readCase } from '../../../src/core/session/records';
import { openDatabase, type DatabaseLocation } from '../../../src/records/db/openDatabase';
import { KyselyRepository } from '../../../src/records/repository/kyselyRepository';
import { databaseMigratedTo } from '../../support/migratedDatabase';
import { testDatabases } from '../../support/postgres';

const databases = testDatabases();
afterAll(() => databases.cleanup());

const T0 = '2026-09-01T02:00:00.000Z';

/** The database as the release before the case library left it: migrated up to 0002 only. */
const databaseAtStandIns = (location: DatabaseLocation) => databaseMigratedTo(location, '0002-stand-ins');

/** A case as schema 1 or 2 wrote it, with its free-text category. */
const oldCase = (id: string, schemaVersion: 1 | 2, category: string, title: string) => ({
  schemaVersion,
  id,
  title,
  studyInstanceUIDs: ['1.2.826.0.1.3680043.8.498.1'],
  modality: 'CT',
  bodyPart: 'CHEST',
  category,
  trainingYear: 2,
  realTime: false,
  objectives: ['识别 Nodule'],
  ...(schemaVersion === 2 ? { referenceAnswer: { findings: [], diagnosis: '腺癌', report: { examination: '', clinicalInformation: '', technique: '', findings: '', impression: '', recommendations: '' } } } : {}),
  preparedBy: 'tutor-wang',
  createdAt: T0,
});

describe.each(['sqlite', 'postgres'] as const)('migration 0003-case-library on %s', kind => {
  it('files stored cases under category ids, fills the library columns and gives each department its list', async () => {
    const location = databases.fresh(kind);
    const before = await databaseAtStandIns(location);
    await before.insertInto('departments').values([
      { id: 'north', name: '北院', created_at: T0 },
      { id: 'south', name: '南院', created_at: T0 },
    ]).execute();
    const cases = [oldCase('case-known', 2, '呼吸系统', '右肺结节'), oldCase('case-free-text', 2, '肺结节', '磨玻璃结节'), oldCase('case-v1', 1, '神经系统', '脑膜瘤')];
    for (const record of cases) {
      await before
        .insertInto('cases')
        .values({ id: record.id, department_id: 'north', training_year: 2, modality: 'CT', category: record.category, record: JSON.stringify(record), version: 3, updated_at: T0 })
        .execute();
    }
    await before.destroy();

    const after = await openDatabase(location);
    const repository = new KyselyRepository(after.db);
    try {
      const stored = await repository.listCases('north', { retired: 'all' });
      expect(stored.map(entry => [entry.record.id, entry.record.category, entry.record.schemaVersion, entry.version]).sort()).toEqual(
        [
          ['case-free-text', categoryIdFromName('肺结节'), 3, 3],
          ['case-known', 'respiratory', 3, 3],
          ['case-v1', 'neuro', 3, 3],
        ].sort(),
      );
      for (const { record } of stored) expect(readCase(record).ok, record.id).toBe(true);
      // The columns the library filters on follow the records.
      expect((await repository.listCases('north', { category: 'respiratory' })).map(entry => entry.record.id)).toEqual(['case-known']);
      expect((await repository.listCases('north', { preparedBy: 'tutor-wang', q: '腺癌' })).map(entry => entry.record.id).sort()).toEqual(['case-free-text', 'case-known']);
      expect((await repository.listCases('north', { q: 'nodule' })).length).toBe(3);

      expect(await repository.getCategories('north')).toEqual({
        record: [...DEFAULT_CATEGORIES, { id: categoryIdFromName('肺结节'), name: { zh: '肺结节', en: '肺结节' }, retired: false }],
        version: 1,
      });
      expect(await repository.getCategories('south')).toEqual({ record: DEFAULT_CATEGORIES, version: 1 });
    } finally {
      await repository.close();
    }
  });
});
