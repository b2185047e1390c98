import { problem } from '../schema/problem';
import { migrateRecord, type Migration } from '../migrations/migrateRecord';
import { accept, refuse, type Outcome } from '../rules/outcome';
import { SESSION_SCHEMA_VERSION, teachingSession, type TeachingSession } from './session';

/** Every change of the session schema since version 1, oldest first; none yet. */
export const SESSION_MIGRATIONS: readonly Migration[] = [];

/** Reads a stored or imported session of any schema version into the current shape, or says what is wrong. */
export function readSession(input: unknown, migrations: readonly Migration[] = SESSION_MIGRATIONS): Outcome<TeachingSession> {
  const migrated = migrateRecord(input, migrations, SESSION_SCHEMA_VERSION, { zh: '教学活动', en: 'session' });
  if (!migrated.ok) return migrated;
  const parsed = teachingSession.safeParse(migrated.value);
  if (parsed.success) return accept(parsed.data);
  const details = parsed.error.issues.map(issue => `${issue.path.join('.') || '(session)'}: ${issue.message}`).join('; ');
  return refuse(problem('session.invalid', `教学活动记录有误：${details}`, `The session record is not valid: ${details}`));
}
