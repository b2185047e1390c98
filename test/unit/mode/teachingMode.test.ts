import { describe, expect, it } from 'vitest';
import { TEACHING_PANEL_ID } from '../../../extension/id';
import mode, { MODE_ID, ROUTE_NAME, TEACHING_MODALITIES } from '../../../modes/teaching';
import { TEACHING_MEASUREMENT_TOOLS } from '../../../modes/teaching/toolbar';

/** The shape of the host's @ohif/mode-basic module that the teaching mode builds on (3.13). */
function hostBasicMode() {
  const layoutTemplate = function (this: { layoutInstance: unknown }) {
    return this.layoutInstance;
  };
  return {
    modeInstance: {
      id: '@ohif/mode-basic',
      routeName: 'basic',
      hide: true,
      displayName: 'Non-Longitudinal Basic',
      isValidMode: () => ({ valid: true }),
      extensions: { '@ohif/extension-default': '^3.0.0', '@ohif/extension-cornerstone': '^3.0.0' },
      toolbarSections: [{ $reference: 'cornerstone.toolbarSections' }],
      sopClassHandlers: ['@ohif/extension-default.sopClassHandlerModule.stack'],
      routes: [
        {
          path: 'basic',
          layoutTemplate,
          layoutInstance: {
            id: '@ohif/extension-default.layoutTemplateModule.viewerLayout',
            props: {
              leftPanels: ['@ohif/extension-default.panelModule.seriesList'],
              rightPanels: ['@ohif/extension-cornerstone.panelModule.panelSegmentation'],
              rightPanelClosed: true,
              viewports: [{ namespace: '@ohif/extension-cornerstone.viewportModule.cornerstone' }],
            },
          },
        },
      ],
    },
  };
}

describe('teaching mode', () => {
  it('asks the host for its basic mode and takes its viewports, handlers and hooks', async () => {
    const requested: string[][] = [];
    const instance = await mode.modeFactory({
      loadModules: async modules => {
        requested.push(modules);
        return [hostBasicMode()];
      },
    });
    expect(requested).toEqual([['@ohif/mode-basic']]);
    expect(instance).toMatchObject({ id: MODE_ID, routeName: ROUTE_NAME, hide: false, displayName: '教学 / Teaching' });
    expect(instance.sopClassHandlers).toEqual(['@ohif/extension-default.sopClassHandlerModule.stack']);
    expect(instance.modeModalities).toEqual(TEACHING_MODALITIES);
    expect(TEACHING_MODALITIES).toEqual(expect.arrayContaining(['CT', 'MR', 'CR', 'DX', 'US', 'PT', 'NM', 'MG']));
  });

  it('opens the teaching panel on the right, beside the host measurements, with the study browser on the left', async () => {
    const instance = await mode.modeFactory({ loadModules: async () => [hostBasicMode()] });
    const [route] = instance.routes;
    expect(route!.path).toBe('teaching');
    const props = route!.layoutInstance.props;
    expect(props.rightPanels).toEqual([TEACHING_PANEL_ID, '@ohif/extension-cornerstone.panelModule.panelMeasurement']);
    expect(props.rightPanelClosed).toBe(false);
    expect(props.leftPanels).toEqual(['@ohif/extension-default.panelModule.seriesList']);
    expect(props.viewports).toEqual([{ namespace: '@ohif/extension-cornerstone.viewportModule.cornerstone' }]);
    expect((route!.layoutTemplate as () => unknown).call(route)).toBe(route!.layoutInstance);
  });

  it('pulls its extension by a URL beside the mode bundle, keeping the host extensions', async () => {
    const instance = await mode.modeFactory({ loadModules: async () => [hostBasicMode()] });
    const urls = Object.keys(instance.extensions).filter(key => key.includes('://'));
    expect(urls).toEqual([new URL('extension.js', new URL('../../../modes/teaching/', import.meta.url)).href]);
    expect(instance.extensions).toMatchObject({ '@ohif/extension-default': '^3.0.0', '@ohif/extension-cornerstone': '^3.0.0' });
  });

  it('puts the residents’ measurement tools in the toolbar over the host sections', async () => {
    const instance = await mode.modeFactory({ loadModules: async () => [hostBasicMode()] });
    const [host, teaching] = instance.toolbarSections as [unknown, { primary: string[]; MeasurementTools: string[] }];
    expect(host).toEqual({ $reference: 'cornerstone.toolbarSections' });
    expect(teaching.primary[0]).toBe('MeasurementTools');
    expect(teaching.MeasurementTools).toEqual(TEACHING_MEASUREMENT_TOOLS);
    expect(TEACHING_MEASUREMENT_TOOLS).toEqual(
      expect.arrayContaining(['Length', 'Bidirectional', 'EllipticalROI', 'RectangleROI', 'ArrowAnnotate', 'Probe', 'Angle', 'PlanarFreehandROI']),
    );
  });

  it('explains itself when the host lacks the basic mode', async () => {
    await expect(mode.modeFactory({ loadModules: async () => [] })).rejects.toThrow(/@ohif\/mode-basic/);
  });
});
