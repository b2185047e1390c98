import { isResidentOf, isTutorOf } from '../../src/core/rules/permissions';
import type { Actor } from '../../src/core/session/people';
import type { SessionView } from '../../src/records/api/sessions';

/**
 * Who may see the comparison of this session now: its tutor (or an administrator) once 4.3 is
 * handed in, everyone of the session once it is signed off; never its resident before.
 */
export function maySeeComparison(actor: Actor | undefined, view: SessionView | undefined): boolean {
  if (!actor || !view) return false;
  const { session } = view;
  if (session.signOff) return isResidentOf(actor, session) || isTutorOf(actor, session) || actor.role === 'admin';
  if (isResidentOf(actor, session)) return false;
  return (isTutorOf(actor, session) || actor.role === 'admin') && session.stages['4.3'].status !== 'draft';
}
