import { yearCheck, type PreparationChecklist } from '../../session/preparation';
import { accept, refuse } from '../outcome';
import { refusals } from '../refusals';
import type { CommandContext, HandlerResult } from './context';
import { notStartedGuard, organiserGuard, residentGuard, tutorGuard } from './guards';

/** The resident has been told the time, place and disease (guide 3.2: 相关内容提前通知住院医师). */
export function notifyResident(context: CommandContext): HandlerResult {
  const refused = organiserGuard(context) ?? notStartedGuard(context);
  if (refused) return refused;
  const { session, at } = context;
  return accept({ ...session, schedule: { ...session.schedule, residentNotifiedAt: at } });
}

/** For a real-time exam, the patient was told of the teaching beforehand (guide 3.1); it may be recorded afterwards. */
export function recordPatientInformed(context: CommandContext, informedAt: string | undefined): HandlerResult {
  const refused = organiserGuard(context) ?? notStartedGuard(context);
  if (refused) return refused;
  const { session, at } = context;
  if (!session.realTime) return refuse(refusals.notRealTime());
  const when = informedAt ?? at;
  if (Date.parse(when) > Date.parse(at)) return refuse(refusals.informedLater());
  return accept({ ...session, preparation: { ...session.preparation, patientInformedAt: when } });
}

/** The tutor chose a case prepared for another year on purpose, and says why. */
export function acceptYearMismatch(context: CommandContext, reason: string): HandlerResult {
  const refused = tutorGuard(context) ?? notStartedGuard(context);
  if (refused) return refused;
  const { session, actor, at } = context;
  const { result } = yearCheck(session);
  if (result === 'unknown' || result === 'matches') return refuse(refusals.noYearMismatch(session.residentTrainingYear));
  if (!reason.trim()) return refuse(refusals.reasonRequired());
  return accept({ ...session, preparation: { ...session.preparation, yearMismatchAccepted: { at, by: actor.id, reason: reason.trim() } } });
}

/** The resident ticks off their own preparation (guide 3.3). */
export function savePreparation(context: CommandContext, checklist: PreparationChecklist): HandlerResult {
  const refused = residentGuard(context);
  if (refused) return refused;
  const { session } = context;
  return accept({ ...session, preparation: { ...session.preparation, checklist } });
}
