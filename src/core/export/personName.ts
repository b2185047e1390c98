import type { TeachingSession } from '../session/session';
import type { PrintablePerson } from './printableForm';

export interface SessionPeople {
  resident: { name: string };
  tutor: { name: string };
}

/**
 * Records name people by id; the form prints names. Anyone else who signed or amended (an
 * administrator, say) is shown by id, which the caller has not given a name for.
 */
export function personNamer(session: TeachingSession, people: SessionPeople): (id: string) => PrintablePerson {
  return id => {
    if (id === session.tutorId) return { id, name: people.tutor.name };
    if (id === session.residentId) return { id, name: people.resident.name };
    return { id, name: id };
  };
}
