import { STAGES, type StageId } from '../rubric/rubricSchema';
import type { LocalizedText } from '../schema/common';
import { scoringGaps } from '../scoring/scoringGaps';
import { sheetResult } from '../scoring/sheetResult';
import type { TeachingSession } from './session';
import { clockStatus, type ClockStatus } from './sessionClock';
import { stageProgress } from './stageProgress';

/** Where a session stands on a worklist: planned and not started, under way, or signed off. */
export const SESSION_PHASES = ['scheduled', 'inProgress', 'signedOff'] as const;
export type SessionPhase = (typeof SESSION_PHASES)[number];

/** What the tutor owes the session next, if anything: scores for handed-in work, or the signature. */
export type TutorTurn = 'scoring' | 'signOff';

/**
 * What a list of sessions shows of each one, small enough to keep beside the stored state: a
 * worklist of thousands of sessions reads these instead of every session's whole record.
 */
export interface SessionSummary {
  phase: SessionPhase;
  clock: ClockStatus;
  tutorTurn: TutorTurn | null;
  /** Stages handed in (or scored in part) that wait for the tutor's scores, in stage order. */
  waitingStages: StageId[];
  plannedAt: string;
  place: string;
  signedOffAt: string | null;
  /** The report quality sheet's total and rating once it is scored in full; null before. */
  sheet: { total: number; max: number; band: LocalizedText | null } | null;
}

export function sessionSummary(session: TeachingSession): SessionSummary {
  const clock = clockStatus(session.timer);
  const signedOff = session.signOff !== undefined;
  const phase: SessionPhase = signedOff ? 'signedOff' : clock === 'notStarted' ? 'scheduled' : 'inProgress';
  const waitingStages = signedOff ? [] : STAGES.filter(stage => ['submitted', 'inProgress'].includes(stageProgress(session, stage)));
  // Sign-off needs every stage scored in full and a clock that ran: the same test the rules apply.
  const readyToSign = !signedOff && clock !== 'notStarted' && scoringGaps(session).length === 0;
  const tutorTurn: TutorTurn | null = waitingStages.length > 0 ? 'scoring' : readyToSign ? 'signOff' : null;
  const report = session.stages['4.5'].evaluation;
  const result = report?.kind === 'reportSheet' ? sheetResult(session.reportSheet, report.sheet) : undefined;
  return {
    phase,
    clock,
    tutorTurn,
    waitingStages,
    plannedAt: session.schedule.plannedAt,
    place: session.schedule.place,
    signedOffAt: session.signOff?.at ?? null,
    sheet: result?.complete ? { total: result.total, max: result.max, band: result.band?.label ?? null } : null,
  };
}
