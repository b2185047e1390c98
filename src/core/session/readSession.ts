import { readRecord, type RecordKind } from '../migrations/readRecord';
import type { Outcome } from '../rules/outcome';
import { SESSION_SCHEMA_VERSION, teachingSession, type TeachingSession } from './session';

export const SESSION_RECORD: RecordKind<TeachingSession> = {
  schema: teachingSession,
  version: SESSION_SCHEMA_VERSION,
  migrations: [],
  name: { zh: '教学活动', en: 'session' },
};

/** Reads a stored or imported session of any schema version into the current shape, or says what is wrong. */
export function readSession(input: unknown): Outcome<TeachingSession> {
  return readRecord(input, SESSION_RECORD);
}
