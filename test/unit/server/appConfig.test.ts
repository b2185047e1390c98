import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { renderAppConfig } from '../../../src/server/appConfig';

/** Runs the generated script the way the viewer's index.html does, in a page at `origin`. */
function evaluate(source: string, origin = 'http://teaching.example:3000') {
  const window: Record<string, any> = { location: { origin } };
  vm.runInNewContext(source, { window });
  return window.config;
}

describe('renderAppConfig', () => {
  it('lists our extension and mode by URL and points DICOMweb at the page origin', () => {
    const config = evaluate(renderAppConfig({ language: 'zh-CN', pacsUrl: undefined }));
    expect(config.extensions).toEqual(['/ohif-teaching/extension.js']);
    expect(config.modes).toEqual(['/ohif-teaching/mode.js']);
    const [source] = config.dataSources;
    expect(config.defaultDataSourceName).toBe(source.sourceName);
    expect(source.configuration.qidoRoot).toBe('http://teaching.example:3000/dicom-web');
    expect(source.configuration.wadoRoot).toBe('http://teaching.example:3000/dicom-web');
    expect(config.teaching).toEqual({ language: 'zh-CN', apiRoot: '/api' });
  });

  it('names the data source after the PACS when proxying', () => {
    const config = evaluate(renderAppConfig({ language: 'en', pacsUrl: 'http://pacs:8042/dicom-web' }));
    expect(config.dataSources[0].configuration.friendlyName).toBe('Department PACS');
    expect(config.teaching.language).toBe('en');
  });

  it('turns DICOMweb failures into a visible notification', () => {
    const shown: unknown[] = [];
    const window: Record<string, any> = {
      location: { origin: 'http://x' },
      services: { uiNotificationService: { show: (notice: unknown) => shown.push(notice) } },
    };
    vm.runInNewContext(renderAppConfig({ language: 'zh-CN', pacsUrl: 'http://pacs' }), { window, console: { warn() {} } });
    window.config.httpErrorHandler({ status: 502 });
    expect(shown).toEqual([expect.objectContaining({ type: 'error', message: expect.stringMatching(/PACS unreachable/) })]);
  });
});
