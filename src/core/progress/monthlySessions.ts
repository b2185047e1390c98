import { chinaMonth, monthsFrom } from './chinaCalendar';

export interface MonthCount {
  /** "YYYY-MM", Beijing calendar. */
  month: string;
  sessions: number;
}

export interface MonthlySessions {
  months: MonthCount[];
  /** Months of the period without a session (the guide asks for at least one a month). */
  monthsShort: string[];
}

/**
 * Sessions per calendar month of the period, partial first and last months included. A month that
 * has not ended by `now` is not listed as short: the resident may still be taught in it.
 */
export function monthlySessions(sessionTimes: string[], period: { from: string; to: string }, now: string): MonthlySessions {
  const counts = new Map<string, number>();
  for (const time of sessionTimes) {
    const month = chinaMonth(time);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const months = monthsFrom(period.from.slice(0, 7), period.to.slice(0, 7)).map(month => ({ month, sessions: counts.get(month) ?? 0 }));
  const currentMonth = chinaMonth(now);
  return {
    months,
    monthsShort: months.filter(entry => entry.sessions === 0 && entry.month < currentMonth).map(entry => entry.month),
  };
}
