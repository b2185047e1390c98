import { sheetResult } from '../scoring/sheetResult';
import type { TeachingSession } from '../session/session';
import { chinaDate, isCalendarDate } from './chinaCalendar';
import { sessionFrequency, type SessionFrequency } from './sessionFrequency';
import { mean, roundTo } from './rounding';
import { sessionLengths, type SessionLengths } from './sessionLengths';
import { sessionDate, sessionMinutes } from './sessionTime';
import { sheetTrend, type SheetTrend } from './sheetTrend';
import { stageAverages, type StageAverage } from './stageAverages';

export interface ResidentProgressInput {
  residentId: string;
  sessions: TeachingSession[];
  /** First day of the period, "YYYY-MM-DD" in Beijing, included. */
  from: string;
  /** Last day of the period, "YYYY-MM-DD" in Beijing, included. */
  to: string;
  now: string;
}

export interface ResidentProgress {
  residentId: string;
  period: { from: string; to: string };
  /** The signed-off sessions the scores are computed over, earliest first. */
  sessionIds: string[];
  stages: StageAverage[];
  /** Mean report-sheet total; a vetoed report counts with its total of 0. Two decimals. */
  meanSheetTotal: number | null;
  trend: SheetTrend;
  /** How often the resident was taught: every session held (its clock ended), signed off or not. */
  frequency: SessionFrequency;
  minutes: SessionLengths;
  vetoedReports: number;
}

/**
 * How one resident is doing over a period. Scores come from signed-off sessions only, since an
 * unsigned one may still change; how often they were taught counts every session held, since a
 * session took place once its clock has ended, whenever it is signed. Other residents' sessions are
 * ignored whatever the caller passes in.
 */
export function residentProgress(input: ResidentProgressInput): ResidentProgress {
  const { residentId, from, to, now } = input;
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError(`The period must run between YYYY-MM-DD dates, not ${from} – ${to}`);
  if (from > to) throw new RangeError(`The period starts (${from}) after it ends (${to})`);
  const inPeriod = input.sessions
    .filter(session => session.residentId === residentId)
    .map(session => ({ session, at: sessionDate(session) }))
    .filter(({ at }) => chinaDate(at) >= from && chinaDate(at) <= to)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const counted = inPeriod.filter(({ session }) => session.signOff);
  const held = inPeriod.filter(({ session }) => session.timer.endedAt !== undefined);
  const sessions = counted.map(entry => entry.session);
  const reports = counted.flatMap(({ session, at }) => {
    const evaluation = session.stages['4.5'].evaluation;
    return evaluation?.kind === 'reportSheet' ? [{ sessionId: session.id, at, result: sheetResult(session.reportSheet, evaluation.sheet) }] : [];
  });
  const totals = reports.map(({ sessionId, at, result }) => ({ sessionId, at, total: result.total }));
  return {
    residentId,
    period: { from, to },
    sessionIds: sessions.map(session => session.id),
    stages: stageAverages(sessions),
    meanSheetTotal: roundTo(mean(totals.map(entry => entry.total)), 2),
    trend: sheetTrend(totals),
    frequency: sessionFrequency(held.map(entry => entry.at), { from, to }, now),
    minutes: sessionLengths(sessions.map(session => ({ sessionId: session.id, minutes: sessionMinutes(session, now) }))),
    vetoedReports: reports.filter(({ result }) => result.vetoed).length,
  };
}
