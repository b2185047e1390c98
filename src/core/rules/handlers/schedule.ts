import type { Schedule } from '../../session/session';
import { accept } from '../outcome';
import type { CommandContext, HandlerResult } from './context';
import { notStartedGuard, organiserGuard } from './guards';

/**
 * A new time or place. The resident was told of the old ones, so that notice no longer counts; a
 * patient told to come at the old time must be told again too.
 */
export function reschedule(context: CommandContext, planned: Pick<Schedule, 'plannedAt' | 'place'>): HandlerResult {
  const refused = organiserGuard(context) ?? notStartedGuard(context);
  if (refused) return refused;
  const { session } = context;
  const { residentNotifiedAt, ...old } = session.schedule;
  const { patientInformedAt, ...preparation } = session.preparation;
  const moved = Date.parse(planned.plannedAt) !== Date.parse(old.plannedAt);
  const noticeHolds = !moved && planned.place === old.place;
  return accept({
    ...session,
    schedule: { plannedAt: planned.plannedAt, place: planned.place, ...(noticeHolds && residentNotifiedAt ? { residentNotifiedAt } : {}) },
    preparation: { ...preparation, ...(!moved && patientInformedAt ? { patientInformedAt } : {}) },
  });
}
