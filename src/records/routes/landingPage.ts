import type { Principal } from '../auth/principal';
import type { RecordsRepository } from '../repository/RecordsRepository';

/** The teaching mode's route in the viewer (modes/teaching). */
export const TEACHING_ROUTE = '/teaching';

/** The teaching worklist, the product's home page after sign-in (routes/worklistRoutes.ts). */
export const WORKLIST_PATH = '/api/worklist';

/** Only a path of this site: anything else could send a freshly signed-in person to another site. */
export function safeReturnPath(value: string | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f]/.test(value)) return undefined;
  return value;
}

/** The viewer's base path with a trailing slash: `/` where the viewer is the site's root, `/viewer/` under a department's path. */
export function viewerBase(viewerPath = '/'): string {
  return viewerPath.endsWith('/') ? viewerPath : `${viewerPath}/`;
}

/** The viewer in teaching mode on a study; with `prepareCase`, a case (or `new`) to prepare on it. */
export function teachingUrl(viewerPath: string | undefined, studyInstanceUID: string, prepareCase?: string): string {
  const query = new URLSearchParams({ StudyInstanceUIDs: studyInstanceUID, ...(prepareCase ? { prepareCase } : {}) });
  return `${viewerBase(viewerPath).slice(0, -1)}${TEACHING_ROUTE}?${query.toString()}`;
}

/**
 * Where someone lands after signing in without a page of their own in mind: in the study of the
 * session whose clock is running for them (or paused), so that a resident and their tutor meet in
 * the same case; otherwise on the teaching worklist.
 */
export async function landingPage(repository: RecordsRepository, principal: Principal, viewerPath?: string): Promise<string> {
  const { account } = principal;
  if (account.role === 'admin') return WORKLIST_PATH;
  const mine = account.role === 'resident' ? { residentId: account.id } : { tutorId: account.id };
  const { listings } = await repository.listSessionListings(account.departmentId, { ...mine, phases: ['inProgress'], clocks: ['running', 'paused'], order: 'changed', limit: 1 });
  const open = listings[0];
  if (!open) return WORKLIST_PATH;
  const teachingCase = await repository.getCase(account.departmentId, open.caseId);
  const study = teachingCase?.record.studyInstanceUIDs[0];
  return study ? teachingUrl(viewerPath, study) : WORKLIST_PATH;
}
