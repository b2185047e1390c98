import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCES } from '../../../src/core/comparison/signGeometry';
import { ConfigError, readConfig } from '../../../src/server/config';

describe('readConfig', () => {
  it('defaults to the embedded server on 127.0.0.1:3000 with Chinese UI', () => {
    const config = readConfig({}, '/srv/app');
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 3000,
      dataDir: path.resolve('/srv/app/data'),
      pacsUrl: undefined,
      language: 'zh-CN',
      records: {
        database: { kind: 'sqlite', file: path.resolve('/srv/app/data/records.sqlite') },
        language: 'zh-CN',
        oidc: undefined,
        demo: { enabled: true, password: 'teaching-demo', passwordIsDefault: true },
        signTolerances: DEFAULT_TOLERANCES,
        viewerPath: '/',
      },
    });
  });

  it("reads where a department serves the viewer, for the worklist's links, and refuses what is not a path of the site", () => {
    expect(readConfig({ TEACHING_VIEWER_PATH: '/viewer/' }).records.viewerPath).toBe('/viewer/');
    for (const bad of ['viewer', '//evil.example/', 'https://evil.example/', '/a b']) {
      expect(() => readConfig({ TEACHING_VIEWER_PATH: bad }), bad).toThrow(/TEACHING_VIEWER_PATH must be a path of this site/);
    }
  });

  it('reads port, data folder, PACS and language', () => {
    const config = readConfig(
      { PORT: '8080', DATA_DIR: 'studies', PACS_URL: 'http://pacs.local:8042/dicom-web/', TEACHING_LANGUAGE: 'en' },
      '/srv/app',
    );
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve('/srv/app/studies'));
    expect(config.pacsUrl).toBe('http://pacs.local:8042/dicom-web');
    expect(config.language).toBe('en');
  });

  it('reports every bad setting at once, by name', () => {
    let error: unknown;
    try {
      readConfig({ PORT: 'eighty', PACS_URL: 'ftp://x', TEACHING_LANGUAGE: 'fr' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT must be a number/);
    expect(message).toMatch(/PACS_URL must use http or https/);
    expect(message).toMatch(/TEACHING_LANGUAGE must be zh-CN or en/);
  });

  it('stores records in PostgreSQL when DATABASE_URL is set, and reads the identity provider', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://teaching@db.local:5432/records',
      DATABASE_SCHEMA: 'radiology',
      OIDC_ISSUER: 'https://id.example/realms/hospital/',
      OIDC_AUDIENCE: 'teaching',
      OIDC_CLAIM_ROLE: 'groups',
      TEACHING_DEMO: 'off',
      TEACHING_DEMO_PASSWORD: 'a longer secret',
    });
    expect(config.records.database).toEqual({ kind: 'postgres', url: 'postgres://teaching@db.local:5432/records', schema: 'radiology' });
    expect(config.records.oidc).toMatchObject({ issuer: 'https://id.example/realms/hospital', audience: 'teaching', claims: { role: 'groups', department: 'department' } });
    expect(config.records.demo).toEqual({ enabled: false, password: 'a longer secret', passwordIsDefault: false });
  });

  it('names bad records settings', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://x', TEACHING_DEMO_PASSWORD: 'short', TEACHING_DEMO: 'maybe' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/[\s\S]*TEACHING_DEMO_PASSWORD must have at least 10 characters[\s\S]*TEACHING_DEMO must be on or off/,
    );
  });

  it('reads the sign tolerances, keeping the defaults of those left out', () => {
    expect(readConfig({ TEACHING_SIGN_TOLERANCES: '{"sliceDistanceMm": 8, "minimumOverlap": 0.5}' }).records.signTolerances).toEqual({ ...DEFAULT_TOLERANCES, sliceDistanceMm: 8, minimumOverlap: 0.5 });
  });

  it('names what is wrong with the sign tolerances', () => {
    expect(() => readConfig({ TEACHING_SIGN_TOLERANCES: 'slice 8' })).toThrow(/TEACHING_SIGN_TOLERANCES must be JSON/);
    expect(() => readConfig({ TEACHING_SIGN_TOLERANCES: '{"sliceDistance": 8}' })).toThrow(/TEACHING_SIGN_TOLERANCES: Unrecognized key: "sliceDistance"/);
    expect(() => readConfig({ TEACHING_SIGN_TOLERANCES: '{"minimumOverlap": 2, "pointDistanceMm": -1}' })).toThrow(
      /TEACHING_SIGN_TOLERANCES\.pointDistanceMm: [\s\S]*TEACHING_SIGN_TOLERANCES\.minimumOverlap: /,
    );
  });

  it('rejects ports out of range', () => {
    expect(() => readConfig({ PORT: '70000' })).toThrow(/between 0 \(any free port\) and 65535/);
    expect(readConfig({ PORT: '0' }).port).toBe(0);
  });
});
