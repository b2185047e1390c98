import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Language } from '../../core/i18n';
import type { LocalizedText } from '../../core/schema/common';
import { ApiFailure } from './apiFailure';
import { requestLanguage } from './language';

function send(reply: FastifyReply, request: FastifyRequest, fallback: Language, status: number, code: string, messages: LocalizedText, field?: string, extra?: Record<string, unknown>) {
  const message = requestLanguage(request, fallback) === 'en' ? messages.en : messages.zh;
  return reply.code(status).type('application/json; charset=utf-8').send({ code, message, messages, ...(field ? { field } : {}), ...extra });
}

const PARTS = { body: { zh: '请求内容', en: 'body' }, querystring: { zh: '查询参数', en: 'query' }, params: { zh: '路径', en: 'path' }, headers: { zh: '请求头', en: 'headers' } };

/**
 * One shape for every error the API gives, in the reader's language. Nothing a caller sends can
 * produce a 500 with a stack trace: schema failures name the field, framework errors keep their
 * 4xx status, and anything unexpected is logged and answered without details.
 */
export function installErrorHandler(app: FastifyInstance, fallback: Language): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiFailure) return send(reply, request, fallback, error.status, error.code, error.messages, error.field, error.extra);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const part = PARTS[(error.validationContext ?? 'body') as keyof typeof PARTS] ?? PARTS.body;
      const path = (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const detail = first?.message ?? 'invalid';
      const field = path || undefined;
      return send(reply, request, fallback, 400, 'input.invalid', {
        zh: `${part.zh}${field ? `中的 ${field}` : ''} 不正确：${detail}`,
        en: `Invalid ${part.en}${field ? ` field ${field}` : ''}: ${detail}`,
      }, field);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error.cause }, 'response did not match its schema');
      return send(reply, request, fallback, 500, 'server.error', { zh: '服务器内部错误', en: 'Internal server error' });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(reply, request, fallback, 413, 'input.tooLarge', { zh: '请求内容过大', en: 'The request is too large' });
    if (status === 415) return send(reply, request, fallback, 415, 'input.unsupportedType', { zh: `不支持的内容类型：${request.headers['content-type'] ?? '无'}`, en: `Unsupported content type: ${request.headers['content-type'] ?? 'none'}` });
    if (status === 429) return send(reply, request, fallback, 429, 'auth.tooManyAttempts', { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; please wait and try again' });
    if (status >= 400 && status < 500) return send(reply, request, fallback, status, 'input.invalid', { zh: `请求无效：${error.message}`, en: `Bad request: ${error.message}` });
    request.log.error({ err: error }, 'request failed');
    return send(reply, request, fallback, 500, 'server.error', { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please try again' });
  });
}
