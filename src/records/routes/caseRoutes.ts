import { randomUUID } from 'node:crypto';
import { caseFor, mayManageCases } from '../../core/rules/permissions';
import { CASE_SCHEMA_VERSION, type TeachingCase } from '../../core/session/teachingCase';
import type { TeachingSession } from '../../core/session/session';
import { caseInput, caseList, caseParams, caseQuery, caseRefusal, caseView, retireCaseBody, updateCaseBody, type CaseQuery } from '../api/cases';
import { apiError } from '../api/errors';
import { actorOf, type Principal } from '../auth/principal';
import { fail, notFound } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { SIGNED_IN } from '../http/security';
import { MAX_STORED_INTEGER, refuseNulCharacters } from '../http/storable';
import type { CaseFilter, RecordsRepository, StoredCaseAnnotation } from '../repository/RecordsRepository';
import { caseProblems, refuseCase } from './caseChecks';

export const CASE = { zh: '病例', en: 'case' };

const organisersOnly = () => fail(403, 'access.organisersOnly', '只有指导医师和管理员可以准备和修改病例', 'Only tutors and administrators prepare and edit cases');

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const writeErrors = { ...errors, 400: caseRefusal, 503: apiError };

const caseConflict = () => fail(409, 'conflict', '该病例已被他人修改，请刷新后重试', 'Someone else changed this case; reload and try again');

/**
 * The library's filter from the query. Tutors and administrators see current cases unless they ask
 * for retired ones; a resident's list is the cases of their own sessions, retired since or not.
 */
function caseFilter(query: CaseQuery, role: string): CaseFilter {
  const { retired, ...rest } = query;
  const fallback = role === 'resident' ? 'all' : 'false';
  const asked = retired ?? fallback;
  return { ...rest, retired: asked === 'all' ? 'all' : asked === 'true' };
}

/** A copy's reference drawings get uids of their own; the findings of its reference answer follow them. */
function copyWithAnnotations(original: TeachingCase, annotations: StoredCaseAnnotation[], copy: { id: string; preparedBy: string; at: string }) {
  const uids = new Map(annotations.map(annotation => [annotation.uid, randomUUID()]));
  const { retired: _retired, ...kept } = original;
  const teachingCase: TeachingCase = {
    ...kept,
    id: copy.id,
    preparedBy: copy.preparedBy,
    createdAt: copy.at,
    duplicatedFrom: original.id,
    ...(original.referenceAnswer
      ? {
          referenceAnswer: {
            ...original.referenceAnswer,
            findings: original.referenceAnswer.findings.map(finding => ({ ...finding, annotationIds: finding.annotationIds.map(uid => uids.get(uid) ?? uid) })),
          },
        }
      : {}),
  };
  const copied = annotations.map(({ version: _version, ...annotation }) => {
    const uid = uids.get(annotation.uid)!;
    // cornerstoneTools keeps the uid inside its JSON too; the viewer draws by that one.
    const json = annotation.annotation as Record<string, unknown>;
    return { ...annotation, caseId: copy.id, uid, updatedAt: copy.at, annotation: 'annotationUID' in json ? { ...json, annotationUID: uid } : json };
  });
  return { teachingCase, annotations: copied };
}

/** A resident sees a case only through their own sessions on it, and the reference answer only once one of them is signed off. */
export async function residentCases(repository: RecordsRepository, principal: Principal) {
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
        summary:
          'The case library of your department, newest first: by training year, category, modality, who prepared it, text in the title, objectives or diagnosis, and retired or not; each with the number of sessions held on it (a resident sees the cases of their sessions)',
        security: SIGNED_IN,
        querystring: caseQuery,
        response: { 200: caseList, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const actor = actorOf(principal);
      refuseNulCharacters('query', { category: request.query.category, modality: request.query.modality, q: request.query.q });
      const departmentId = principal.department.id;
      const filter = caseFilter(request.query, actor.role);
      const own = actor.role === 'resident' ? await residentCases(repository, principal) : undefined;
      // Three queries whatever the size of the library: the cases, every case's session count, the names.
      const [cases, usage, accounts] = await Promise.all([
        repository.listCases(departmentId, own ? { ...filter, ids: own.ids } : filter),
        repository.countSessionsByCase(departmentId),
        repository.listAccounts(departmentId),
      ]);
      const names = new Map(accounts.map(account => [account.id, account.name]));
      return {
        cases: cases.map(({ record, version }) => ({
          case: own ? caseFor(actor, record, own.sessions.get(record.id)) : record,
          version,
          usage: usage.get(record.id) ?? 0,
          preparedByName: names.get(record.preparedBy) ?? record.preparedBy,
        })),
      };
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
    {
      schema: {
        operationId: 'createCase',
        summary: 'Tutor or administrator: prepare a case from a study. 400 names every problem: no teaching objective, a category the department does not have or has retired, a study the PACS does not hold',
        security: SIGNED_IN,
        body: caseInput,
        response: { 201: caseView, ...writeErrors },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      if (!mayManageCases(actorOf(principal))) throw organisersOnly();
      refuseNulCharacters('body', { category: request.body.category });
      const categories = await repository.getCategories(principal.department.id);
      const problems = await caseProblems(request.body, categories.record, deps.studies);
      if (problems.length > 0) throw refuseCase(problems);
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
        summary: 'Tutor or administrator: edit a case (sessions keep the rubrics and work they were held with); refused with every problem named, as when creating one',
        security: SIGNED_IN,
        params: caseParams,
        body: updateCaseBody,
        response: { 200: caseView, ...writeErrors },
      },
    },
    async request => {
      const principal = signedIn(request);
      if (!mayManageCases(actorOf(principal))) throw organisersOnly();
      refuseNulCharacters('body', { 'case.category': request.body.case.category });
      const current = await repository.getCase(principal.department.id, request.params.caseId);
      if (!current) throw notFound(CASE);
      const categories = await repository.getCategories(principal.department.id);
      const problems = await caseProblems(request.body.case, categories.record, deps.studies, current.record);
      if (problems.length > 0) throw refuseCase(problems, 'case.');
      const { id, preparedBy, createdAt, schemaVersion, retired, duplicatedFrom } = current.record;
      const next: TeachingCase = { ...request.body.case, id, preparedBy, createdAt, schemaVersion, ...(retired ? { retired } : {}), ...(duplicatedFrom ? { duplicatedFrom } : {}) };
      // No stored version is that large (and PostgreSQL cannot compare with it): someone else's change, as for any other old version.
      const written =
        request.body.version > MAX_STORED_INTEGER ? ({ outcome: 'conflict' } as const) : await repository.updateCase(principal.department.id, id, request.body.version, next, now().toISOString());
      if (written.outcome === 'notFound') throw notFound(CASE);
      if (written.outcome !== 'written') throw caseConflict();
      return { case: written.value.record, version: written.value.version };
    },
  );

  app.post(
    '/cases/:caseId/duplicate',
    {
      schema: {
        operationId: 'duplicateCase',
        summary: 'Tutor or administrator: a copy of the case with its reference annotations, under a new id, prepared by you, noting the case it was copied from',
        security: SIGNED_IN,
        params: caseParams,
        response: { 201: caseView, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      if (!mayManageCases(actorOf(principal))) throw organisersOnly();
      const departmentId = principal.department.id;
      const original = await repository.getCase(departmentId, request.params.caseId);
      if (!original) throw notFound(CASE);
      const at = now().toISOString();
      const annotations = await repository.listCaseAnnotations(departmentId, original.record.id);
      const copy = copyWithAnnotations(original.record, annotations, { id: randomUUID(), preparedBy: principal.account.id, at });
      await repository.createCaseCopy(departmentId, copy.teachingCase, copy.annotations, at);
      return reply.code(201).send({ case: copy.teachingCase, version: 1 });
    },
  );

  app.post(
    '/cases/:caseId/retire',
    {
      schema: {
        operationId: 'retireCase',
        summary: 'Tutor or administrator: retire a case from the library (its sessions and history stay), or bring it back',
        security: SIGNED_IN,
        params: caseParams,
        body: retireCaseBody,
        response: { 200: caseView, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      if (!mayManageCases(actorOf(principal))) throw organisersOnly();
      const current = await repository.getCase(principal.department.id, request.params.caseId);
      if (!current) throw notFound(CASE);
      if (Boolean(current.record.retired) === request.body.retired) return { case: current.record, version: current.version };
      const at = now().toISOString();
      const { retired: _retired, ...rest } = current.record;
      const next: TeachingCase = request.body.retired ? { ...rest, retired: { at, by: principal.account.id } } : rest;
      const written = await repository.updateCase(principal.department.id, current.record.id, current.version, next, at);
      if (written.outcome === 'notFound') throw notFound(CASE);
      if (written.outcome !== 'written') throw caseConflict();
      return { case: written.value.record, version: written.value.version };
    },
  );
}
