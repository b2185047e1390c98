import { chinaMonth, monthsFrom } from './chinaCalendar';
import { roundTo } from './rounding';

export interface MonthCount {
  /** "YYYY-MM", Beijing calendar. */
  month: string;
  sessions: number;
}

/** The guide: 每位住院医师平均每月至少接受 1 次指导. */
export const SESSIONS_PER_MONTH_TARGET = 1;

export interface SessionFrequency {
  /** Sessions held in the period, month by month (partial first and last months included). */
  months: MonthCount[];
  /** The months the mean runs over: those of the period that have ended by now. */
  monthsCounted: number;
  /** Sessions held in those months. */
  sessionsCounted: number;
  /** Sessions a month over the months counted, two decimals; null until a month of the period has ended. */
  meanPerMonth: number | null;
  target: number;
  /** Whether the mean reaches the target; null while there is no mean. */
  meetsTarget: boolean | null;
  /** Ended months without a session: a note for the tutor, not a failure, since the rule is an average. */
  monthsWithoutSession: string[];
}

/**
 * How often the resident was taught, as the guide counts it: an average over the training period
 * against one a month. A month that has not ended by `now` is listed but left out of the average,
 * so an unfinished month neither lowers nor raises it.
 */
export function sessionFrequency(heldAt: string[], period: { from: string; to: string }, now: string): SessionFrequency {
  const counts = new Map<string, number>();
  for (const time of heldAt) {
    const month = chinaMonth(time);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const months = monthsFrom(period.from.slice(0, 7), period.to.slice(0, 7)).map(month => ({ month, sessions: counts.get(month) ?? 0 }));
  const currentMonth = chinaMonth(now);
  const ended = months.filter(entry => entry.month < currentMonth);
  const sessionsCounted = ended.reduce((total, entry) => total + entry.sessions, 0);
  const meanPerMonth = ended.length === 0 ? null : roundTo(sessionsCounted / ended.length, 2);
  return {
    months,
    monthsCounted: ended.length,
    sessionsCounted,
    meanPerMonth,
    target: SESSIONS_PER_MONTH_TARGET,
    meetsTarget: meanPerMonth === null ? null : meanPerMonth >= SESSIONS_PER_MONTH_TARGET,
    monthsWithoutSession: ended.filter(entry => entry.sessions === 0).map(entry => entry.month),
  };
}
