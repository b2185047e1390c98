import { readRecord, type RecordKind } from '../migrations/readRecord';
import { SESSION_FROM_V1 } from '../migrations/sessionV1';
import { problem } from '../schema/problem';
import { refuse, type Outcome } from '../rules/outcome';
import { sessionProblems } from './sessionConsistency';
import { SESSION_SCHEMA_VERSION, teachingSession, type TeachingSession } from './session';

export const SESSION_RECORD: RecordKind<TeachingSession> = {
  schema: teachingSession,
  version: SESSION_SCHEMA_VERSION,
  migrations: [SESSION_FROM_V1],
  name: { zh: '教学活动', en: 'session' },
};

/** Reads a stored or imported session of any schema version into the current shape, or says what is wrong. */
export function readSession(input: unknown): Outcome<TeachingSession> {
  const read = readRecord(input, SESSION_RECORD);
  if (!read.ok) return read;
  const problems = sessionProblems(read.value);
  if (problems.length === 0) return read;
  return refuse(
    problem('session.inconsistent', `教学活动记录前后矛盾：${problems.map(entry => entry.message.zh).join('；')}`, `The session record contradicts itself: ${problems.map(entry => entry.message.en).join('; ')}`),
  );
}
