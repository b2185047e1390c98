import { clockStatus, type ClockStatus } from '../../session/sessionClock';
import type { Timer } from '../../session/session';
import { accept, refuse } from '../outcome';
import { isResidentOf, isTutorOf } from '../permissions';
import { preparationChecks } from '../preparationChecks';
import { refusals } from '../refusals';
import type { CommandContext, HandlerResult } from './context';

type ClockCommand = 'startClock' | 'pauseClock' | 'resumeClock' | 'endClock';

/** Which clock states each command starts from, and what it does to the clock. */
const CLOCK: Record<ClockCommand, { from: ClockStatus[]; refusal: [string, string]; apply: (timer: Timer, at: string) => Timer }> = {
  startClock: {
    from: ['notStarted'],
    refusal: ['计时已开始', 'The clock has already been started'],
    apply: (timer, at) => ({ ...timer, intervals: [{ start: at }] }),
  },
  pauseClock: {
    from: ['running'],
    refusal: ['计时未在进行，无法暂停', 'The clock is not running, so it cannot be paused'],
    apply: (timer, at) => ({ ...timer, intervals: timer.intervals.map((interval, index, all) => (index === all.length - 1 ? { ...interval, end: at } : interval)) }),
  },
  resumeClock: {
    from: ['paused'],
    refusal: ['计时未暂停，无法继续', 'The clock is not paused, so it cannot be resumed'],
    apply: (timer, at) => ({ ...timer, intervals: [...timer.intervals, { start: at }] }),
  },
  endClock: {
    from: ['running', 'paused'],
    refusal: ['计时未开始或已结束', 'The clock has not been started or has already ended'],
    apply: (timer, at) => endTimer(timer, at),
  },
};

/** Closes the open interval at `at`, if there is one, and ends the session then; a paused clock ends when it was paused. */
export function endTimer(timer: Timer, at: string): Timer {
  const open = timer.intervals.some(interval => !interval.end);
  const intervals = timer.intervals.map(interval => (interval.end ? interval : { ...interval, end: at }));
  const endedAt = open ? at : (intervals[intervals.length - 1]?.end ?? at);
  return { intervals, endedAt };
}

export function runClock(context: CommandContext, command: ClockCommand): HandlerResult {
  const { session, actor, at } = context;
  if (!isResidentOf(actor, session) && !isTutorOf(actor, session)) return refuse(refusals.participantsOnly());
  const rule = CLOCK[command];
  if (!rule.from.includes(clockStatus(session.timer))) return refuse(refusals.clock(...rule.refusal));
  if (command === 'startClock') {
    const blocking = preparationChecks(session).filter(check => check.blocking);
    if (blocking.length > 0) return refuse(refusals.notReadyToStart(blocking.map(check => check.message)));
  }
  const last = session.timer.intervals[session.timer.intervals.length - 1];
  if (last && Date.parse(at) < Date.parse(last.end ?? last.start)) {
    return refuse(refusals.clock('时间早于上一次计时操作', 'That time is earlier than the clock’s last change'));
  }
  return accept({ ...session, timer: rule.apply(session.timer, at) });
}
