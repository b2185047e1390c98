import type { Principal } from '../auth/principal';
import type { RecordsRepository } from '../repository/RecordsRepository';

/** The teaching mode's route in the viewer (modes/teaching). */
export const TEACHING_ROUTE = '/teaching';

/** Only a path of this site: anything else could send a freshly signed-in person to another site. */
export function safeReturnPath(value: string | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f]/.test(value)) return undefined;
  return value;
}

/**
 * Where someone lands after signing in without a page of their own in mind: in the study of the
 * session they are working on, so that a resident and their tutor meet in the same case.
 */
export async function landingPage(repository: RecordsRepository, principal: Principal): Promise<string> {
  const { account } = principal;
  if (account.role === 'admin') return '/';
  const filter = account.role === 'resident' ? { residentId: account.id } : { tutorId: account.id };
  const open = (await repository.listSessions(account.departmentId, filter)).find(({ record }) => !record.signOff && record.timer.intervals.length > 0 && !record.timer.endedAt);
  if (!open) return '/';
  const teachingCase = await repository.getCase(account.departmentId, open.record.caseId);
  const study = teachingCase?.record.studyInstanceUIDs[0];
  return study ? `${TEACHING_ROUTE}?StudyInstanceUIDs=${study}` : '/';
}
