import type { Timer } from './session';

export type ClockStatus = 'notStarted' | 'running' | 'paused' | 'ended';

/** The guide's length for one session (30–45 minutes). */
export const TARGET_MINUTES = { min: 30, max: 45 } as const;

export function clockStatus(timer: Timer): ClockStatus {
  if (timer.endedAt) return 'ended';
  const last = timer.intervals[timer.intervals.length - 1];
  if (!last) return 'notStarted';
  return last.end ? 'paused' : 'running';
}

/**
 * Time on the clock, in milliseconds: the running intervals, an open one counted up to `now`, or up
 * to the end of the session if it has ended (an imported record may not have closed it).
 */
export function elapsedMs(timer: Timer, now: string): number {
  const until = Date.parse(timer.endedAt ?? now);
  return timer.intervals.reduce((total, interval) => {
    const end = interval.end ? Date.parse(interval.end) : until;
    return total + Math.max(0, end - Date.parse(interval.start));
  }, 0);
}

export function elapsedMinutes(timer: Timer, now: string): number {
  return elapsedMs(timer, now) / 60_000;
}

/** When the session actually began, if it has. */
export function startedAt(timer: Timer): string | undefined {
  return timer.intervals[0]?.start;
}

export type TargetStanding = 'short' | 'onTarget' | 'long';

/** Where a session's length stands against the 30–45 minute target. */
export function againstTarget(minutes: number): TargetStanding {
  if (minutes < TARGET_MINUTES.min) return 'short';
  if (minutes > TARGET_MINUTES.max) return 'long';
  return 'onTarget';
}
