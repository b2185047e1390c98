import path from 'node:path';
import { z } from 'zod';
import { readRecordsConfig, type RecordsConfig } from '../records/config';

const portSchema = z.coerce
  .number({ error: 'PORT must be a number' })
  .int('PORT must be a whole number')
  .min(0, 'PORT must be between 0 (any free port) and 65535')
  .max(65535, 'PORT must be between 0 (any free port) and 65535');

const pacsUrlSchema = z
  .url({ error: 'PACS_URL must be an absolute http(s) URL, e.g. http://pacs.example:8042/dicom-web' })
  .refine(value => /^https?:\/\//.test(value), 'PACS_URL must use http or https');

export interface ServerConfig {
  host: string;
  port: number;
  /** Folder of DICOM Part 10 files served by the embedded DICOMweb server. */
  dataDir: string;
  /** A real DICOMweb server to proxy instead of the embedded one. */
  pacsUrl: string | undefined;
  /** Default language of the teaching UI for this department. */
  language: 'zh-CN' | 'en';
  records: RecordsConfig;
}

export class ConfigError extends Error {}

/** Reads the process environment; every problem is reported at once so an operator fixes them in one go. */
export function readConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const pick = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    if (value === undefined || value === '') return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(...parsed.error.issues.map(issue => issue.message));
    return fallback;
  };

  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  const language = pick(z.enum(['zh-CN', 'en'], { error: 'TEACHING_LANGUAGE must be zh-CN or en' }), env.TEACHING_LANGUAGE, 'zh-CN');
  const config: ServerConfig = {
    host: env.HOST || '127.0.0.1',
    port: pick(portSchema, env.PORT, 3000),
    dataDir,
    pacsUrl: pick(pacsUrlSchema, env.PACS_URL, undefined as string | undefined)?.replace(/\/+$/, ''),
    language,
    records: readRecordsConfig(env, dataDir, language, problems),
  };
  if (problems.length) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
