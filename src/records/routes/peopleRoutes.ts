import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { mayManagePeople } from '../../core/rules/permissions';
import { apiError } from '../api/errors';
import { accountList, accountView as accountViewSchema, createAccountBody, personParams, resetPasswordBody, updateAccountBody } from '../api/people';
import { hashPassword } from '../auth/passwords';
import { actorOf, type Principal } from '../auth/principal';
import { fail, notFound } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { SIGNED_IN } from '../http/security';
import { MAX_STORED_INTEGER, refuseNulCharacters } from '../http/storable';
import { accountView } from '../http/views';
import { newAccount } from '../repository/newAccount';

const PERSON = { zh: '人员', en: 'person' };

const adminsOnly = () => fail(403, 'access.adminsOnly', '只有科室管理员可以管理账号', 'Only department administrators manage accounts');

function requireAdmin(principal: Principal) {
  if (!mayManagePeople(actorOf(principal))) throw adminsOnly();
}

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

/** People of the department: administrators manage them; tutors see them to schedule; residents see only themselves. */
export async function peopleRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  app.get(
    '/people',
    { schema: { operationId: 'listPeople', summary: 'People of your department (a resident sees only themselves)', security: SIGNED_IN, response: { 200: accountList, 401: apiError } } },
    async request => {
      const principal = signedIn(request);
      if (principal.account.role === 'resident') return { people: [accountView(principal.account)] };
      return { people: (await repository.listAccounts(principal.department.id)).map(accountView) };
    },
  );

  app.get(
    '/people/:personId',
    { schema: { operationId: 'getPerson', summary: 'One person of your department', security: SIGNED_IN, params: personParams, response: { 200: accountViewSchema, ...errors } } },
    async request => {
      const principal = signedIn(request);
      const { personId } = request.params;
      if (principal.account.role === 'resident' && personId !== principal.account.id) throw notFound(PERSON);
      const account = await repository.getAccount(principal.department.id, personId);
      if (!account) throw notFound(PERSON);
      return accountView(account);
    },
  );

  app.post(
    '/people',
    { schema: { operationId: 'createPerson', summary: 'Administrator: create an account', security: SIGNED_IN, body: createAccountBody, response: { 201: accountViewSchema, ...errors } } },
    async (request, reply) => {
      const principal = signedIn(request);
      requireAdmin(principal);
      const body = request.body;
      refuseNulCharacters('body', { name: body.name });
      const at = now().toISOString();
      const account = newAccount(
        {
          id: randomUUID(),
          departmentId: principal.department.id,
          username: body.username,
          name: body.name,
          role: body.role,
          trainingYear: body.role === 'resident' ? body.trainingYear : null,
          passwordHash: await hashPassword(body.password),
        },
        at,
      );
      if (!(await repository.createAccount(account))) throw fail(409, 'people.usernameTaken', `用户名 ${body.username} 已被使用`, `The username ${body.username} is taken`, 'username');
      return reply.code(201).send(accountView(account));
    },
  );

  app.patch(
    '/people/:personId',
    {
      schema: {
        operationId: 'updatePerson',
        summary: 'Administrator: rename, change training year, deactivate or reactivate (deactivation signs them out at once)',
        security: SIGNED_IN,
        params: personParams,
        body: updateAccountBody,
        response: { 200: accountViewSchema, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      requireAdmin(principal);
      const { version, ...change } = request.body;
      refuseNulCharacters('body', { name: change.name });
      const current = await repository.getAccount(principal.department.id, request.params.personId);
      if (!current) throw notFound(PERSON);
      if (change.trainingYear !== undefined && current.role !== 'resident') throw fail(400, 'people.yearForResidentsOnly', '只有住院医师有培训年级', 'Only residents have a training year', 'trainingYear');
      if (change.active === false && current.id === principal.account.id) throw fail(400, 'people.cannotDeactivateSelf', '不能停用自己的账号', 'You cannot deactivate your own account', 'active');
      // No stored version is that large (and PostgreSQL cannot compare with it): someone else's change, as for any other old version.
      const written = version > MAX_STORED_INTEGER ? ({ outcome: 'conflict' } as const) : await repository.updateAccount(principal.department.id, current.id, version, change, now().toISOString());
      if (written.outcome === 'notFound') throw notFound(PERSON);
      if (written.outcome !== 'written') throw fail(409, 'conflict', '该账号已被他人修改，请刷新后重试', 'Someone else changed this account; reload and try again');
      if (change.active === false) await repository.deleteAuthSessionsOf(current.id);
      return accountView(written.value);
    },
  );

  app.post(
    '/people/:personId/password',
    {
      schema: {
        operationId: 'resetPassword',
        summary: "Administrator: set a new password for someone; their sign-ins end",
        security: SIGNED_IN,
        params: personParams,
        body: resetPasswordBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      requireAdmin(principal);
      const current = await repository.getAccount(principal.department.id, request.params.personId);
      if (!current) throw notFound(PERSON);
      const written = await repository.updateAccount(principal.department.id, current.id, current.version, { passwordHash: await hashPassword(request.body.password) }, now().toISOString());
      if (written.outcome !== 'written') throw fail(409, 'conflict', '该账号刚被修改，请重试', 'The account was just changed; please try again');
      await repository.deleteAuthSessionsOf(current.id);
      return reply.code(204).send(null);
    },
  );
}
