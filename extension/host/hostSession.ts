import type { ServicesManager } from './ohifTypes';

/**
 * The host's own authorization header: with OIDC configured it is the bearer token the host signed
 * in with, renewed silently without any event, so it is asked for again on every call.
 */
export function hostAuthorization(servicesManager: ServicesManager): () => Record<string, string> | undefined {
  return () => servicesManager.services.userAuthenticationService?.getAuthorizationHeader?.();
}

/** The first study of the viewer's URL, the one the host opens and a teaching session is about. */
export function openedStudyInstanceUID(search: string): string | undefined {
  for (const [key, value] of new URLSearchParams(search)) {
    if (key.toLowerCase() === 'studyinstanceuids') return value.split(',')[0]?.trim() || undefined;
  }
  return undefined;
}

/** The viewer URL's parameter that opens a case's preparation: `new` (a new case from the study) or a case id. */
export const PREPARE_CASE_PARAMETER = 'prepareCase';

/** The case the viewer's URL asks to prepare, `new` for a new case from its study; undefined when it asks for none. */
export function requestedPreparation(search: string): string | undefined {
  return new URLSearchParams(search).get(PREPARE_CASE_PARAMETER)?.trim() || undefined;
}

/**
 * The same viewer URL's query, preparing `caseId`: a reload then opens what is being prepared, and
 * a new case once saved opens as itself rather than as another new one. Every other parameter stays.
 */
export function withPreparation(search: string, caseId: string): string {
  const query = new URLSearchParams(search);
  query.set(PREPARE_CASE_PARAMETER, caseId);
  return `?${query}`;
}
