import { problem, type Problem } from '../schema/problem';
import { SESSION_SCHEMA_VERSION, teachingSession, type TeachingSession } from '../session/session';
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function versionProblem(value: unknown): Problem | undefined {
  if (!isObject(value) || !('schemaVersion' in value)) return undefined;
  const version = value.schemaVersion;
  if (version === SESSION_SCHEMA_VERSION) return undefined;
  const shown = JSON.stringify(version);
  return problem(
    'file.schemaVersion',
    `文件的数据版本为 ${shown}，本程序只能读取版本 ${SESSION_SCHEMA_VERSION} 的教学活动记录`,
    `The file holds schema version ${shown}; this program reads teaching-session records of version ${SESSION_SCHEMA_VERSION}`,
  );
}

/**
 * An amendment that adds a value records `before: undefined` (and one that removes it,
 * `after: undefined`); JSON has no undefined and drops such keys, while the schema requires both keys.
 * A change read without them is read as "there was no value", which is what was written.
 */
function withAbsentChangeValues(value: unknown): unknown {
  if (!isObject(value) || !Array.isArray(value.amendments)) return value;
  const amendments = value.amendments.map(amendment => {
    if (!isObject(amendment) || !Array.isArray(amendment.changes)) return amendment;
    const changes = amendment.changes.map(change => (isObject(change) ? { before: undefined, after: undefined, ...change } : change));
    return { ...amendment, changes };
  });
  return { ...value, amendments };
}

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
  // A record of another version differs in more than one field; naming the version says what is wrong.
  const version = versionProblem(parsed);
  if (version) return { ok: false, problems: [version] };
  const checked = teachingSession.safeParse(withAbsentChangeValues(parsed));
  return checked.success ? { ok: true, session: checked.data } : { ok: false, problems: schemaProblems(checked.error.issues, parsed) };
}
