import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { identifier, type TrainingYear } from '../../core/schema/common';
import { problem, type Problem } from '../../core/schema/problem';
import type { Role } from '../../core/session/people';

/** Names of the token claims that carry what the records service needs; identity providers differ. */
export interface OidcClaimNames {
  department: string;
  role: string;
  trainingYear: string;
  name: string;
  username: string;
}

export const DEFAULT_OIDC_CLAIMS: OidcClaimNames = {
  department: 'department',
  role: 'teaching_role',
  trainingYear: 'training_year',
  name: 'name',
  username: 'preferred_username',
};

export interface OidcSettings {
  /** Exactly as the provider writes it in `iss`; discovery is looked up below it. */
  issuer: string;
  /** When set, tokens meant for another service are refused even if the provider signed them. */
  audience?: string;
  claims: OidcClaimNames;
}

export interface OidcIdentity {
  subject: string;
  departmentId: string;
  role: Role;
  trainingYear: TrainingYear | null;
  name: string;
  username: string;
}

export type OidcVerification = { ok: true; identity: OidcIdentity } | { ok: false; problem: Problem };

export interface OidcVerifier {
  verify(token: string): Promise<OidcVerification>;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

const DISCOVERY_TIMEOUT_MS = 5_000;

// A Map, not an object literal, so that a claim such as "constructor" cannot resolve to an inherited property.
const ROLE_NAMES = new Map<string, Role>([
  ['resident', 'resident'],
  ['tutor', 'tutor'],
  ['admin', 'admin'],
  ['administrator', 'admin'],
]);

/** Thrown only inside this module so that discovery failures become a refusal rather than an exception. */
class DiscoveryFailure extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
  }
}

export function createOidcVerifier(settings: OidcSettings): OidcVerifier {
  const { issuer, audience, claims } = settings;
  // Shared by concurrent first requests; forgotten on failure so that an outage at start-up heals itself.
  let keySet: Promise<KeySet> | undefined;

  function keys(): Promise<KeySet> {
    keySet ??= discover(issuer).catch(error => {
      keySet = undefined;
      throw error;
    });
    return keySet;
  }

  return {
    async verify(token) {
      let jwks: KeySet;
      try {
        jwks = await keys();
      } catch (error) {
        return { ok: false, problem: error instanceof DiscoveryFailure ? error.problem : unreachable(issuer) };
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, { issuer, audience }));
      } catch (error) {
        return { ok: false, problem: verificationProblem(error, issuer) };
      }
      return identityFrom(payload, claims);
    },
  };
}

async function discover(issuer: string): Promise<KeySet> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
  } catch {
    throw new DiscoveryFailure(unreachable(issuer));
  }
  if (!response.ok) throw new DiscoveryFailure(unreachable(issuer));
  const document: unknown = await response.json().catch(() => undefined);
  const advertised = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  // OpenID Connect Discovery 1.0 §4.3: a document naming another issuer must not be trusted for this one.
  if (advertised.issuer !== issuer || typeof advertised.jwks_uri !== 'string' || !URL.canParse(advertised.jwks_uri)) {
    throw new DiscoveryFailure(
      problem(
        'auth.issuerMisconfigured',
        `身份提供方 ${issuer} 的发现文档无效（issuer 不符或缺少 jwks_uri），请联系管理员。`,
        `The identity provider ${issuer} published an unusable discovery document (issuer mismatch or no jwks_uri); contact your administrator.`,
      ),
    );
  }
  return createRemoteJWKSet(new URL(advertised.jwks_uri));
}

function unreachable(issuer: string): Problem {
  return problem(
    'auth.issuerUnreachable',
    `暂时无法连接身份提供方 ${issuer}，请稍后重试。`,
    `The identity provider ${issuer} cannot be reached at the moment; try again later.`,
  );
}

/** Separates a token at fault from an issuer whose keys could not be fetched, which the caller cannot fix by signing in again. */
function verificationProblem(error: unknown, issuer: string): Problem {
  const keysUnavailable =
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    // jose raises the bare base class only for a JWKS response that is not 200 or not JSON.
    error.code === errors.JOSEError.code;
  if (keysUnavailable) return unreachable(issuer);
  if (error instanceof errors.JWTExpired) {
    return problem('auth.tokenExpired', '登录已过期，请重新登录。', 'Your sign-in has expired; sign in again.');
  }
  return problem('auth.invalidToken', `令牌无效：${error.message}`, `The token is not valid: ${error.message}`);
}

function claimMissing(claim: string): Problem {
  return problem('auth.claimMissing', `令牌缺少声明 "${claim}"。`, `The token has no "${claim}" claim.`);
}

function claimInvalid(claim: string, zh: string, en: string): Problem {
  return problem('auth.claimInvalid', `令牌声明 "${claim}" ${zh}`, `The token's "${claim}" claim ${en}`);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function identityFrom(payload: JWTPayload, claims: OidcClaimNames): OidcVerification {
  const refuse = (p: Problem): OidcVerification => ({ ok: false, problem: p });

  const subject = nonEmptyString(payload.sub);
  if (subject === undefined) return refuse(claimMissing('sub'));

  const department = payload[claims.department];
  if (department === undefined || department === null || department === '') return refuse(claimMissing(claims.department));
  if (typeof department !== 'string' || !identifier.safeParse(department).success) {
    return refuse(
      claimInvalid(
        claims.department,
        '须为 1–64 个字母、数字、"."、"_" 或 "-"，且以字母或数字开头。',
        'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit.',
      ),
    );
  }

  const roleClaim = payload[claims.role];
  const offered = (Array.isArray(roleClaim) ? roleClaim : [roleClaim]).filter((value): value is string => typeof value === 'string');
  if (offered.length === 0) return refuse(claimMissing(claims.role));
  const role = offered.map(value => ROLE_NAMES.get(value)).find(known => known !== undefined);
  if (role === undefined) {
    return refuse(
      problem(
        'auth.roleUnknown',
        `令牌声明 "${claims.role}" 中没有可识别的教学角色（${offered.join(', ')}）；须为 resident、tutor 或 admin。`,
        `The token's "${claims.role}" claim holds no known teaching role (${offered.join(', ')}); expected resident, tutor or admin.`,
      ),
    );
  }

  let trainingYear: TrainingYear | null = null;
  if (role === 'resident') {
    const year = payload[claims.trainingYear];
    if (year === undefined || year === null || year === '') return refuse(claimMissing(claims.trainingYear));
    // Some providers can only emit string claims; Number() alone would also accept "0x1" or "1e0".
    const numeric = typeof year === 'number' ? year : typeof year === 'string' && /^\d+$/.test(year.trim()) ? Number(year) : NaN;
    if (numeric !== 1 && numeric !== 2 && numeric !== 3) {
      return refuse(claimInvalid(claims.trainingYear, '须为住培年级 1、2 或 3。', 'must be training year 1, 2 or 3.'));
    }
    trainingYear = numeric;
  }

  const username = nonEmptyString(payload[claims.username]) ?? subject;
  const name = nonEmptyString(payload[claims.name]) ?? username;
  return { ok: true, identity: { subject, departmentId: department, role, trainingYear, name, username } };
}
