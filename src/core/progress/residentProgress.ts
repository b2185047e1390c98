import { sheetResult } from '../scoring/sheetResult';
import type { TeachingSession } from '../session/session';
import { chinaDate, isCalendarDate } from './chinaCalendar';
import { monthlySessions, type MonthCount } from './monthlySessions';
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
  /** The signed-off sessions the figures are computed over, earliest first. */
  sessionIds: string[];
  stages: StageAverage[];
  /** Mean report-sheet total; a vetoed report counts with its total of 0. Two decimals. */
  meanSheetTotal: number | null;
  trend: SheetTrend;
  months: MonthCount[];
  monthsShort: string[];
  minutes: SessionLengths;
  vetoedReports: number;
}

/**
 * How one resident is doing over a period, from their signed-off sessions only: an unsigned session
 * may still change, and other residents' sessions are ignored whatever the caller passes in.
 */
export function residentProgress(input: ResidentProgressInput): ResidentProgress {
  const { residentId, from, to, now } = input;
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError(`The period must run between YYYY-MM-DD dates, not ${from} – ${to}`);
  if (from > to) throw new RangeError(`The period starts (${from}) after it ends (${to})`);
  const counted = input.sessions
    .filter(session => session.residentId === residentId && session.signOff)
    .map(session => ({ session, at: sessionDate(session) }))
    .filter(({ at }) => chinaDate(at) >= from && chinaDate(at) <= to)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const sessions = counted.map(entry => entry.session);
  const reports = counted.flatMap(({ session, at }) => {
    const evaluation = session.stages['4.5'].evaluation;
    return evaluation?.kind === 'reportSheet' ? [{ sessionId: session.id, at, result: sheetResult(session.reportSheet, evaluation.sheet) }] : [];
  });
  const totals = reports.map(({ sessionId, at, result }) => ({ sessionId, at, total: result.total }));
  const monthly = monthlySessions(counted.map(entry => entry.at), { from, to }, now);
  return {
    residentId,
    period: { from, to },
    sessionIds: sessions.map(session => session.id),
    stages: stageAverages(sessions),
    meanSheetTotal: roundTo(mean(totals.map(entry => entry.total)), 2),
    trend: sheetTrend(totals),
    months: monthly.months,
    monthsShort: monthly.monthsShort,
    minutes: sessionLengths(sessions.map(session => ({ sessionId: session.id, minutes: sessionMinutes(session, now) }))),
    vetoedReports: reports.filter(({ result }) => result.vetoed).length,
  };
}
