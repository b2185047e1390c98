import Fastify, { type FastifyInstance } from 'fastify';
import { DICOMWEB_PREFIX } from './appConfig';
import type { ServerConfig } from './config';
import { registerPacsProxy } from './pacsProxy';
import { registerViewerAssets } from './viewerAssets';
import { DicomStore } from '../dicomweb/store/DicomStore';
import { dicomWebPlugin } from '../dicomweb/plugin';
import { ensureSampleStudies } from '../dicomweb/sample/generateSampleStudies';

export interface CreatedServer {
  app: FastifyInstance;
  /** Set when DICOMweb is served by the embedded server rather than a PACS. */
  store: DicomStore | undefined;
}

/** Composes the viewer, our bundles and DICOMweb (embedded or proxied) into one Fastify instance. */
export async function createServer(config: ServerConfig, options: { logger?: boolean } = {}): Promise<CreatedServer> {
  const app = Fastify({
    logger: options.logger ?? false,
    // A viewer fetches hundreds of frames per study; the log keeps what an operator acts on.
    disableRequestLogging: true,
    // STOW-RS uploads of whole studies are large; the DICOMweb plugin sets its own, tighter rules per route.
    bodyLimit: 1024 * 1024 * 1024,
  });

  let store: DicomStore | undefined;
  if (config.pacsUrl) {
    await registerPacsProxy(app, { pacsUrl: config.pacsUrl, prefix: DICOMWEB_PREFIX });
  } else {
    const samples = await ensureSampleStudies(config.dataDir);
    if (samples.generated) app.log.info(`Generated ${samples.files} sample DICOM files in ${config.dataDir}`);
    store = await DicomStore.open(config.dataDir, {
      info: message => app.log.info(message),
      warn: message => app.log.warn(message),
    });
    await app.register(dicomWebPlugin, { prefix: DICOMWEB_PREFIX, store });
  }

  await registerViewerAssets(app, config);
  return { app, store };
}
