import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { pageTranslator } from '../../core/i18n/pageMessages';
import { apiError } from '../api/errors';
import { worklistQuery } from '../api/worklist';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { SIGNED_IN } from '../http/security';
import { refuseNulCharacters } from '../http/storable';
import { worklistPage } from '../worklist/worklistPage';
import { worklistData } from '../worklist/worklistData';

export async function worklistRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository } = deps;

  app.get(
    '/worklist',
    {
      config: { page: true },
      schema: {
        operationId: 'worklistPage',
        summary: 'The teaching worklist (HTML), the home page after sign-in: your sessions; for tutors and administrators also the case library, scheduling and next-case suggestions',
        description:
          'A resident sees their upcoming, in-progress and signed-off sessions; a tutor the sessions waiting for them, their residents and the scheduling form; an administrator every session of the department. A browser that is not signed in is sent to the sign-in page.',
        security: SIGNED_IN,
        querystring: worklistQuery,
        produces: ['text/html'],
        response: { 200: z.string().describe('The page (text/html)'), 400: apiError, 401: apiError },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      const { query } = request;
      refuseNulCharacters('query', { q: query.q });
      // The department's language unless the person switched, as on the sign-in page.
      const language = query.lang ?? deps.language;
      const data = await worklistData(repository, principal, query);
      const nonce = randomBytes(16).toString('base64');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`)
        .send(worklistPage({ language, t: pageTranslator(language), query, principal, data, viewerPath: deps.viewerPath }, nonce));
    },
  );
}
