import { checkDepartmentSignLists, type DepartmentSignLists } from '../../src/core/vocabulary/signVocabulary';
import type { ServicesManager } from './ohifTypes';

/** The department's slots in the host's customization service, and what each holds by default. */
export const SIGN_VOCABULARY_KEY = 'teaching.signVocabulary';

/**
 * Registered as the extension's customization module, so the keys are discoverable and a site can
 * replace them with `$set` in its app config. Nothing here means the shipped vocabulary, which
 * loads with the panel rather than with the viewer.
 */
export const TEACHING_CUSTOMIZATIONS = { [SIGN_VOCABULARY_KEY]: {} };

interface HostCustomizations {
  getCustomization(id: string): unknown;
}

/**
 * The department's sign lists by modality, as its site configured them. A malformed value is not
 * taken in part: the shipped lists apply and the console says what was wrong.
 */
export function departmentSignLists(servicesManager: ServicesManager, log: Pick<Console, 'warn'> = console): DepartmentSignLists {
  const customizations = servicesManager.services.customizationService as HostCustomizations | undefined;
  const { lists, problems } = checkDepartmentSignLists(customizations?.getCustomization(SIGN_VOCABULARY_KEY));
  if (problems.length > 0) log.warn(`[teaching] ${SIGN_VOCABULARY_KEY} not used, the shipped vocabulary applies: ${problems.join('; ')}`);
  return lists;
}
