import { chinaDate } from './chinaCalendar';
import { leastSquaresSlope } from './leastSquares';
import { roundTo } from './rounding';

export interface DatedTotal {
  sessionId: string;
  /** When the session took place (ISO 8601). */
  at: string;
  total: number;
}

export interface SheetTotalAt {
  sessionId: string;
  /** Beijing calendar date. */
  date: string;
  total: number;
}

export interface SheetTrend {
  /** Sheet points gained (or lost) per month along the least-squares line; null without two sessions at different times. */
  slopePerMonth: number | null;
  first: SheetTotalAt | null;
  last: SheetTotalAt | null;
  /** Last total minus first total. */
  change: number | null;
}

/** The mean Gregorian month; sessions are placed by their exact time, so two in one month still make a slope. */
const DAYS_PER_MONTH = 365.2425 / 12;
const MS_PER_MONTH = DAYS_PER_MONTH * 24 * 60 * 60 * 1000;

export function sheetTrend(totals: DatedTotal[]): SheetTrend {
  const ordered = [...totals].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  if (!first || !last) return { slopePerMonth: null, first: null, last: null, change: null };
  const origin = Date.parse(first.at);
  const slope = leastSquaresSlope(ordered.map(entry => ({ x: (Date.parse(entry.at) - origin) / MS_PER_MONTH, y: entry.total })));
  const shown = (entry: DatedTotal): SheetTotalAt => ({ sessionId: entry.sessionId, date: chinaDate(entry.at), total: entry.total });
  return {
    slopePerMonth: roundTo(slope, 2),
    first: shown(first),
    last: shown(last),
    change: ordered.length < 2 ? null : roundTo(last.total - first.total, 2),
  };
}
