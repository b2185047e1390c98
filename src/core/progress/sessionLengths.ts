import { againstTarget, TARGET_MINUTES } from '../session/sessionClock';
import { mean, roundTo } from './rounding';

export interface SessionLength {
  sessionId: string;
  minutes: number;
  standing: ReturnType<typeof againstTarget>;
}

export interface SessionLengths {
  target: { min: number; max: number };
  perSession: SessionLength[];
  short: number;
  onTarget: number;
  long: number;
  /** Sessions whose clock never ran; they are left out of the counts and the mean. */
  notTimed: number;
  /** One decimal. */
  meanMinutes: number | null;
}

export function sessionLengths(sessions: Array<{ sessionId: string; minutes: number | undefined }>): SessionLengths {
  const perSession = sessions.flatMap(({ sessionId, minutes }) =>
    minutes === undefined ? [] : [{ sessionId, minutes, standing: againstTarget(minutes) }],
  );
  const count = (standing: SessionLength['standing']) => perSession.filter(entry => entry.standing === standing).length;
  return {
    target: { ...TARGET_MINUTES },
    perSession,
    short: count('short'),
    onTarget: count('onTarget'),
    long: count('long'),
    notTimed: sessions.length - perSession.length,
    meanMinutes: roundTo(mean(perSession.map(entry => entry.minutes)), 1),
  };
}
