import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../http/HttpError';
import type { DicomStore } from '../store/DicomStore';
import type { InstanceRecord } from '../store/InstanceRecord';

export interface UidParams {
  study: string;
  series: string;
  instance: string;
}

/**
 * The path prefix URLs in responses start with: the plugin's prefix, behind whatever prefix a
 * reverse proxy declares in X-Forwarded-Prefix.
 */
export function urlPrefix(app: FastifyInstance, request: FastifyRequest): string {
  const forwarded = request.headers['x-forwarded-prefix'];
  const proxyPrefix = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.replace(/\/+$/, '') ?? '';
  return `${proxyPrefix}${app.prefix}`;
}

export function requireStudy(store: DicomStore, studyUID: string) {
  const study = store.study(studyUID);
  if (!study) throw notFound(`Study ${studyUID} not found`);
  return study;
}

export function requireSeries(store: DicomStore, studyUID: string, seriesUID: string) {
  requireStudy(store, studyUID);
  const series = store.series(studyUID, seriesUID);
  if (!series) throw notFound(`Series ${seriesUID} not found in study ${studyUID}`);
  return series;
}

export function requireInstance(store: DicomStore, params: UidParams): InstanceRecord {
  requireSeries(store, params.study, params.series);
  const record = store.instance(params.study, params.series, params.instance);
  if (!record) throw notFound(`Instance ${params.instance} not found in series ${params.series}`);
  return record;
}
