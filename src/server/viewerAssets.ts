import { createRequire } from 'node:module';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

const repoRoot = path.resolve(bundleDir, '../..');
const BUNDLE_SOURCES = ['extension', 'modes', 'src/core'];

/** Newest modification time among the sources the bundles are built from (0 where they are not shipped). */
function newestSourceTime(): number {
  let newest = 0;
  for (const folder of BUNDLE_SOURCES) {
    const dir = path.join(repoRoot, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      newest = Math.max(newest, statSync(path.join(dir, name)).mtimeMs);
    }
  }
  return newest;
}

export async function registerViewerAssets(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const extensionBundle = path.join(bundleDir, 'extension.js');
  if (!existsSync(extensionBundle) || !existsSync(path.join(bundleDir, 'mode.js'))) {
    throw new Error(`The teaching bundles are missing from ${bundleDir}; run "npm run build" first.`);
  }
  if (newestSourceTime() > statSync(extensionBundle).mtimeMs) {
    app.log.warn('The teaching bundles are older than their sources; run "npm run build" to serve your changes.');
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
