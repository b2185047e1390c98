import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { BUNDLE_PREFIX, DICOMWEB_PREFIX, renderAppConfig } from './appConfig';
import type { ServerConfig } from './config';

const require = createRequire(import.meta.url);

/** The prebuilt viewer shipped in the `@ohif/app` package, served unmodified. */
export const ohifDistDir = path.join(path.dirname(require.resolve('@ohif/app/package.json')), 'dist');

/** Where `npm run build` puts the extension and mode bundles. */
export const bundleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/teaching');

// The viewer's own chunks carry a content hash in their names, so browsers may keep them for good.
const HASHED_ASSET = /\.[0-9a-f]{8,}\.(js|css|wasm)$|\/[0-9a-f]{16}\.(wasm|woff2)$/;

export async function registerViewerAssets(app: FastifyInstance, config: ServerConfig): Promise<void> {
  if (!existsSync(path.join(bundleDir, 'extension.js')) || !existsSync(path.join(bundleDir, 'mode.js'))) {
    throw new Error(`The teaching bundles are missing from ${bundleDir}; run "npm run build" first.`);
  }
  const appConfig = renderAppConfig(config);
  app.get('/app-config.js', (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(appConfig),
  );

  await app.register(fastifyStatic, {
    root: ohifDistDir,
    prefix: '/',
    index: false,
    setHeaders: (reply, filePath) => {
      if (HASHED_ASSET.test(filePath)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  await app.register(fastifyStatic, {
    root: bundleDir,
    prefix: BUNDLE_PREFIX,
    decorateReply: false,
    cacheControl: false,
    setHeaders: reply => void reply.header('cache-control', 'no-cache'),
  });

  // The viewer is a single-page app: every page URL (/, /teaching?..., /viewer?...) is its index.html.
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', ohifDistDir);
  app.get('/', (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !pathname.startsWith(DICOMWEB_PREFIX) &&
      !pathname.startsWith('/api/') &&
      !path.extname(pathname);
    if (isPage) return sendIndex(reply);
    return reply.code(404).send({ error: `Not found: ${request.method} ${request.url.split('?')[0]}` });
  });
}
