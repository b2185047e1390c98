import type { z } from 'zod';
import type { LocalizedText } from '../schema/common';
import { problem } from '../schema/problem';
import { accept, refuse, type Outcome } from '../rules/outcome';
import { migrateRecord, type Migration } from './migrateRecord';

export interface RecordKind<T> {
  schema: z.ZodType<T>;
  version: number;
  /** Every change of the schema since version 1, oldest first. */
  migrations: readonly Migration[];
  name: LocalizedText;
}

/** Reads a stored or imported record of any schema version into the current shape, or says what is wrong. */
export function readRecord<T>(input: unknown, kind: RecordKind<T>): Outcome<T> {
  const migrated = migrateRecord(input, kind.migrations, kind.version, kind.name);
  if (!migrated.ok) return migrated;
  const parsed = kind.schema.safeParse(migrated.value);
  if (parsed.success) return accept(parsed.data);
  const details = parsed.error.issues.map(issue => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ');
  return refuse(problem('record.invalid', `${kind.name.zh}记录有误：${details}`, `The ${kind.name.en} record is not valid: ${details}`));
}
