import { problem, type Problem } from '../schema/problem';
import { migrateRecord } from '../migrations/migrateRecord';
import { SESSION_RECORD } from '../session/readSession';
import { sessionProblems } from '../session/sessionConsistency';
import { teachingSession, type TeachingSession } from '../session/session';
import { schemaProblems } from './schemaProblems';
import { withSortedKeys } from './sortedKeys';

/**
 * A session as a JSON file: checked against the schema first, so that what is written can be read
 * back; keys sorted and indented for people who open it.
 */
export function sessionToJson(session: TeachingSession): string {
  const checked = teachingSession.safeParse(session);
  if (!checked.success) {
    const problems = schemaProblems(checked.error.issues, session);
    throw new Error(`Session ${session.id} is not a valid record: ${problems.map(entry => entry.message.en).join('; ')}`);
  }
  return `${JSON.stringify(withSortedKeys(checked.data), null, 2)}\n`;
}

export type SessionFromJson = { ok: true; session: TeachingSession } | { ok: false; problems: Problem[] };

/** Reads a session file; bad input of any kind comes back as problems, never as an exception. */
export function sessionFromJson(text: string): SessionFromJson {
  if (typeof text !== 'string') return { ok: false, problems: [problem('file.notText', '文件内容不是文本', 'The file content is not text')] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('file.malformed', `文件不是有效的 JSON（${reason}）`, `The file is not valid JSON (${reason})`)] };
  }
  // Files written by older versions are brought up to date first; a newer one is refused by name.
  const migrated = migrateRecord(parsed, SESSION_RECORD.migrations, SESSION_RECORD.version, SESSION_RECORD.name);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const checked = teachingSession.safeParse(migrated.value);
  if (!checked.success) return { ok: false, problems: schemaProblems(checked.error.issues, migrated.value) };
  // A file can be well formed and still say what the rules never write (a signed session left partly scored).
  const contradictions = sessionProblems(checked.data);
  return contradictions.length === 0 ? { ok: true, session: checked.data } : { ok: false, problems: contradictions };
}
