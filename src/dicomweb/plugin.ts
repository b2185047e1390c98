import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { HttpError } from './http/HttpError';
import { registerQidoRoutes } from './routes/qidoRoutes';
import { registerStowRoutes } from './routes/stowRoutes';
import { registerWadoRoutes } from './routes/wadoRoutes';
import type { DicomStore } from './store/DicomStore';
import { MetadataCache } from './wado/MetadataCache';

export interface DicomWebPluginOptions {
  store: DicomStore;
  /** Largest STOW-RS request accepted, in bytes; 1 GiB unless set. */
  stowBodyLimit?: number;
}

const DEFAULT_STOW_BODY_LIMIT = 1024 * 1024 * 1024;

/** The embedded DICOMweb server (QIDO-RS, WADO-RS, STOW-RS) over a DicomStore, mounted under the registration prefix. */
export const dicomWebPlugin: FastifyPluginAsync<DicomWebPluginOptions> = async (app, options) => {
  const metadata = new MetadataCache();

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const statusCode = error.statusCode ?? 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'DICOMweb request failed');
      return reply.code(statusCode).send({ error: error instanceof HttpError ? error.message : 'Internal server error' });
    }
    return reply.code(statusCode).send({ error: error.message });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `No DICOMweb resource at ${request.method} ${request.url}` }));

  registerQidoRoutes(app, options.store, metadata);
  registerWadoRoutes(app, options.store, metadata);
  registerStowRoutes(app, options.store, options.stowBodyLimit ?? DEFAULT_STOW_BODY_LIMIT);
};
