/**
 * Calendar days and months as they fall in China Standard Time (UTC+8, no daylight saving since
 * 1991). The guide's "at least once a month" is counted by the department in Beijing, so a session at
 * 2026-10-31T20:00Z — 04:00 on 1 November in Beijing — is a November session; counting in UTC, or in
 * the server's own zone, would move it into October and could hide a month without teaching.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function inChina(timestamp: string): string {
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) throw new RangeError(`Not a date-time: ${timestamp}`);
  return new Date(time + CHINA_OFFSET_MS).toISOString();
}

/** "YYYY-MM-DD" in Beijing. */
export function chinaDate(timestamp: string): string {
  return inChina(timestamp).slice(0, 10);
}

/** "YYYY-MM" in Beijing. */
export function chinaMonth(timestamp: string): string {
  return inChina(timestamp).slice(0, 7);
}

/** "YYYY-MM-DD HH:mm" in Beijing, as a date and time is written on the paper form. */
export function chinaDateTime(timestamp: string): string {
  return inChina(timestamp).slice(0, 16).replace('T', ' ');
}

const CALENDAR_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks a "YYYY-MM-DD" calendar date, so that periods can be compared as strings. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Every "YYYY-MM" from `first` to `last`, both included. */
export function monthsFrom(first: string, last: string): string[] {
  const [year, month] = first.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let index = 0; ; index += 1) {
    const current = new Date(Date.UTC(year, month - 1 + index, 1)).toISOString().slice(0, 7);
    if (current > last) return months;
    months.push(current);
  }
}
