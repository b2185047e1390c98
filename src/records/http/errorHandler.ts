import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Language } from '../../core/i18n';
import type { LocalizedText } from '../../core/schema/common';
import { ApiFailure } from './apiFailure';
import { requestLanguage } from './language';

function send(reply: FastifyReply, request: FastifyRequest, fallback: Language, status: number, code: string, messages: LocalizedText, field?: string, extra?: Record<string, unknown>) {
  const message = requestLanguage(request, fallback) === 'en' ? messages.en : messages.zh;
  return reply.code(status).type('application/json; charset=utf-8').send({ code, message, messages, ...(field ? { field } : {}), ...extra });
}

const zodEnglish = z.locales.en().localeError;
const zodChinese = z.locales.zhCN().localeError;
const wording = (message: ReturnType<typeof zodEnglish>) => (typeof message === 'string' ? message : message?.message);

/**
 * A schema failure's detail in Chinese. Where the schema kept zod's own wording, zod says it again in
 * Chinese from the same issue (and the value at the path, which the issue no longer carries); a
 * message of our own schemas stays as written.
 */
function chineseDetail(issue: { keyword: string; message: string; params: Record<string, unknown> }, path: string[], received: unknown): string {
  let value = received;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const raw = { ...issue.params, code: issue.keyword, path, input: value } as unknown as Parameters<typeof zodEnglish>[0];
  try {
    return wording(zodEnglish(raw)) === issue.message ? (wording(zodChinese(raw)) ?? issue.message) : issue.message;
  } catch {
    return issue.message;
  }
}

/** Framework refusals of a body, in Chinese; others keep Fastify's English. */
const FRAMEWORK_ZH: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空，但内容类型声明为 JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求内容的长度与 Content-Length 不符',
};

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
      const context = (error.validationContext ?? 'body') as keyof typeof PARTS;
      const part = PARTS[context] ?? PARTS.body;
      const segments = (first?.instancePath ?? '').split('/').filter(Boolean);
      const path = segments.join('.');
      const detail = first?.message ?? 'invalid';
      const received = { body: request.body, querystring: request.query, params: request.params, headers: request.headers }[context];
      const detailZh = first ? chineseDetail(first as unknown as Parameters<typeof chineseDetail>[0], segments, received) : detail;
      const field = path || undefined;
      return send(reply, request, fallback, 400, 'input.invalid', {
        zh: `${part.zh}${field ? `中的 ${field}` : ''} 不正确：${detailZh}`,
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
    if (status >= 400 && status < 500) return send(reply, request, fallback, status, 'input.invalid', { zh: `请求无效：${FRAMEWORK_ZH[error.code] ?? error.message}`, en: `Bad request: ${error.message}` });
    request.log.error({ err: error }, 'request failed');
    return send(reply, request, fallback, 500, 'server.error', { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please try again' });
  });
}
