import type { Schedule } from '../../session/session';
import { clockStatus } from '../../session/sessionClock';
import { accept, refuse } from '../outcome';
import { refusals } from '../refusals';
import type { CommandContext, HandlerResult } from './context';
import { organiserGuard } from './guards';

/**
 * A new time or place. The resident was told of the old ones, so that notice no longer counts; a
 * patient told to come at the old time must be told again too.
 */
export function reschedule(context: CommandContext, planned: Pick<Schedule, 'plannedAt' | 'place'>): HandlerResult {
  const refused = organiserGuard(context);
  if (refused) return refused;
  const { session } = context;
  if (clockStatus(session.timer) !== 'notStarted') return refuse(refusals.alreadyStarted());
  const moved = Date.parse(planned.plannedAt) !== Date.parse(session.schedule.plannedAt);
  const noticeHolds = !moved && planned.place === session.schedule.place && session.schedule.residentNotifiedAt !== undefined;
  const { patientInformedAt, ...preparation } = session.preparation;
  return accept({
    ...session,
    schedule: { plannedAt: planned.plannedAt, place: planned.place, ...(noticeHolds ? { residentNotifiedAt: session.schedule.residentNotifiedAt } : {}) },
    preparation: moved || !patientInformedAt ? preparation : { ...preparation, patientInformedAt },
  });
}
