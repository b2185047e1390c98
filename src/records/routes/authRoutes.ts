import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePasswordBody, signInBody, signInResult, standInBody, standInStarted, standInView, whoAmI, type SignInBody } from '../api/auth';
import { apiError } from '../api/errors';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import type { Account } from '../repository/RecordsRepository';
import { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_IDLE_MS } from '../auth/sessionTokens';
import { STAND_IN_MS } from '../auth/standIns';
import { renderSignInPage } from '../auth/signInPage';
import { ApiFailure, fail } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { requestLanguage } from '../http/language';
import { PUBLIC, SIGNED_IN } from '../http/security';
import { accountView } from '../http/views';
import { landingPage, safeReturnPath } from './landingPage';

/** Consecutive wrong passwords before an account is locked, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;

/**
 * Sign-in attempts per minute from one address, against spraying many accounts. A hospital's
 * workstations often reach us through one proxy address, so it leaves room for a morning's rush;
 * the per-account lock-out above is what stops guessing one password.
 */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 60;

export const SIGN_IN_PATH = '/api/auth/sign-in';

/**
 * The page to return to, from the rest of the sign-in URL: web servers in front of us (nginx's
 * `returnTo=$request_uri`) pass it unencoded, so its own query, `&` included, follows `returnTo=`.
 * It comes last in every link we make.
 */
function returnToOf(url: string): string | undefined {
  const match = /[?&]returnTo=(.*)$/.exec(url);
  if (!match?.[1]) return undefined;
  const value = match[1];
  try {
    return value.startsWith('%2F') || value.startsWith('%2f') ? decodeURIComponent(value) : value;
  } catch {
    return undefined;
  }
}

const isForm = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

const noStandIn = () => fail(404, 'notFound', '本工作站当前没有指导医师接管评分', 'No tutor is scoring at this workstation');

const wrongCredentials = () => fail(401, 'auth.wrongCredentials', '用户名或密码不正确', 'Wrong username or password');

export async function authRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  async function checkCredentials(body: Pick<SignInBody, 'username' | 'password'>): Promise<Principal> {
    // No username holds U+0000, and PostgreSQL refuses to compare text holding it: nobody by that name.
    const account = body.username.includes('\u0000') ? undefined : await repository.findAccountByUsername(body.username.trim());
    if (!account?.passwordHash) throw (await verifyAgainstNothing(body.password), wrongCredentials());
    const at = now();
    if (account.lockedUntil && Date.parse(account.lockedUntil) > at.getTime()) {
      const minutes = Math.ceil((Date.parse(account.lockedUntil) - at.getTime()) / 60_000);
      throw fail(429, 'auth.locked', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`, `Too many wrong passwords; the account is locked for ${minutes} more minute(s)`);
    }
    if (!(await verifyPassword(body.password, account.passwordHash))) {
      const lock = account.failedSignIns + 1 >= LOCK_AFTER_FAILURES ? new Date(at.getTime() + LOCK_MS).toISOString() : null;
      await repository.recordSignInFailure(account.id, lock);
      throw wrongCredentials();
    }
    if (!account.active) throw fail(403, 'auth.deactivated', '该账号已停用，请联系科室管理员', 'This account has been deactivated; ask your department administrator');
    if (account.failedSignIns > 0) await repository.clearSignInFailures(account.id);
    const department = await repository.findDepartment(account.departmentId);
    if (!department) throw wrongCredentials();
    return { account, department, via: 'cookie' };
  }

  async function startSession(reply: FastifyReply, request: FastifyRequest, principal: Principal) {
    const token = newSessionToken();
    const at = now();
    await repository.createAuthSession(hashSessionToken(token), principal.account.id, at.toISOString(), new Date(at.getTime() + SESSION_IDLE_MS).toISOString());
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https' });
  }

  const page = (request: FastifyRequest, reply: FastifyReply, status: number, returnTo: string, error?: string, username?: string) => {
    const query = request.query as { lang?: string };
    // The department's language unless the person switched: a browser's own setting says little about
    // the language its department works in.
    const language = query.lang === 'en' || query.lang === 'zh-CN' ? query.lang : deps.language;
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
      .send(renderSignInPage({ language, action: `${SIGN_IN_PATH}?lang=${language}`, returnTo, error, username }));
  };

  app.get(
    '/auth/sign-in',
    {
      config: { public: true },
      schema: {
        operationId: 'signInPage',
        summary: 'The sign-in page (HTML) that anonymous browsers are sent to',
        security: PUBLIC,
        querystring: z.object({ returnTo: z.string().max(2048).optional(), lang: z.enum(['zh-CN', 'en']).optional() }),
        produces: ['text/html'],
      },
    },
    (request, reply) => page(request, reply, 200, safeReturnPath(returnToOf(request.url) ?? request.query.returnTo) ?? ''),
  );

  app.post(
    '/auth/sign-in',
    {
      config: { public: true, rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
      attachValidation: true,
      schema: {
        operationId: 'signIn',
        summary: 'Sign in with a username and password; sets the session cookie',
        description: 'Accepts JSON, or the sign-in form (application/x-www-form-urlencoded), which is answered with a redirect (303) or the page with the error.',
        security: PUBLIC,
        consumes: ['application/json', 'application/x-www-form-urlencoded'],
        body: signInBody,
        response: { 200: signInResult, 303: z.null().describe('The sign-in form: on to the page asked for'), 400: apiError, 401: apiError, 403: apiError, 429: apiError },
      },
    },
    async (request, reply) => {
      const form = isForm(request);
      const chosen = (request.query as { lang?: string }).lang;
      const language = chosen === 'en' || chosen === 'zh-CN' ? chosen : requestLanguage(request, deps.language);
      const raw = (request.body ?? {}) as Partial<SignInBody>;
      const returnTo = safeReturnPath(typeof raw.returnTo === 'string' ? raw.returnTo : undefined);
      try {
        if (request.validationError) {
          const parsed = signInBody.safeParse(request.body);
          const issue = parsed.success ? undefined : parsed.error.issues[0];
          const field = issue?.path.join('.') || undefined;
          throw fail(400, 'input.invalid', `登录信息不完整：${issue?.message ?? ''}`, `Sign-in details incomplete: ${issue?.message ?? ''}`, field);
        }
        const principal = await checkCredentials(request.body);
        await startSession(reply, request, principal);
        // The worklist marks what was scheduled since the sign-in before this one.
        await repository.recordSignIn(principal.account.id, now().toISOString());
        const destination = returnTo ?? (await landingPage(repository, principal, deps.viewerPath));
        if (form) return reply.code(303).header('location', destination).send(null);
        return { account: accountView(principal.account), department: { id: principal.department.id, name: principal.department.name }, via: 'cookie' as const, returnTo: destination };
      } catch (error) {
        if (!(error instanceof ApiFailure) || !form) throw error;
        return page(request, reply, error.status, returnTo ?? '', language === 'en' ? error.messages.en : error.messages.zh, typeof raw.username === 'string' ? raw.username : undefined);
      }
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { operationId: 'signOut', summary: 'Sign this browser out; the session ends at once on every server', security: SIGNED_IN, response: { 204: z.null(), 401: apiError } } },
    async (request, reply) => {
      const principal = signedIn(request);
      if (principal.sessionTokenHash) await repository.deleteAuthSession(principal.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { operationId: 'whoAmI', summary: 'Who is signed in, in which department and as what', security: SIGNED_IN, response: { 200: whoAmI, 401: apiError } } },
    async request => {
      const principal = signedIn(request);
      return { account: accountView(principal.account), department: { id: principal.department.id, name: principal.department.name }, via: principal.via };
    },
  );

  app.get(
    '/auth/check',
    {
      schema: {
        operationId: 'checkSignIn',
        summary: "204 when the request is signed in, 401 otherwise: for a web server's auth_request / forward_auth in front of the viewer and the PACS",
        security: SIGNED_IN,
        response: { 204: z.null(), 401: apiError },
      },
    },
    async (request, reply) => {
      signedIn(request);
      return reply.code(204).header('cache-control', 'no-store').send(null);
    },
  );

  const standInOf = (account: Account, workstation: Account, expiresAt: string) => ({
    account: accountView(account),
    expiresAt,
    workstation: accountView(workstation),
  });

  app.post(
    '/auth/stand-in',
    {
      // The same door as signing in: the same limit per address, the lock-out per account and the same time for unknown names.
      config: { rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        operationId: 'startStandIn',
        summary: "A tutor takes over scoring at this workstation with their own password; the workstation's sign-in stays",
        description:
          'Send the token in the X-Teaching-Stand-In header beside the workstation\'s session cookie: those requests act as the tutor. It ends with DELETE, with the sign-out of the workstation, or after a few hours.',
        security: SIGNED_IN,
        body: standInBody,
        response: { 201: standInStarted, 400: apiError, 401: apiError, 403: apiError, 429: apiError },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      if (!principal.sessionTokenHash) throw fail(403, 'access.standInNeedsCookie', '接管评分仅适用于以密码登录的工作站', 'A takeover works only at a workstation signed in with a password');
      const workstation = principal.standIn?.workstation ?? principal.account;
      const tutor = (await checkCredentials(request.body)).account;
      if (tutor.departmentId !== workstation.departmentId) throw fail(403, 'access.standInOtherDepartment', '该指导医师不属于本科室，不能在此接管评分', 'This tutor belongs to another department and cannot take over scoring here', 'username');
      if (tutor.role !== 'tutor') throw fail(403, 'access.standInNotTutor', '只有指导医师可以接管评分', 'Only a tutor can take over scoring', 'username');
      if (tutor.id === workstation.id) throw fail(400, 'auth.standInSelf', '您已在本工作站登录，无需接管', 'You are the one signed in here; there is nothing to take over', 'username');
      if (principal.standIn) await repository.deleteStandIn(principal.standIn.tokenHash);
      const token = newSessionToken();
      const at = now();
      const expiresAt = new Date(at.getTime() + STAND_IN_MS).toISOString();
      await repository.createStandIn({ tokenHash: hashSessionToken(token), accountId: tutor.id, workstationTokenHash: principal.sessionTokenHash, createdAt: at.toISOString(), expiresAt });
      return reply.code(201).header('cache-control', 'no-store').send({ ...standInOf(tutor, workstation, expiresAt), token });
    },
  );

  app.get(
    '/auth/stand-in',
    { schema: { operationId: 'getStandIn', summary: 'The takeover the X-Teaching-Stand-In header names, while it lasts', security: SIGNED_IN, response: { 200: standInView, 401: apiError, 404: apiError } } },
    async request => {
      const principal = signedIn(request);
      if (!principal.standIn) throw noStandIn();
      return standInOf(principal.account, principal.standIn.workstation, principal.standIn.expiresAt);
    },
  );

  app.delete(
    '/auth/stand-in',
    { schema: { operationId: 'endStandIn', summary: 'The tutor hands back: the X-Teaching-Stand-In token stops working at once', security: SIGNED_IN, response: { 204: z.null(), 401: apiError, 404: apiError } } },
    async (request, reply) => {
      const principal = signedIn(request);
      if (!principal.standIn) throw noStandIn();
      await repository.deleteStandIn(principal.standIn.tokenHash);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    { schema: { operationId: 'changePassword', summary: 'Change your own password; other sign-ins of the account end', security: SIGNED_IN, body: changePasswordBody, response: { 204: z.null(), 400: apiError, 401: apiError, 403: apiError } } },
    async (request, reply) => {
      const principal = signedIn(request);
      // The new cookie would sign the workstation in as the tutor.
      if (principal.standIn) throw fail(403, 'access.standInNoPasswordChange', '接管评分期间不能修改密码，请先交还', 'A password cannot be changed during a takeover; hand back first');
      const account = await repository.getAccount(principal.department.id, principal.account.id);
      if (!account?.passwordHash) throw fail(400, 'auth.noPassword', '该账号通过单位身份认证登录，没有本地密码', 'This account signs in through the identity provider and has no password here');
      if (!(await verifyPassword(request.body.currentPassword, account.passwordHash))) throw fail(403, 'auth.wrongPassword', '当前密码不正确', 'The current password is wrong', 'currentPassword');
      const written = await repository.updateAccount(account.departmentId, account.id, account.version, { passwordHash: await hashPassword(request.body.newPassword) }, now().toISOString());
      if (written.outcome !== 'written') throw fail(409, 'conflict', '账号刚被修改，请重试', 'The account was just changed; please try again');
      await repository.deleteAuthSessionsOf(account.id);
      await startSession(reply, request, principal);
      return reply.code(204).send(null);
    },
  );
}
