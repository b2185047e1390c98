import { lastActivityAt } from '../../session/lastActivity';
import type { TeachingSession, Timer } from '../../session/session';
import { clockStatus } from '../../session/sessionClock';
import { accept, refuse } from '../outcome';
import { refusals } from '../refusals';
import { scoringGaps } from '../../scoring/scoringGaps';
import type { CommandContext, HandlerResult } from './context';
import { endTimer } from './clock';
import { tutorGuard } from './guards';

/**
 * The clock as the session leaves it. A tutor often signs later than the session ended, the next
 * morning even; a clock still running then is stopped at the last thing anyone did in the session,
 * so the minutes are the session's and not the night's.
 */
function finalTimer(session: TeachingSession, at: string): Timer {
  const status = clockStatus(session.timer);
  if (status === 'ended') return session.timer;
  if (status === 'paused') return endTimer(session.timer, at);
  const last = lastActivityAt(session) ?? at;
  return endTimer(session.timer, Date.parse(last) < Date.parse(at) ? last : at);
}

/** The tutor signs once every stage is scored in full; this locks the session and keeps what was signed. */
export function signOff(context: CommandContext): HandlerResult {
  const refused = tutorGuard(context);
  if (refused) return refused;
  const { session, actor, at } = context;
  const missing = scoringGaps(session);
  if (clockStatus(session.timer) === 'notStarted') missing.push({ zh: '从未开始计时', en: 'the clock was never started' });
  if (missing.length) return refuse(refusals.notReadyToSign(missing));
  return accept({ ...session, timer: finalTimer(session, at), signOff: { at, by: actor.id, stages: structuredClone(session.stages) } });
}
