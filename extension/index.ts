import { isLanguage, MESSAGES } from '../src/core/i18n';
import type { TeachingApi } from './api/teachingApi';
import { hostAuthorization, openedStudyInstanceUID, requestedPreparation, withPreparation } from './host/hostSession';
import { hostPatientStudies } from './host/patientStudies';
import { studyHeaders } from './host/studyHeaders';
import { hostPriorComparison } from './host/priorComparison';
import { departmentSignLists, TEACHING_CUSTOMIZATIONS } from './host/teachingCustomizations';
import { hostViewerAnnotations } from './host/viewerAnnotations';
import type { ExtensionManager, ExtensionParams, ServicesManager } from './host/ohifTypes';
import { EXTENSION_ID, PANEL_NAME, SIGN_COMPARISON_SERVICE, TEACHING_SERVICE } from './id';
import { reactIsland } from './panel/reactIsland';
import { ensurePanelStyles } from './panel/styles';
import { browserLanguageStore } from './service/browserLanguageStore';
import { browserStandInStore } from './service/browserStandInStore';
import { newIdempotencyKey } from './service/idempotencyKey';
import { openCaseDrafts, openLocalDraft, type CaseDrafts, type LocalDraft } from './service/localDraft';
import { memoryCaseDrafts, memoryDraft } from './service/memoryDraft';
import { SignComparisonLoader } from './service/signComparisonLoader';
import { TeachingService } from './service/TeachingService';

function teachingService(servicesManager: ServicesManager): TeachingService {
  return servicesManager.services[TEACHING_SERVICE] as TeachingService;
}

function signComparison(servicesManager: ServicesManager): SignComparisonLoader {
  return servicesManager.services[SIGN_COMPARISON_SERVICE] as SignComparisonLoader;
}

const extension = {
  id: EXTENSION_ID,

  preRegistration({ servicesManager, commandsManager, extensionManager, appConfig }: ExtensionParams) {
    const configured = appConfig?.teaching?.language;
    const language = isLanguage(configured) ? configured : 'zh-CN';
    const apiRoot = (appConfig?.teaching?.apiRoot ?? '/api').replace(/\/+$/, '');
    let api: Promise<TeachingApi> | undefined;
    // The client and its schemas (zod) load with the first call, not with the viewer.
    const loadApi = () =>
      (api ??= import('./api/teachingApi').then(({ createTeachingApi }) =>
        createTeachingApi({
          apiRoot,
          authorization: hostAuthorization(servicesManager),
          language: () => teachingService(servicesManager).getState().language,
          fetch: window.fetch.bind(window),
        }),
      ));
    servicesManager.registerService({
      name: TEACHING_SERVICE,
      create: () => {
        let draft: Promise<LocalDraft> | undefined;
        let caseDrafts: Promise<CaseDrafts> | undefined;
        const service: TeachingService = new TeachingService(language, {
          languageStore: browserLanguageStore,
          standInStore: browserStandInStore,
          api: loadApi,
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
          shownForComparison: uid => signComparison(servicesManager).holds(uid),
        });
        return service;
      },
    });
    servicesManager.registerService({
      name: SIGN_COMPARISON_SERVICE,
      // The view and its overlay load with the first session whose comparison the person may see.
      create: () =>
        new SignComparisonLoader({
          service: teachingService(servicesManager),
          load: () => import('./host/hostSignComparison').then(({ hostSignComparison }) => hostSignComparison(servicesManager, commandsManager, teachingService(servicesManager))),
        }),
    });
  },

  onModeEnter({ servicesManager, commandsManager }: ExtensionParams) {
    const studyInstanceUID = openedStudyInstanceUID(window.location.search);
    signComparison(servicesManager).setStudy(studyInstanceUID);
    teachingService(servicesManager).attach(hostViewerAnnotations(servicesManager, commandsManager), studyInstanceUID);
  },

  onModeExit({ servicesManager }: ExtensionParams) {
    teachingService(servicesManager).detach();
  },

  getCustomizationModule() {
    return [{ name: 'default', value: TEACHING_CUSTOMIZATIONS }];
  },

  getPanelModule({ servicesManager }: ExtensionParams) {
    const service = teachingService(servicesManager);
    const comparison = signComparison(servicesManager);
    ensurePanelStyles(document);
    const language = service.getState().language;
    return [
      {
        name: PANEL_NAME,
        iconName: 'clipboard',
        iconLabel: MESSAGES[language]['panel.title'],
        label: `${MESSAGES['zh-CN']['panel.title']} / ${MESSAGES.en['panel.title']}`,
        component: reactIsland(
          () => import('./panel/mountTeachingPanel').then(({ mountTeachingPanel }) => container => mountTeachingPanel(container, service, comparison)),
          'ohif-teaching-host',
        ),
      },
    ];
  },
};

export default extension;
