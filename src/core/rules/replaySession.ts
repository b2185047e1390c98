import { migrateRecord } from '../migrations/migrateRecord';
import { readSession, SESSION_RECORD } from '../session/readSession';
import type { TeachingSession } from '../session/session';
import { applyChanges } from './changes';
import type { SessionEvent } from './sessionEvent';

/** The record brought up to the session schema version an event was written against. */
function upTo(record: unknown, version: number, seq: number): unknown {
  const migrated = migrateRecord(record, SESSION_RECORD.migrations, version, SESSION_RECORD.name);
  if (!migrated.ok) throw new Error(`Session history: before event ${seq}, ${migrated.problem.message.en}`);
  return migrated.value;
}

/**
 * Rebuilds a session from its history. Events must be the whole history in order (1, 2, 3 …);
 * a gap means a lost write, so it is an error rather than a silently different session. A history
 * may span schema versions: each event applies to the session as of its own version, and the result
 * is brought up to the current one.
 */
export function replaySession(events: SessionEvent[]): TeachingSession {
  let record: unknown;
  events.forEach((event, index) => {
    if (event.seq !== index + 1) throw new Error(`Session history out of order: event ${index + 1} has seq ${event.seq}`);
    if (record !== undefined) record = upTo(record, event.sessionSchemaVersion, event.seq);
    record = applyChanges(record, event.changes);
  });
  if (record === undefined) throw new Error('An empty history has no session');
  const read = readSession(record);
  if (!read.ok) throw new Error(`Session history does not replay to a valid session: ${read.problem.message.en}`);
  return read.value;
}

/** The session as it stood after the event numbered `seq`. */
export function sessionAt(events: SessionEvent[], seq: number): TeachingSession {
  return replaySession(events.filter(event => event.seq <= seq));
}
