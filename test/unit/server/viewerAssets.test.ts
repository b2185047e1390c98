import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/server/config';
import { registerViewerAssets } from '../../../src/server/viewerAssets';

// Needs the built bundles (`npm test` builds before it runs the suites).
describe('viewer assets', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    await registerViewerAssets(app, readConfig({}));
  });
  afterAll(() => app.close());

  it('serves our app-config in place of the dist one', async () => {
    const response = await app.inject({ url: '/app-config.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.body).toContain('/ohif-teaching/mode.js');
    expect(response.body).not.toContain('d14fa38qiwhyfd.cloudfront.net');
  });

  it('answers every page route of the single-page viewer with its index.html', async () => {
    for (const url of ['/', '/teaching?StudyInstanceUIDs=1.2.3', '/viewer', '/teaching/pacs?StudyInstanceUIDs=1']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
    }
  });

  it('serves the teaching bundles as ES modules that browsers revalidate', async () => {
    for (const name of ['extension.js', 'mode.js']) {
      const response = await app.inject({ url: `/ohif-teaching/${name}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('lets browsers keep the viewer chunks whose names carry a content hash', async () => {
    const index = (await app.inject({ url: '/' })).body;
    const bundle = /src="\/?(app\.bundle\.[0-9a-f]+\.js)"/.exec(index)?.[1];
    expect(bundle).toBeDefined();
    const response = await app.inject({ url: `/${bundle}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing file or API path with a JSON 404, not the page', async () => {
    for (const url of ['/no-such-file.js', '/api/nothing', '/ohif-teaching/nope.js']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error, url).toMatch(/Not found/);
    }
  });
});
