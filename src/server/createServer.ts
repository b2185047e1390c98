import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { DICOMWEB_PREFIX } from './appConfig';
import type { ServerConfig } from './config';
import { registerPacsProxy } from './pacsProxy';
import { registerViewerAssets } from './viewerAssets';
import { DicomStore } from '../dicomweb/store/DicomStore';
import { dicomWebPlugin } from '../dicomweb/plugin';
import { ensureSampleStudies } from '../dicomweb/sample/generateSampleStudies';
import type { RecordsDeps } from '../records/http/context';
import { FASTIFY_OPTIONS } from '../records/http/fastifyOptions';
import { registerRecords } from '../records/recordsPlugin';
import { qidoStudyDirectory } from '../records/studies/qidoStudyDirectory';
import { storeStudyDirectory } from '../records/studies/storeStudyDirectory';
import { installFrontDoor } from './frontDoor';

/**
 * Composes the viewer, our bundles, DICOMweb (embedded or proxied) and the teaching records into one
 * Fastify instance, every part of it behind sign-in.
 */
export async function createServer(config: ServerConfig, records: RecordsDeps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...FASTIFY_OPTIONS,
    logger: options.logger ?? false,
    // A viewer fetches hundreds of frames per study; the log keeps what an operator acts on.
    logController: new LogController({ disableRequestLogging: true }),
  });

  if (config.pacsUrl) {
    // A new case's studies are looked up where the viewer will read them.
    await registerRecords(app, { ...records, studies: qidoStudyDirectory(config.pacsUrl) }, { beforeRoutes: root => installFrontDoor(root, records.authenticator) });
    await registerPacsProxy(app, { pacsUrl: config.pacsUrl, prefix: DICOMWEB_PREFIX });
  } else {
    const samples = await ensureSampleStudies(config.dataDir);
    if (samples.generated) app.log.info(`Generated ${samples.files} sample DICOM files in ${config.dataDir}`);
    const store = await DicomStore.open(config.dataDir, {
      info: message => app.log.info(message),
      warn: message => app.log.warn(message),
    });
    await registerRecords(app, { ...records, studies: storeStudyDirectory(store) }, { beforeRoutes: root => installFrontDoor(root, records.authenticator) });
    await app.register(dicomWebPlugin, { prefix: DICOMWEB_PREFIX, store });
  }

  await registerViewerAssets(app, config);
  return app;
}
