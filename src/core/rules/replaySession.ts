import { teachingSession, type TeachingSession } from '../session/session';
import { applyChanges } from './changes';
import type { SessionEvent } from './sessionEvent';

/**
 * Rebuilds a session from its history. Events must be the whole history in order (1, 2, 3 …);
 * a gap means a lost write, so it is an error rather than a silently different session.
 */
export function replaySession(events: SessionEvent[]): TeachingSession {
  let session: TeachingSession | undefined;
  events.forEach((event, index) => {
    if (event.seq !== index + 1) throw new Error(`Session history out of order: event ${index + 1} has seq ${event.seq}`);
    session = applyChanges(session, event.changes);
  });
  if (!session) throw new Error('An empty history has no session');
  return teachingSession.parse(session);
}

/** The session as it stood after the event numbered `seq`. */
export function sessionAt(events: SessionEvent[], seq: number): TeachingSession {
  return replaySession(events.filter(event => event.seq <= seq));
}
