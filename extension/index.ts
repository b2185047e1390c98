import { isLanguage, MESSAGES } from '../src/core/i18n';
import type { TeachingApi } from './api/teachingApi';
import { hostAuthorization, openedStudyInstanceUID, requestedPreparation, withPreparation } from './host/hostSession';
import { hostPatientStudies } from './host/patientStudies';
import { studyHeaders } from './host/studyHeaders';
import { hostPriorComparison } from './host/priorComparison';
import { departmentSignLists, TEACHING_CUSTOMIZATIONS } from './host/teachingCustomizations';
import { hostViewerAnnotations } from './host/viewerAnnotations';
import type { ExtensionManager, ExtensionParams, ServicesManager } from './host/ohifTypes';
import { EXTENSION_ID, PANEL_NAME, TEACHING_SERVICE } from './id';
import { reactIsland } from './panel/reactIsland';
import { ensurePanelStyles } from './panel/styles';
import { browserLanguageStore } from './service/browserLanguageStore';
import { browserStandInStore } from './service/browserStandInStore';
import { newIdempotencyKey } from './service/idempotencyKey';
import { openCaseDrafts, openLocalDraft, type CaseDrafts, type LocalDraft } from './service/localDraft';
import { memoryCaseDrafts, memoryDraft } from './service/memoryDraft';
import { TeachingService } from './service/TeachingService';

function teachingService(servicesManager: ServicesManager): TeachingService {
  return servicesManager.services[TEACHING_SERVICE] as TeachingService;
}

const extension = {
  id: EXTENSION_ID,

  preRegistration({ servicesManager, commandsManager, extensionManager, appConfig }: ExtensionParams) {
    const configured = appConfig?.teaching?.language;
    const language = isLanguage(configured) ? configured : 'zh-CN';
    const apiRoot = (appConfig?.teaching?.apiRoot ?? '/api').replace(/\/+$/, '');
    servicesManager.registerService({
      name: TEACHING_SERVICE,
      create: () => {
        let api: Promise<TeachingApi> | undefined;
        let draft: Promise<LocalDraft> | undefined;
        let caseDrafts: Promise<CaseDrafts> | undefined;
        const service: TeachingService = new TeachingService(language, {
          languageStore: browserLanguageStore,
          standInStore: browserStandInStore,
          // The client and its schemas (zod) load with the first call, not with the viewer.
          api: () =>
            (api ??= import('./api/teachingApi').then(({ createTeachingApi }) =>
              createTeachingApi({
                apiRoot,
                authorization: hostAuthorization(servicesManager),
                language: () => service.getState().language,
                fetch: window.fetch.bind(window),
              }),
            )),
          signInUrl: `${apiRoot}/auth/sign-in`,
          page: { assign: url => window.location.assign(url), reload: () => window.location.reload() },
          timers: { setTimeout: (callback, ms) => window.setTimeout(callback, ms) },
          newKey: newIdempotencyKey,
          onOnline: listener => window.addEventListener('online', listener),
          localDraft: () => (draft ??= openLocalDraft().catch(() => memoryDraft())),
          studyHeaders: studyInstanceUID => studyHeaders(servicesManager.services.displaySetService, studyInstanceUID),
          priorComparison: hostPriorComparison(servicesManager, commandsManager, extensionManager as ExtensionManager),
          visibility: {
            visible: () => document.visibilityState === 'visible',
            onChange(listener) {
              document.addEventListener('visibilitychange', listener);
              return () => document.removeEventListener('visibilitychange', listener);
            },
          },
          signVocabulary: () => departmentSignLists(servicesManager),
          casePreparation: {
            requested: () => requestedPreparation(window.location.search),
            // Outside the host's router, which reads the address only when it navigates: the page stays as it is.
            showInAddress: caseId => window.history.replaceState(window.history.state, '', `${window.location.pathname}${withPreparation(window.location.search, caseId)}${window.location.hash}`),
            drafts: () => (caseDrafts ??= openCaseDrafts().catch(() => memoryCaseDrafts())),
            patientStudies: hostPatientStudies(extensionManager as ExtensionManager),
          },
        });
        return service;
      },
    });
  },

  onModeEnter({ servicesManager, commandsManager }: ExtensionParams) {
    teachingService(servicesManager).attach(hostViewerAnnotations(servicesManager, commandsManager), openedStudyInstanceUID(window.location.search));
  },

  onModeExit({ servicesManager }: ExtensionParams) {
    teachingService(servicesManager).detach();
  },

  getCustomizationModule() {
    return [{ name: 'default', value: TEACHING_CUSTOMIZATIONS }];
  },

  getPanelModule({ servicesManager }: ExtensionParams) {
    const service = teachingService(servicesManager);
    ensurePanelStyles(document);
    const language = service.getState().language;
    return [
      {
        name: PANEL_NAME,
        iconName: 'clipboard',
        iconLabel: MESSAGES[language]['panel.title'],
        label: `${MESSAGES['zh-CN']['panel.title']} / ${MESSAGES.en['panel.title']}`,
        component: reactIsland(
          () => import('./panel/mountTeachingPanel').then(({ mountTeachingPanel }) => container => mountTeachingPanel(container, service)),
          'ohif-teaching-host',
        ),
      },
    ];
  },
};

export default extension;
