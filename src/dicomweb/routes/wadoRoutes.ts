import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseAccept } from '../http/acceptHeader';
import { badRequest } from '../http/HttpError';
import { multipartBody, multipartStream, newBoundary } from '../http/multipart';
import { multipartContentType, negotiate, partContentType, type Offer, type Representation } from '../http/negotiate';
import type { DicomStore } from '../store/DicomStore';
import type { InstanceRecord } from '../store/InstanceRecord';
import { readBulkData } from '../wado/bulkData';
import type { MetadataCache } from '../wado/MetadataCache';
import { readFrames } from '../wado/pixelFrames';
import { frameMediaType, isNativeLittleEndian, IMPLICIT_VR_LITTLE_ENDIAN, servedTransferSyntax } from '../wado/transferSyntaxes';
import { requireInstance, requireSeries, requireStudy, urlPrefix, type UidParams } from './requestContext';

const PIXEL_DATA = '7FE00010';
// Pixel content of a SOP Instance UID never changes; metadata can, when an instance is re-stored.
const IMMUTABLE = 'private, max-age=86400';

function parseFrameList(text: string): number[] {
  if (!/^\d+(,\d+)*$/.test(text)) throw badRequest(`Frame list "${text}" must be comma-separated frame numbers, e.g. 1,2,3`);
  const frames = text.split(',').map(Number);
  if (frames.some((frame) => frame < 1)) throw badRequest('Frame numbers start at 1');
  return frames;
}

function frameOffer(record: InstanceRecord, singlePartAllowed: boolean): Offer {
  const served = servedTransferSyntax(record.transferSyntaxUID);
  const native = isNativeLittleEndian(record.transferSyntaxUID);
  return {
    mediaType: frameMediaType(record.transferSyntaxUID),
    transferSyntaxes: native ? [served, IMPLICIT_VR_LITTLE_ENDIAN] : [served],
    alsoAcceptable: ['application/octet-stream'],
    singlePartAllowed,
    multipartByDefault: true,
  };
}

function sendParts(reply: FastifyReply, representation: Representation, bodies: Uint8Array[]): FastifyReply {
  reply.header('Cache-Control', IMMUTABLE);
  if (!representation.multipart) return reply.type(partContentType(representation)).send(Buffer.from(bodies[0]!));
  const boundary = newBoundary();
  const contentType = partContentType(representation);
  return reply
    .type(multipartContentType(representation, boundary))
    .send(multipartBody(boundary, bodies.map((body) => ({ contentType, body }))));
}

/** WADO-RS retrieval: metadata, frames, bulk data and whole instances (PS3.18 10.4). */
export function registerWadoRoutes(app: FastifyInstance, store: DicomStore, metadata: MetadataCache): void {
  const metadataReply = async (reply: FastifyReply, records: InstanceRecord[], prefix: string) => {
    const datasets = await Promise.all(records.map((record) => metadata.get(record, prefix)));
    return reply.header('Cache-Control', 'no-cache').type('application/dicom+json').send(datasets);
  };

  app.get<{ Params: Pick<UidParams, 'study'> }>('/studies/:study/metadata', async (request, reply) => {
    const study = requireStudy(store, request.params.study);
    const records = [...study.series.values()].flatMap((series) => [...series.instances.values()]);
    return metadataReply(reply, records, urlPrefix(app, request));
  });

  app.get<{ Params: Pick<UidParams, 'study' | 'series'> }>('/studies/:study/series/:series/metadata', async (request, reply) => {
    const series = requireSeries(store, request.params.study, request.params.series);
    return metadataReply(reply, [...series.instances.values()], urlPrefix(app, request));
  });

  app.get<{ Params: UidParams }>('/studies/:study/series/:series/instances/:instance/metadata', async (request, reply) => {
    return metadataReply(reply, [requireInstance(store, request.params)], urlPrefix(app, request));
  });

  app.get<{ Params: UidParams & { frames: string } }>('/studies/:study/series/:series/instances/:instance/frames/:frames', async (request, reply) => {
    const record = requireInstance(store, request.params);
    const frameNumbers = parseFrameList(request.params.frames);
    const representation = negotiate(parseAccept(request.headers.accept), frameOffer(record, frameNumbers.length === 1), `Frames of ${record.sopInstanceUID}`);
    return sendParts(reply, representation, await readFrames(record, frameNumbers));
  });

  app.get<{ Params: UidParams & { '*': string } }>('/studies/:study/series/:series/instances/:instance/bulkdata/*', async (request, reply) => {
    const record = requireInstance(store, request.params);
    const tagPath = request.params['*'];
    const accept = parseAccept(request.headers.accept);
    if (tagPath.toUpperCase() === PIXEL_DATA) {
      const frameNumbers = Array.from({ length: record.numberOfFrames }, (_, index) => index + 1);
      const representation = negotiate(accept, frameOffer(record, record.numberOfFrames === 1), `Pixel data of ${record.sopInstanceUID}`);
      return sendParts(reply, representation, await readFrames(record, frameNumbers));
    }
    const offer: Offer = { mediaType: 'application/octet-stream', transferSyntaxes: [], alsoAcceptable: [], singlePartAllowed: true, multipartByDefault: true };
    const representation = negotiate(accept, offer, `Bulk data ${tagPath}`);
    return sendParts(reply, representation, [await readBulkData(record, tagPath)]);
  });

  app.get<{ Params: UidParams }>('/studies/:study/series/:series/instances/:instance', async (request, reply) => {
    const record = requireInstance(store, request.params);
    const offer: Offer = {
      mediaType: 'application/dicom',
      transferSyntaxes: [record.transferSyntaxUID],
      alsoAcceptable: [],
      singlePartAllowed: true,
      multipartByDefault: true,
    };
    const representation = negotiate(parseAccept(request.headers.accept), offer, `Instance ${record.sopInstanceUID}`);
    reply.header('Cache-Control', IMMUTABLE);
    if (!representation.multipart) return reply.type(partContentType(representation)).send(createReadStream(record.filePath));
    const boundary = newBoundary();
    return reply
      .type(multipartContentType(representation, boundary))
      .send(multipartStream(boundary, partContentType(representation), createReadStream(record.filePath)));
  });
}
