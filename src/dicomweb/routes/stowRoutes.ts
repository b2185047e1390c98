import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http/HttpError';
import { InvalidDicomError, type DicomStore } from '../store/DicomStore';
import { readInstanceHeader } from '../store/readInstanceHeader';
import { readStowParts } from '../stow/readStowParts';
import { FAILURE_REASON, stowResponse, type FailedReference, type StoredReference } from '../stow/stowResponse';
import { urlPrefix } from './requestContext';

const STORABLE_CONTENT_TYPES = ['multipart/related', 'application/dicom'];

/** STOW-RS (PS3.18 10.5): stores each application/dicom part and reports per-instance outcomes. */
export function registerStowRoutes(app: FastifyInstance, store: DicomStore, bodyLimit: number): void {
  // Scoped to this plugin: the bodies stay raw Buffers and other routes keep the server's parsers.
  app.addContentTypeParser(STORABLE_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));

  const handler = async (request: FastifyRequest<{ Params: { study?: string } }>) => {
    const prefix = urlPrefix(app, request);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const parts = readStowParts(request.headers['content-type'], body);
    const targetStudy = request.params.study;
    const stored: StoredReference[] = [];
    const storedStudies = new Set<string>();
    const failed: FailedReference[] = [];
    const reasons: string[] = [];
    let anyDicom = false;

    for (const [index, part] of parts.entries()) {
      const label = `part ${index + 1}`;
      if (part.rejection) {
        failed.push({ sopClassUID: undefined, sopInstanceUID: undefined, failureReason: FAILURE_REASON.cannotUnderstand });
        reasons.push(`${label}: ${part.rejection}`);
        continue;
      }
      let header;
      try {
        header = readInstanceHeader(part.body, '');
      } catch (error) {
        failed.push({ sopClassUID: undefined, sopInstanceUID: undefined, failureReason: FAILURE_REASON.cannotUnderstand });
        reasons.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      anyDicom = true;
      const ids = { sopClassUID: header.sopClassUID, sopInstanceUID: header.sopInstanceUID };
      if (targetStudy && header.studyUID !== targetStudy) {
        failed.push({ ...ids, failureReason: FAILURE_REASON.differentStudy });
        reasons.push(`${label}: instance ${header.sopInstanceUID} belongs to study ${header.studyUID}, not ${targetStudy}`);
        continue;
      }
      try {
        const result = await store.store(part.body);
        storedStudies.add(result.studyUID);
        stored.push({ ...ids, retrieveURL: `${prefix}/studies/${result.studyUID}/series/${result.seriesUID}/instances/${result.sopInstanceUID}` });
      } catch (error) {
        const cannotUnderstand = error instanceof InvalidDicomError;
        failed.push({ ...ids, failureReason: cannotUnderstand ? FAILURE_REASON.cannotUnderstand : FAILURE_REASON.processingFailure });
        reasons.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
        if (!cannotUnderstand) request.log.error({ err: error }, 'STOW-RS could not store an instance');
      }
    }

    if (!anyDicom) throw new HttpError(400, `Nothing in the request is a DICOM instance (${reasons.join('; ')})`);
    // The response names a study only when the stored instances all belong to one.
    const studyUID = targetStudy ?? (storedStudies.size === 1 ? [...storedStudies][0] : undefined);
    const studyRetrieveURL = studyUID ? `${prefix}/studies/${studyUID}` : undefined;
    return { status: stored.length === 0 ? 409 : failed.length > 0 ? 202 : 200, reasons, body: stowResponse(studyRetrieveURL, stored, failed) };
  };

  const route = async (request: FastifyRequest<{ Params: { study?: string } }>, reply: FastifyReply) => {
    const outcome = await handler(request);
    if (outcome.reasons.length > 0) reply.header('Warning', outcome.reasons.map((reason) => `299 - "${reason.replace(/"/g, "'")}"`));
    return reply.code(outcome.status).type('application/dicom+json').send(outcome.body);
  };
  app.post('/studies', route);
  app.post('/studies/:study', route);
}
