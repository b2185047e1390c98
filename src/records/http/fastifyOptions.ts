import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify options every process of the product is created with. Requests that fail before any route
 * is chosen (a malformed percent-escape, an over-long id) get the same bilingual error body as the
 * rest of the API, not the framework's English-only one.
 */
export const FASTIFY_OPTIONS = {
  // Annotation UIDs may have up to 128 characters (src/records/api/annotations.ts).
  routerOptions: { maxParamLength: 200 },
  frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
    const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    const messages = tooLong ? { zh: '请求地址中的标识过长', en: 'An id in the request URL is too long' } : { zh: '请求地址无效', en: 'The request URL is not valid' };
    void reply
      .code(tooLong ? 414 : 400)
      .type('application/json; charset=utf-8')
      .send({ code: 'input.invalidUrl', message: `${messages.zh} / ${messages.en}`, messages });
  },
};
