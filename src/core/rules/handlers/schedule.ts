import type { Schedule } from '../../session/session';
import { clockStatus } from '../../session/sessionClock';
import { accept, refuse } from '../outcome';
import { isTutorOf } from '../permissions';
import { refusals } from '../refusals';
import type { CommandContext, HandlerResult } from './context';

export function reschedule(context: CommandContext, schedule: Schedule): HandlerResult {
  const { session, actor } = context;
  if (actor.role !== 'admin' && !isTutorOf(actor, session)) return refuse(refusals.organisersOnly());
  if (clockStatus(session.timer) !== 'notStarted') return refuse(refusals.alreadyStarted());
  return accept({ ...session, schedule });
}
