import type { Actor } from '../session/people';
import type { TeachingSession } from '../session/session';
import type { TeachingCase } from '../session/teachingCase';

export const isResidentOf = (actor: Actor, session: Pick<TeachingSession, 'residentId'>) =>
  actor.role === 'resident' && actor.id === session.residentId;

export const isTutorOf = (actor: Actor, session: Pick<TeachingSession, 'tutorId'>) =>
  actor.role === 'tutor' && actor.id === session.tutorId;

/** A resident sees only their own sessions, a tutor those they supervise, an administrator all. */
export function maySeeSession(actor: Actor, session: Pick<TeachingSession, 'residentId' | 'tutorId'>): boolean {
  return actor.role === 'admin' || isResidentOf(actor, session) || isTutorOf(actor, session);
}

/** Tutors prepare cases for their residents (guide 3.1–3.2); administrators keep the catalogue. */
export const mayManageCases = (actor: Actor) => actor.role === 'tutor' || actor.role === 'admin';

export const mayManagePeople = (actor: Actor) => actor.role === 'admin';

/** The department's category list is the administrators' to keep; tutors file cases under it. */
export const mayManageCategories = (actor: Actor) => actor.role === 'admin';

/**
 * Whether `actor` may read a case's reference (its answer and reference annotations): tutors and
 * administrators always, a resident once their `session` on the case is signed off.
 */
export function mayReadCaseReference(actor: Actor, session?: Pick<TeachingSession, 'residentId' | 'signOff'>): boolean {
  if (actor.role !== 'resident') return true;
  return session !== undefined && session.residentId === actor.id && session.signOff !== undefined;
}

/**
 * A case as `actor` may see it. A resident does not see the tutor's reference answer until their
 * session on the case is signed off; otherwise it would give the answers away.
 */
export function caseFor(actor: Actor, teachingCase: TeachingCase, session?: Pick<TeachingSession, 'residentId' | 'signOff'>): TeachingCase {
  if (mayReadCaseReference(actor, session)) return teachingCase;
  const { referenceAnswer: _hidden, ...withoutAnswer } = teachingCase;
  return withoutAnswer;
}
