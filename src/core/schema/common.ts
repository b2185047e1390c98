import { z } from 'zod';

/** Every label a user reads, in both languages of the product. */
export const localizedText = z.object({
  zh: z.string().trim().min(1, 'needs a Chinese label'),
  en: z.string().trim().min(1, 'needs an English label'),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** What an identifier may hold, also for pages that check one before sending it. */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const IDENTIFIER_MAX_LENGTH = 64;

/** Identifiers are short, stable and URL-safe, so they can name records in files and routes. */
export const identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(IDENTIFIER_MAX_LENGTH, `must be at most ${IDENTIFIER_MAX_LENGTH} characters`)
  .regex(IDENTIFIER_PATTERN, 'may hold letters, digits, ".", "_" and "-" only');

export const timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

export const trainingYear = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: 'training year must be 1, 2 or 3 (住培第一/二/三年)',
});
export type TrainingYear = z.infer<typeof trainingYear>;

/** A score or maximum: finite, not negative. */
export const points = z.number().finite('must be a finite number').min(0, 'must not be negative');
