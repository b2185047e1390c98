import type { TeachingSession } from '../session/session';
import { elapsedMinutes, startedAt } from '../session/sessionClock';

/** When the session took place: when its clock first started, or when it was planned if it never was. */
export function sessionDate(session: TeachingSession): string {
  return startedAt(session.timer) ?? session.schedule.plannedAt;
}

/**
 * Whole minutes on the clock, as a tutor reads a clock; undefined when the clock never ran, because
 * a session not timed is not a session of 0 minutes. Everything that shows or counts minutes uses this
 * one figure, so a printed 30 is never counted as short elsewhere.
 */
export function sessionMinutes(session: TeachingSession, now: string): number | undefined {
  if (!startedAt(session.timer)) return undefined;
  return Math.round(elapsedMinutes(session.timer, now));
}
