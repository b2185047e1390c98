import type { FastifyInstance } from 'fastify';
import { isCrossSiteWrite } from '../records/auth/crossSite';
import type { Authenticator } from '../records/auth/authenticate';
import { ApiFailure } from '../records/http/apiFailure';
import { API_PREFIX } from '../records/recordsPlugin';
import { SIGN_IN_PATH } from '../records/routes/authRoutes';

const bilingual = (zh: string, en: string) => ({ code: 'auth.signInRequired', message: `${zh} / ${en}`, messages: { zh, en } });

/**
 * Everything the process serves besides /api (the viewer, our bundles, DICOMweb) needs a signed-in
 * user: a browser asking for a page is sent to the sign-in page and brought back afterwards; any
 * other anonymous request, images above all, gets 401 and nothing else.
 */
export function installFrontDoor(app: FastifyInstance, authenticator: Authenticator): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url === API_PREFIX || request.url.startsWith(`${API_PREFIX}/`) || request.url.startsWith(`${API_PREFIX}?`)) return;
    const bearer = /^Bearer\s/i.test(request.headers.authorization ?? '');
    if (!bearer && isCrossSiteWrite(request.method, request.headers)) {
      return reply.code(403).send({ code: 'auth.crossSite', message: '已拒绝来自其他网站的请求 / Refused: the request came from another site' });
    }
    try {
      request.principal = await authenticator.authenticate(request);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      return reply.code(error.status).send({ code: error.code, message: `${error.messages.zh} / ${error.messages.en}`, messages: error.messages });
    }
    if (request.principal) return;
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) return reply.code(302).header('cache-control', 'no-store').header('location', `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(request.url)}`).send();
    return reply.code(401).header('cache-control', 'no-store').send(bilingual('请先登录', 'Please sign in first'));
  });
}
