import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime, chinaMonth, isCalendarDate, monthsFrom } from '../../../../src/core/progress/chinaCalendar';
import { sessionDate, sessionMinutes } from '../../../../src/core/progress/sessionTime';
import { draftSession, withClock } from '../../../fixtures/teachingSessions';

describe('China Standard Time', () => {
  it('moves a UTC evening into the next Beijing day and month', () => {
    expect(chinaDate('2026-10-31T20:00:00Z')).toBe('2026-11-01');
    expect(chinaMonth('2026-10-31T20:00:00Z')).toBe('2026-11');
    expect(chinaMonth('2026-10-31T15:59:59Z')).toBe('2026-10');
    expect(chinaMonth('2026-12-31T16:00:00Z')).toBe('2027-01');
  });

  it('reads timestamps with any offset', () => {
    expect(chinaDateTime('2026-11-03T09:05:00+08:00')).toBe('2026-11-03 09:05');
    expect(chinaDateTime('2026-11-03T01:05:00Z')).toBe('2026-11-03 09:05');
    expect(chinaDateTime('2026-11-02T20:05:00-05:00')).toBe('2026-11-03 09:05');
  });

  it('refuses what is not a date-time', () => {
    expect(() => chinaDate('yesterday')).toThrow(RangeError);
  });

  it('checks calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('lists months across a year end', () => {
    expect(monthsFrom('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsFrom('2026-11', '2026-11')).toEqual(['2026-11']);
    expect(monthsFrom('2026-11', '2026-10')).toEqual([]);
  });
});

describe('session time', () => {
  it('dates a session by its clock start, else by its plan', () => {
    const draft = draftSession({ plannedAt: '2026-11-03T01:00:00Z' });
    expect(sessionDate(draft)).toBe('2026-11-03T01:00:00Z');
    expect(sessionDate(withClock(draft, '2026-11-04T02:00:00Z', 30))).toBe('2026-11-04T02:00:00Z');
  });

  it('reads whole minutes off the clock, counting a running clock up to now, and none for a clock never started', () => {
    const draft = draftSession();
    expect(sessionMinutes(draft, '2026-11-03T02:00:00Z')).toBeUndefined();
    expect(sessionMinutes(withClock(draft, '2026-11-03T01:00:00Z', 29.6), '2026-11-03T05:00:00Z')).toBe(30);
    const running = { ...draft, timer: { intervals: [{ start: '2026-11-03T01:00:00Z' }] } };
    expect(sessionMinutes(running, '2026-11-03T01:12:20Z')).toBe(12);
  });
});
