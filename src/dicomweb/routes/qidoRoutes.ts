import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DicomStore } from '../store/DicomStore';
import type { QueryLevel } from '../store/indexedAttributes';
import type { MetadataCache } from '../wado/MetadataCache';
import { parseQuery } from '../qido/parseQuery';
import { search, type SearchScope } from '../qido/search';
import { requireSeries, requireStudy, urlPrefix } from './requestContext';

interface ScopeParams {
  study?: string;
  series?: string;
}

/** QIDO-RS searches for studies, series and instances (PS3.18 10.6). */
export function registerQidoRoutes(app: FastifyInstance, store: DicomStore, metadata: MetadataCache): void {
  const handler = (level: QueryLevel) => async (request: FastifyRequest<{ Params: ScopeParams }>, reply: FastifyReply) => {
    const { study, series } = request.params;
    if (study && series) requireSeries(store, study, series);
    else if (study) requireStudy(store, study);
    const scope: SearchScope = { studyUID: study, seriesUID: series };
    const query = parseQuery(request.query as Record<string, unknown>, level);
    const prefix = urlPrefix(app, request);
    const results = await search(store, level, scope, query, (record) => metadata.get(record, prefix));
    // An empty array with 200 rather than 204: dicomweb-client accepts both, and plain fetch callers can always parse the body.
    return reply.header('Cache-Control', 'no-cache').type('application/dicom+json').send(results);
  };
  app.get('/studies', handler('study'));
  app.get('/series', handler('series'));
  app.get('/instances', handler('instance'));
  app.get('/studies/:study/series', handler('series'));
  app.get('/studies/:study/instances', handler('instance'));
  app.get('/studies/:study/series/:series/instances', handler('instance'));
}
