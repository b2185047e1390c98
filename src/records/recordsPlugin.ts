import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isCrossSiteWrite } from './auth/crossSite';
import { fail } from './http/apiFailure';
import { NOT_SIGNED_IN } from './http/apiFailure';
import type { RecordsDeps } from './http/context';
import { installErrorHandler } from './http/errorHandler';
import { openApiSchemas } from './http/openApiSchemas';
import { PUBLIC, SECURITY_SCHEMES } from './http/security';
import { annotationRoutes } from './routes/annotationRoutes';
import { authRoutes, SIGN_IN_PATH } from './routes/authRoutes';
import { caseRoutes } from './routes/caseRoutes';
import { nextCaseRoutes } from './routes/nextCaseRoutes';
import { caseAnnotationRoutes } from './routes/caseAnnotationRoutes';
import { categoryRoutes } from './routes/categoryRoutes';
import { comparisonRoutes } from './routes/comparisonRoutes';
import { peopleRoutes } from './routes/peopleRoutes';
import { sessionRoutes } from './routes/sessionRoutes';
import { scoreSheetRoutes } from './routes/scoreSheetRoutes';
import { worklistRoutes } from './routes/worklistRoutes';

export const API_PREFIX = '/api';

export const crossSiteRefusal = () =>
  fail(403, 'auth.crossSite', '已拒绝来自其他网站的请求', 'Refused: the request came from another site');

/**
 * The teaching records service under /api: sign-in, people, cases, sessions with their history,
 * annotations and progress. Request and response schemas are the core's zod schemas; the OpenAPI
 * document at /api/openapi.json is generated from the same schemas.
 */
const toJsonSchema = createJsonSchemaTransform({ schemaRegistry: openApiSchemas });

export async function registerRecords(app: FastifyInstance, deps: RecordsDeps, options: { beforeRoutes?: (app: FastifyInstance) => void } = {}): Promise<void> {
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OHIF Teaching records', version: '1', description: 'Teaching sessions, cases, annotations and people of a radiology department.' },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: input => (input.url.startsWith(`${API_PREFIX}/`) ? toJsonSchema(input) : { schema: { ...input.schema, hide: true } as never, url: input.url }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: openApiSchemas }),
  });
  app.decorateRequest('principal', undefined);
  // Hooks apply to the routes registered after them: a guard of the whole site goes in here.
  options.beforeRoutes?.(app);

  await app.register(
    async api => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.setValidatorCompiler(validatorCompiler);
      typed.setSerializerCompiler(serializerCompiler);
      await typed.register(formbody);
      installErrorHandler(typed, deps.language);
      typed.setNotFoundHandler(request => {
        throw fail(404, 'notFound', `没有这个接口：${request.method} ${request.url.split('?')[0]}`, `No such operation: ${request.method} ${request.url.split('?')[0]}`);
      });

      typed.addHook('onRequest', async (request, reply) => {
        const bearer = /^Bearer\s/i.test(request.headers.authorization ?? '');
        if (!bearer && isCrossSiteWrite(request.method, request.headers)) throw crossSiteRefusal();
        request.principal = await deps.authenticator.authenticate(request);
        if (!request.principal && !request.routeOptions.config.public && request.is404 !== true) {
          // A page asked for by a browser: on to the sign-in page and back, as the front door does for the viewer.
          const wantsPage = request.routeOptions.config.page && request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
          if (wantsPage) return reply.code(302).header('cache-control', 'no-store').header('location', `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(request.url)}`).send();
          throw NOT_SIGNED_IN();
        }
      });

      typed.get(
        '/openapi.json',
        { config: { public: true }, schema: { operationId: 'openApiDocument', summary: 'This document', security: PUBLIC, hide: true } as never },
        () => app.swagger(),
      );
      typed.get(
        '/health',
        { config: { public: true }, schema: { operationId: 'health', summary: 'Whether the service and its database answer', security: PUBLIC, response: { 200: z.object({ ok: z.literal(true) }) } } },
        async () => {
          await deps.repository.findDepartment('-');
          return { ok: true as const };
        },
      );

      for (const routes of [authRoutes, peopleRoutes, caseRoutes, sessionRoutes, annotationRoutes, scoreSheetRoutes]) await routes(typed, deps);
      await nextCaseRoutes(typed, deps);
      for (const routes of [categoryRoutes, caseAnnotationRoutes]) await routes(typed, deps);
      await comparisonRoutes(typed, deps);
      await worklistRoutes(typed, deps);
    },
    { prefix: API_PREFIX },
  );
}
