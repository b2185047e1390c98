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
