import { isLanguage, MESSAGES } from '../src/core/i18n';
import { hostViewerAnnotations } from './host/viewerAnnotations';
import type { ExtensionParams, ServicesManager } from './host/ohifTypes';
import { EXTENSION_ID, PANEL_NAME, TEACHING_SERVICE } from './id';
import { reactIsland } from './panel/reactIsland';
import { ensurePanelStyles } from './panel/styles';
import { browserLanguageStore } from './service/browserLanguageStore';
import { TeachingService } from './service/TeachingService';

function teachingService(servicesManager: ServicesManager): TeachingService {
  return servicesManager.services[TEACHING_SERVICE] as TeachingService;
}

const extension = {
  id: EXTENSION_ID,

  preRegistration({ servicesManager, appConfig }: ExtensionParams) {
    const configured = appConfig?.teaching?.language;
    const language = isLanguage(configured) ? configured : 'zh-CN';
    servicesManager.registerService({
      name: TEACHING_SERVICE,
      create: () => new TeachingService(language, browserLanguageStore),
    });
  },

  onModeEnter({ servicesManager, commandsManager }: ExtensionParams) {
    teachingService(servicesManager).attach(hostViewerAnnotations(servicesManager, commandsManager));
  },

  onModeExit({ servicesManager }: ExtensionParams) {
    teachingService(servicesManager).detach();
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
