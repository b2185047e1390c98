import type { FastifyRequest } from 'fastify';
import type { Language } from '../../core/i18n';

/** The language of whoever will read a message: the teaching UI's own choice, else the browser's. */
export function requestLanguage(request: FastifyRequest, fallback: Language): Language {
  const chosen = request.headers['x-teaching-language'];
  if (chosen === 'en' || chosen === 'zh-CN') return chosen;
  const accepted = request.headers['accept-language'];
  if (typeof accepted === 'string' && accepted.trim()) {
    const first = accepted.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('zh')) return 'zh-CN';
    if (first.startsWith('en')) return 'en';
  }
  return fallback;
}
