import { isResidentOf, isTutorOf } from '../permissions';
import { refuse } from '../outcome';
import { refusals } from '../refusals';
import { clockStatus } from '../../session/sessionClock';
import type { CommandContext, HandlerResult } from './context';

/** Tutor of the session: the common ground of every evaluation command. */
export function tutorGuard({ session, actor }: CommandContext): HandlerResult | undefined {
  if (!isTutorOf(actor, session)) return refuse(actor.role === 'admin' ? refusals.adminDoesNotScore() : refusals.tutorOnly());
  return undefined;
}

/** Resident of the session: the stages' work and the resident's own preparation are theirs alone. */
export function residentGuard({ session, actor }: CommandContext): HandlerResult | undefined {
  if (!isResidentOf(actor, session)) return refuse(actor.role === 'admin' ? refusals.adminDoesNotWrite() : refusals.residentOnly());
  return undefined;
}

/** Tutor of the session or an administrator: arrangements and notices. */
export function organiserGuard({ session, actor }: CommandContext): HandlerResult | undefined {
  if (actor.role !== 'admin' && !isTutorOf(actor, session)) return refuse(refusals.organisersOnly());
  return undefined;
}

/** Arrangements and preparation are made before the session; once its clock has run they are history. */
export function notStartedGuard({ session }: CommandContext): HandlerResult | undefined {
  return clockStatus(session.timer) === 'notStarted' ? undefined : refuse(refusals.alreadyStarted());
}
