import { MESSAGES } from '../../src/core/i18n';
import { TEACHING_PANEL_ID } from '../../extension/id';
import { teachingToolbarSections } from './toolbar';

export const MODE_ID = '@ohif-teaching/mode';
export const ROUTE_NAME = 'teaching';
/** The study list offers teaching for every modality a residency case is likely to use. */
export const TEACHING_MODALITIES = ['CT', 'MR', 'CR', 'DX', 'US', 'PT', 'NM', 'MG'];

const HOST_MEASUREMENT_PANEL = '@ohif/extension-cornerstone.panelModule.panelMeasurement';

// The extension is served beside this file; resolving it from here lets a department put the two
// bundles under any path without rebuilding.
const extensionUrl = new URL(/* @vite-ignore */ './extension.js', import.meta.url).href;

interface HostRoute {
  path: string;
  layoutInstance: { id: string; props: Record<string, unknown> };
  [key: string]: unknown;
}

interface HostModeInstance {
  routes: HostRoute[];
  extensions: Record<string, string>;
  toolbarSections: unknown[];
  [key: string]: unknown;
}

export interface TeachingModeInstance extends HostModeInstance {
  id: string;
  routeName: string;
  displayName: string;
  hide: boolean;
  modeModalities: string[];
}

interface ModeFactoryParams {
  loadModules(modules: string[]): Promise<Array<{ modeInstance: HostModeInstance }>>;
}

const mode = {
  id: MODE_ID,
  /** Built on the host's basic viewer mode so toolbars, viewports and SOP class handlers stay the host's. */
  async modeFactory({ loadModules }: ModeFactoryParams): Promise<TeachingModeInstance> {
    const [basic] = await loadModules(['@ohif/mode-basic']);
    if (!basic) throw new Error('OHIF Teaching needs the host\'s "@ohif/mode-basic" mode');
    const base = basic.modeInstance;
    const [baseRoute] = base.routes;
    if (!baseRoute) throw new Error('The host\'s basic mode has no route to build on');

    const route: HostRoute = {
      ...baseRoute,
      path: ROUTE_NAME,
      layoutInstance: {
        ...baseRoute.layoutInstance,
        props: {
          ...baseRoute.layoutInstance.props,
          rightPanels: [TEACHING_PANEL_ID, HOST_MEASUREMENT_PANEL],
          rightPanelClosed: false,
        },
      },
    };

    return {
      ...base,
      id: MODE_ID,
      routeName: ROUTE_NAME,
      displayName: `${MESSAGES['zh-CN']['mode.name']} / ${MESSAGES.en['mode.name']}`,
      hide: false,
      modeModalities: TEACHING_MODALITIES,
      extensions: { ...base.extensions, [extensionUrl]: '^0.1.0' },
      toolbarSections: [...base.toolbarSections, teachingToolbarSections],
      routes: [route],
    };
  },
};

export default mode;
