import type { TeachingSession } from '../../core/session/session';
import { sessionSummary, type SessionSummary } from '../../core/session/sessionSummary';

/** What a worklist shows of a session beyond the columns it filters and sorts on (JSON in `summary`). */
export type StoredSummaryDetails = Pick<SessionSummary, 'place' | 'waitingStages' | 'sheet'>;

/**
 * The columns of `teaching_sessions` that lists filter, sort and show, taken from the state they are
 * kept beside. Not `scheduled_at`, when the planned time and place were last set (the session's
 * creation or its last rescheduling): the state does not keep it, the events do.
 */
export function sessionSummaryColumns(session: TeachingSession) {
  const summary = sessionSummary(session);
  const details: StoredSummaryDetails = { place: summary.place, waitingStages: summary.waitingStages, sheet: summary.sheet };
  return {
    phase: summary.phase,
    clock: summary.clock,
    tutor_turn: summary.tutorTurn,
    planned_at: summary.plannedAt,
    signed_off_at: summary.signedOffAt,
    summary: JSON.stringify(details),
  };
}
