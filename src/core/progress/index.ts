export { residentProgress, type ResidentProgress, type ResidentProgressInput } from './residentProgress';
export type { StageAverage } from './stageAverages';
export type { SheetTrend, SheetTotalAt } from './sheetTrend';
export { SESSIONS_PER_MONTH_TARGET, type MonthCount, type SessionFrequency } from './sessionFrequency';
export type { SessionLength, SessionLengths } from './sessionLengths';
export { chinaDate, chinaDateTime, chinaMonth } from './chinaCalendar';
export { sessionDate, sessionMinutes } from './sessionTime';
