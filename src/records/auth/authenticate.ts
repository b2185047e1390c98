import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Account, RecordsRepository } from '../repository/RecordsRepository';
import { newAccount } from '../repository/newAccount';
import { ApiFailure } from '../http/apiFailure';
import type { OidcVerifier } from './oidcVerifier';
import type { Principal } from './principal';
import { hashSessionToken, SESSION_COOKIE, SESSION_EXTEND_AFTER_MS, SESSION_IDLE_MS } from './sessionTokens';
import { STAND_IN_HEADER, standInNeedsCookie, standInPrincipal } from './standIns';

/** PostgreSQL text cannot hold U+0000; a provider's claims are taken as they come, without it. */
const storableText = (text: string) => text.replaceAll('\u0000', '');

export interface Authenticator {
  /** Who sent the request, or undefined for an anonymous one. A bad bearer token is refused outright. */
  authenticate(request: FastifyRequest): Promise<Principal | undefined>;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function createAuthenticator(repository: RecordsRepository, oidc: OidcVerifier | undefined, now: () => Date): Authenticator {
  async function fromCookie(token: string): Promise<Principal | undefined> {
    const tokenHash = hashSessionToken(token);
    const found = await repository.findAuthSession(tokenHash);
    if (!found) return undefined;
    const at = now().getTime();
    const expiresAt = Date.parse(found.expiresAt);
    if (expiresAt <= at || !found.account.active) {
      await repository.deleteAuthSession(tokenHash);
      return undefined;
    }
    // Extending on every request would make each one a write; a few minutes' slack costs nothing.
    if (expiresAt - at < SESSION_IDLE_MS - SESSION_EXTEND_AFTER_MS) await repository.extendAuthSession(tokenHash, new Date(at + SESSION_IDLE_MS).toISOString());
    const department = await repository.findDepartment(found.account.departmentId);
    return department && { account: found.account, department, via: 'cookie', sessionTokenHash: tokenHash };
  }

  /**
   * People who sign in through the department's identity provider get an account on first sight.
   * Each request acts with the role and year of its token, since the provider is where the department
   * manages them.
   */
  async function fromBearer(token: string): Promise<Principal> {
    if (!oidc) throw new ApiFailure(401, 'auth.bearerNotConfigured', { zh: '本服务未配置身份提供方，不接受令牌登录', en: 'This service has no identity provider configured; bearer tokens are not accepted' });
    const verified = await oidc.verify(token);
    if (!verified.ok) throw new ApiFailure(401, verified.problem.code, verified.problem.message);
    const identity = verified.identity;
    const department = await repository.findDepartment(identity.departmentId);
    if (!department) throw new ApiFailure(403, 'auth.unknownDepartment', { zh: `科室 ${identity.departmentId} 尚未在教学系统中建立`, en: `Department ${identity.departmentId} is not set up in the teaching records` });
    const at = now().toISOString();
    let account: Account | undefined = await repository.findAccountBySubject(department.id, identity.subject);
    if (!account) {
      const created = newAccount(
        {
          id: randomUUID(),
          departmentId: department.id,
          username: storableText(`${department.id}:${identity.username}`),
          name: storableText(identity.name),
          role: identity.role,
          trainingYear: identity.role === 'resident' ? identity.trainingYear : null,
          passwordHash: null,
          externalSubject: identity.subject,
        },
        at,
      );
      if (!(await repository.createAccount(created))) {
        account = await repository.findAccountBySubject(department.id, identity.subject);
        if (!account) throw new ApiFailure(409, 'auth.usernameTaken', { zh: `用户名 ${identity.username} 已被占用`, en: `The username ${identity.username} is taken` });
      } else account = created;
    }
    if (!account.active) throw new ApiFailure(403, 'auth.deactivated', { zh: '该账号已停用', en: 'This account has been deactivated' });
    const trainingYear = identity.role === 'resident' ? identity.trainingYear : null;
    return { account: { ...account, role: identity.role, trainingYear }, department, via: 'bearer' };
  }

  return {
    async authenticate(request) {
      const standIn = request.headers[STAND_IN_HEADER];
      const token = bearerToken(request);
      if (token) {
        if (standIn !== undefined) throw standInNeedsCookie();
        return fromBearer(token);
      }
      const cookie = request.cookies?.[SESSION_COOKIE];
      const workstation = cookie ? await fromCookie(cookie) : undefined;
      if (standIn === undefined) return workstation;
      if (!workstation) throw standInNeedsCookie();
      return standInPrincipal(repository, workstation, String(standIn), now());
    },
  };
}
