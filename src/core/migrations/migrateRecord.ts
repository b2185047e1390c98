import type { LocalizedText } from '../schema/common';
import { problem } from '../schema/problem';
import { accept, refuse, type Outcome } from '../rules/outcome';

type StoredRecord = Record<string, unknown> & { schemaVersion: number };

/** Turns a record of schema version `from` into version `from + 1`. */
export interface Migration {
  from: number;
  migrate(record: StoredRecord): StoredRecord;
}

/**
 * Brings a stored record (a database row, an exported JSON file) up to `currentVersion`, one
 * version at a time, so any record ever written can still be read. A record from a newer version
 * than this code knows is refused rather than guessed at.
 */
export function migrateRecord(input: unknown, migrations: readonly Migration[], currentVersion: number, kind: LocalizedText): Outcome<StoredRecord> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse(problem('migration.notRecord', `${kind.zh}记录不是一个对象`, `The ${kind.en} record is not an object`));
  }
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(problem('migration.noVersion', `${kind.zh}记录缺少有效的 schemaVersion`, `The ${kind.en} record has no valid schemaVersion`));
  }
  if (version > currentVersion) {
    return refuse(
      problem(
        'migration.fromTheFuture',
        `${kind.zh}记录的版本 ${version} 比本程序支持的版本 ${currentVersion} 更新，请先升级程序`,
        `The ${kind.en} record is version ${version}, newer than the ${currentVersion} this program reads; upgrade the program first`,
      ),
    );
  }
  let record = structuredClone(input) as StoredRecord;
  while (record.schemaVersion < currentVersion) {
    const step = migrations.find(migration => migration.from === record.schemaVersion);
    if (!step) {
      return refuse(
        problem('migration.missing', `缺少${kind.zh}记录从版本 ${record.schemaVersion} 升级的迁移`, `No migration of ${kind.en} records from version ${record.schemaVersion}`),
      );
    }
    const next = step.migrate(record);
    if (next.schemaVersion !== record.schemaVersion + 1) {
      throw new Error(`The ${kind.en} migration from ${record.schemaVersion} produced version ${next.schemaVersion}`);
    }
    record = next;
  }
  return accept(record);
}
