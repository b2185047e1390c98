import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_TOLERANCES, matchTolerances, type MatchTolerances } from '../core/comparison/signGeometry';
import type { Language } from '../core/i18n';
import { DEFAULT_OIDC_CLAIMS, type OidcSettings } from './auth/oidcVerifier';
import type { DatabaseLocation } from './db/openDatabase';

export const DEFAULT_DEMO_PASSWORD = 'teaching-demo';

export interface RecordsConfig {
  database: DatabaseLocation;
  language: Language;
  oidc: OidcSettings | undefined;
  /** The sample department, seeded once into an empty database. */
  demo: { enabled: boolean; password: string; passwordIsDefault: boolean };
  /** How close a resident's drawing must lie to a reference drawing to count as the same sign. */
  signTolerances: MatchTolerances;
  /** Where the viewer is served, for the worklist's links into teaching mode. */
  viewerPath: string;
}

const postgresUrl = z
  .url({ error: 'DATABASE_URL must be a URL, e.g. postgres://user@db.example:5432/teaching' })
  .refine(value => /^postgres(ql)?:\/\//.test(value), 'DATABASE_URL must be a postgres:// or postgresql:// URL');
const issuerUrl = z.url({ error: 'OIDC_ISSUER must be the identity provider\'s issuer URL' }).refine(value => /^https?:\/\//.test(value), 'OIDC_ISSUER must use http or https');
const viewerPath = z
  .string()
  .regex(/^\/(?!\/)[A-Za-z0-9._~\/-]*$/, 'TEACHING_VIEWER_PATH must be a path of this site, e.g. /viewer/ (letters, digits, . _ ~ - and /)');
const demoPassword = z.string().min(10, 'TEACHING_DEMO_PASSWORD must have at least 10 characters');

/**
 * TEACHING_SIGN_TOLERANCES: a JSON object with any of the tolerances; those left out keep their
 * defaults, and a key that is not one of them is refused rather than silently doing nothing.
 */
function readSignTolerances(value: string | undefined, problems: string[]): MatchTolerances {
  if (value === undefined || value.trim() === '') return DEFAULT_TOLERANCES;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    problems.push(`TEACHING_SIGN_TOLERANCES must be JSON, e.g. ${JSON.stringify(DEFAULT_TOLERANCES)}`);
    return DEFAULT_TOLERANCES;
  }
  const parsed = matchTolerances.partial().strict().safeParse(json);
  if (parsed.success) return { ...DEFAULT_TOLERANCES, ...parsed.data };
  problems.push(...parsed.error.issues.map(issue => `TEACHING_SIGN_TOLERANCES${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`));
  return DEFAULT_TOLERANCES;
}

/**
 * The records service's settings, from the environment. Problems are added to `problems` so that the
 * caller reports all of them at once.
 */
export function readRecordsConfig(env: NodeJS.ProcessEnv, dataDir: string, language: Language, problems: string[]): RecordsConfig {
  const pick = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    if (value === undefined || value === '') return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(...parsed.error.issues.map(issue => issue.message));
    return undefined;
  };
  const url = pick(postgresUrl, env.DATABASE_URL);
  const database: DatabaseLocation = url
    ? { kind: 'postgres', url, schema: env.DATABASE_SCHEMA || 'public' }
    : { kind: 'sqlite', file: path.join(dataDir, 'records.sqlite') };
  const issuer = pick(issuerUrl, env.OIDC_ISSUER);
  const oidc: OidcSettings | undefined = issuer
    ? {
        issuer: issuer.replace(/\/+$/, ''),
        audience: env.OIDC_AUDIENCE || undefined,
        claims: {
          ...DEFAULT_OIDC_CLAIMS,
          ...(env.OIDC_CLAIM_DEPARTMENT ? { department: env.OIDC_CLAIM_DEPARTMENT } : {}),
          ...(env.OIDC_CLAIM_ROLE ? { role: env.OIDC_CLAIM_ROLE } : {}),
          ...(env.OIDC_CLAIM_TRAINING_YEAR ? { trainingYear: env.OIDC_CLAIM_TRAINING_YEAR } : {}),
        },
      }
    : undefined;
  const password = pick(demoPassword, env.TEACHING_DEMO_PASSWORD);
  const demoSetting = env.TEACHING_DEMO ?? 'on';
  if (!['on', 'off'].includes(demoSetting)) problems.push('TEACHING_DEMO must be on or off');
  return {
    database,
    language,
    oidc,
    demo: { enabled: demoSetting !== 'off', password: password ?? DEFAULT_DEMO_PASSWORD, passwordIsDefault: password === undefined },
    signTolerances: readSignTolerances(env.TEACHING_SIGN_TOLERANCES, problems),
    viewerPath: pick(viewerPath, env.TEACHING_VIEWER_PATH) ?? '/',
  };
}
