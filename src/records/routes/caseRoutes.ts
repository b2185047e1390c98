import { randomUUID } from 'node:crypto';
import { caseFor, mayManageCases } from '../../core/rules/permissions';
import { CASE_SCHEMA_VERSION, type TeachingCase } from '../../core/session/teachingCase';
import type { TeachingSession } from '../../core/session/session';
import { caseInput, caseList, caseParams, caseQuery, caseView, updateCaseBody } from '../api/cases';
import { apiError } from '../api/errors';
import { actorOf, type Principal } from '../auth/principal';
import { fail, notFound } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { SIGNED_IN } from '../http/security';
import { MAX_STORED_INTEGER, refuseNulCharacters } from '../http/storable';
import type { RecordsRepository } from '../repository/RecordsRepository';

export const CASE = { zh: '病例', en: 'case' };

const organisersOnly = () => fail(403, 'access.organisersOnly', '只有指导医师和管理员可以准备和修改病例', 'Only tutors and administrators prepare and edit cases');

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

/** A resident sees a case only through their own sessions on it, and the reference answer only once one of them is signed off. */
async function residentCases(repository: RecordsRepository, principal: Principal) {
  const sessions = await repository.listSessions(principal.department.id, { residentId: principal.account.id });
  const byCase = new Map<string, TeachingSession>();
  for (const { record } of sessions) if (!byCase.get(record.caseId)?.signOff) byCase.set(record.caseId, record);
  return { sessions: byCase, ids: [...byCase.keys()] };
}

export async function caseRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  app.get(
    '/cases',
    {
      schema: {
        operationId: 'listCases',
        summary: 'Cases of your department, by training year, category and modality (a resident sees those of their sessions)',
        security: SIGNED_IN,
        querystring: caseQuery,
        response: { 200: caseList, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const actor = actorOf(principal);
      refuseNulCharacters('query', { category: request.query.category, modality: request.query.modality });
      if (actor.role !== 'resident') return { cases: (await repository.listCases(principal.department.id, request.query)).map(({ record, version }) => ({ case: record, version })) };
      const own = await residentCases(repository, principal);
      const cases = await repository.listCases(principal.department.id, { ...request.query, ids: own.ids });
      return { cases: cases.map(({ record, version }) => ({ case: caseFor(actor, record, own.sessions.get(record.id)), version })) };
    },
  );

  app.get(
    '/cases/:caseId',
    { schema: { operationId: 'getCase', summary: 'One case', security: SIGNED_IN, params: caseParams, response: { 200: caseView, ...errors } } },
    async request => {
      const principal = signedIn(request);
      const actor = actorOf(principal);
      const found = await repository.getCase(principal.department.id, request.params.caseId);
      if (!found) throw notFound(CASE);
      if (actor.role !== 'resident') return { case: found.record, version: found.version };
      const own = await residentCases(repository, principal);
      if (!own.sessions.has(found.record.id)) throw notFound(CASE);
      return { case: caseFor(actor, found.record, own.sessions.get(found.record.id)), version: found.version };
    },
  );

  app.post(
    '/cases',
    { schema: { operationId: 'createCase', summary: 'Tutor or administrator: prepare a case from a study', security: SIGNED_IN, body: caseInput, response: { 201: caseView, ...errors } } },
    async (request, reply) => {
      const principal = signedIn(request);
      if (!mayManageCases(actorOf(principal))) throw organisersOnly();
      refuseNulCharacters('body', { category: request.body.category });
      const at = now().toISOString();
      const teachingCase: TeachingCase = { ...request.body, schemaVersion: CASE_SCHEMA_VERSION, id: randomUUID(), preparedBy: principal.account.id, createdAt: at };
      await repository.createCase(principal.department.id, teachingCase, at);
      return reply.code(201).send({ case: teachingCase, version: 1 });
    },
  );

  app.put(
    '/cases/:caseId',
    {
      schema: {
        operationId: 'updateCase',
        summary: 'Tutor or administrator: edit a case (sessions keep the rubrics and work they were held with)',
        security: SIGNED_IN,
        params: caseParams,
        body: updateCaseBody,
        response: { 200: caseView, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      if (!mayManageCases(actorOf(principal))) throw organisersOnly();
      refuseNulCharacters('body', { 'case.category': request.body.case.category });
      const current = await repository.getCase(principal.department.id, request.params.caseId);
      if (!current) throw notFound(CASE);
      const { id, preparedBy, createdAt, schemaVersion } = current.record;
      const next: TeachingCase = { ...request.body.case, id, preparedBy, createdAt, schemaVersion };
      // No stored version is that large (and PostgreSQL cannot compare with it): someone else's change, as for any other old version.
      const written =
        request.body.version > MAX_STORED_INTEGER ? ({ outcome: 'conflict' } as const) : await repository.updateCase(principal.department.id, id, request.body.version, next, now().toISOString());
      if (written.outcome === 'notFound') throw notFound(CASE);
      if (written.outcome !== 'written') throw fail(409, 'conflict', '该病例已被他人修改，请刷新后重试', 'Someone else changed this case; reload and try again');
      return { case: written.value.record, version: written.value.version };
    },
  );
}
