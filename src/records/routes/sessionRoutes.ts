import { randomUUID } from 'node:crypto';
import { residentProgress } from '../../core/progress';
import { chooseReportSheet, DEFAULT_RUBRIC_SET } from '../../core/rubric/defaultRubrics';
import { applyCommand, sessionCreatedEvent } from '../../core/rules/applyCommand';
import { maySeeSession } from '../../core/rules/permissions';
import { createSession } from '../../core/session/createSession';
import type { TeachingSession } from '../../core/session/session';
import { apiError } from '../api/errors';
import { personParams } from '../api/people';
import { commandBody, commandResult, eventList, openSessionBody, progressQuery, progressView, sessionConflict, sessionList, sessionParams, sessionQuery, sessionView } from '../api/sessions';
import { actorOf, type Principal } from '../auth/principal';
import { ApiFailure, fail, fromProblem, notFound } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { idempotencyHeaders } from '../http/idempotencyKey';
import { SIGNED_IN } from '../http/security';
import type { RecordsRepository, Versioned } from '../repository/RecordsRepository';
import { touchesChangedSince } from './overlappingChanges';
import { compareSessionSigns } from './sessionSignComparison';

export const SESSION = { zh: '教学活动', en: 'session' };
const PERSON = { zh: '人员', en: 'person' };

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 422: apiError };

/** The session if `principal` may see it; otherwise the same 404 as for one that does not exist, so ids reveal nothing. */
export async function visibleSession(repository: RecordsRepository, principal: Principal, sessionId: string): Promise<Versioned<TeachingSession>> {
  const found = await repository.getSession(principal.department.id, sessionId);
  if (!found || !maySeeSession(actorOf(principal), found.record)) throw notFound(SESSION);
  return found;
}

function conflict(current: Versioned<TeachingSession>) {
  return new ApiFailure(409, 'conflict', { zh: '该教学活动已被修改，请查看最新内容后再保存', en: 'The session was changed meanwhile; review the latest version before saving again' }, undefined, {
    current: { session: current.record, version: current.version },
  });
}

/** Longest period progress is computed over: each of its months becomes a row of the answer. */
const MAX_PERIOD_YEARS = 10;

/**
 * A period the core's progress figures can be computed over. The schema checks each date; the core
 * throws on a period that ends before it starts and would count out every month of an unbounded one,
 * so both are refused here, naming the field.
 */
function checkPeriod({ from, to }: { from: string; to: string }) {
  const invalid = (field: 'from' | 'to', zh: string, en: string) => fail(400, 'input.invalid', `查询参数中的 ${field} 不正确：${zh}`, `Invalid query field ${field}: ${en}`, field);
  if (from < '1900-01-01') throw invalid('from', '开始日期不能早于 1900-01-01', 'the period cannot start before 1900-01-01');
  if (to < from) throw invalid('to', `结束日期 ${to} 早于开始日期 ${from}`, `the period ends (${to}) before it starts (${from})`);
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_PERIOD_YEARS) throw invalid('to', `统计期间最长 ${MAX_PERIOD_YEARS} 年`, `the period may span at most ${MAX_PERIOD_YEARS} years`);
}

export async function sessionRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  app.get(
    '/sessions',
    {
      schema: {
        operationId: 'listSessions',
        summary: 'Sessions you take part in (an administrator: all of the department), optionally of one study or resident, or only open ones',
        security: SIGNED_IN,
        querystring: sessionQuery,
        response: { 200: sessionList, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const { account } = principal;
      const { studyInstanceUID, residentId, open } = request.query;
      const caseIds = studyInstanceUID
        ? (await repository.listCases(principal.department.id, { studyInstanceUID })).map(({ record }) => record.id)
        : undefined;
      const mine = account.role === 'resident' ? { residentId: account.id } : account.role === 'tutor' ? { tutorId: account.id } : {};
      if (account.role === 'resident' && residentId && residentId !== account.id) return { sessions: [] };
      const sessions = await repository.listSessions(principal.department.id, { ...(residentId ? { residentId } : {}), ...mine, ...(caseIds ? { caseIds } : {}) });
      const shown = open === undefined ? sessions : sessions.filter(({ record }) => (record.signOff === undefined) === (open === 'true'));
      return { sessions: shown.map(({ record, version }) => ({ session: record, version })) };
    },
  );

  app.post(
    '/sessions',
    {
      schema: {
        operationId: 'openSession',
        summary: 'Tutor or administrator: assign a case to a resident, with the planned time and place',
        security: SIGNED_IN,
        body: openSessionBody,
        response: { 201: sessionView, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      const actor = actorOf(principal);
      const body = request.body;
      if (actor.role === 'resident') throw fail(403, 'access.organisersOnly', '只有指导医师和管理员可以安排教学活动', 'Only tutors and administrators schedule sessions');
      const tutorId = body.tutorId ?? (actor.role === 'tutor' ? actor.id : undefined);
      if (!tutorId) throw fail(400, 'input.tutorRequired', '请指定指导医师', 'Choose the tutor of the session', 'tutorId');
      if (actor.role === 'tutor' && tutorId !== actor.id) throw fail(403, 'access.ownSessionsOnly', '指导医师只能为自己安排教学活动', 'A tutor schedules sessions they supervise themselves', 'tutorId');
      const department = principal.department.id;
      const [teachingCase, resident, tutor] = await Promise.all([
        repository.getCase(department, body.caseId),
        repository.getAccount(department, body.residentId),
        repository.getAccount(department, tutorId),
      ]);
      if (!teachingCase) throw fail(404, 'notFound', '未找到该病例', 'No such case', 'caseId');
      if (!resident || resident.role !== 'resident' || !resident.active || resident.trainingYear === null) throw fail(404, 'notFound', '未找到该住院医师（或已停用）', 'No such active resident', 'residentId');
      if (!tutor || tutor.role !== 'tutor' || !tutor.active) throw fail(404, 'notFound', '未找到该指导医师（或已停用）', 'No such active tutor', 'tutorId');
      const at = now().toISOString();
      const session = createSession({
        id: randomUUID(),
        teachingCase: teachingCase.record,
        resident: { id: resident.id, trainingYear: resident.trainingYear },
        tutorId: tutor.id,
        stageForm: DEFAULT_RUBRIC_SET.stageForm,
        reportSheet: chooseReportSheet(DEFAULT_RUBRIC_SET.reportSheets, teachingCase.record.modality),
        schedule: { plannedAt: body.plannedAt, place: body.place },
        createdAt: at,
      });
      const created = sessionCreatedEvent(session, actor, at);
      await repository.createSession(department, session, created);
      return reply.code(201).send({ session, version: created.seq });
    },
  );

  app.get(
    '/sessions/:sessionId',
    { schema: { operationId: 'getSession', summary: 'One session with its version', security: SIGNED_IN, params: sessionParams, response: { 200: sessionView, ...errors } } },
    async request => {
      const found = await visibleSession(repository, signedIn(request), request.params.sessionId);
      return { session: found.record, version: found.version };
    },
  );

  app.post(
    '/sessions/:sessionId/commands',
    {
      schema: {
        operationId: 'runSessionCommand',
        summary: 'Any action of the teaching rules on a session: clock, stage work, submit, return, evaluation, report sheet, questions, preparation, sign-off, amendment',
        description:
          'Carries the version the sender last saw. A write on an older version is applied only when it touches nothing changed since; otherwise 409 with the current session. With an Idempotency-Key, a retry returns the first answer and is never applied twice.',
        security: SIGNED_IN,
        params: sessionParams,
        headers: idempotencyHeaders,
        body: commandBody,
        response: { 200: commandResult, 409: sessionConflict, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const key = request.headers['idempotency-key'];
      if (key) {
        const seen = await repository.findIdempotentResponse(principal.account.id, `command:${key}`);
        if (seen) return seen.body as never;
      }
      const current = await visibleSession(repository, principal, request.params.sessionId);
      const { version, command } = request.body;
      if (version > current.version) throw fail(400, 'input.unknownVersion', `版本 ${version} 不存在`, `There is no version ${version}`, 'version');
      const applied = applyCommand(current.record, command, actorOf(principal), now().toISOString(), current.version + 1);
      if (!applied.ok) throw fromProblem(applied.problem);
      if (version < current.version) {
        const since = await repository.listEvents(principal.department.id, current.record.id, version);
        if (touchesChangedSince(since.map(({ event }) => event.changes), applied.value.event.changes)) throw conflict(current);
      }
      // The response kept for a retry has the shape this route answers with (`commandResult`).
      const answer = (value: unknown) => {
        const written = value as Versioned<TeachingSession>;
        return { status: 200, body: { session: written.record, version: written.version, event: applied.value.event } };
      };
      const written = await repository.appendEvent(
        principal.department.id,
        current.record.id,
        { expectedVersion: current.version, event: applied.value.event, command, state: applied.value.session },
        key ? { accountId: principal.account.id, key: `command:${key}`, response: answer } : undefined,
      );
      if (written.outcome === 'repeated') return written.response.body as never;
      if (written.outcome === 'notFound') throw notFound(SESSION);
      if (written.outcome === 'conflict') throw conflict(await visibleSession(repository, principal, current.record.id));
      if (command.type === 'submitStage' && command.stage === '4.3') {
        // The submission stands whatever happens here; the tutor can compare again from the panel.
        try {
          await compareSessionSigns(deps, principal.department.id, written.value.record, principal.account.id, applied.value.event.at);
        } catch (error) {
          request.log.error({ err: error, sessionId: current.record.id }, 'comparing the signs of a submitted stage 4.3 failed');
        }
      }
      return { session: written.value.record, version: written.value.version, event: applied.value.event };
    },
  );

  app.get(
    '/sessions/:sessionId/events',
    { schema: { operationId: 'listSessionEvents', summary: "The session's history: every change with who, when, the command and before → after", security: SIGNED_IN, params: sessionParams, response: { 200: eventList, ...errors } } },
    async request => {
      const principal = signedIn(request);
      const found = await visibleSession(repository, principal, request.params.sessionId);
      return { events: await repository.listEvents(principal.department.id, found.record.id) };
    },
  );

  app.get(
    '/residents/:personId/progress',
    {
      schema: {
        operationId: 'residentProgress',
        summary: "A resident's progress over a period, from the sessions you may see (a resident: only their own)",
        security: SIGNED_IN,
        params: personParams,
        querystring: progressQuery,
        response: { 200: progressView, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const actor = actorOf(principal);
      const { personId } = request.params;
      checkPeriod(request.query);
      if (actor.role === 'resident' && actor.id !== personId) throw notFound(PERSON);
      const resident = await repository.getAccount(principal.department.id, personId);
      if (!resident || resident.role !== 'resident') throw notFound(PERSON);
      const sessions = (await repository.listSessions(principal.department.id, { residentId: personId })).map(({ record }) => record).filter(session => maySeeSession(actor, session));
      if (actor.role === 'tutor' && sessions.length === 0) throw notFound(PERSON);
      return residentProgress({ residentId: personId, sessions, from: request.query.from, to: request.query.to, now: now().toISOString() });
    },
  );
}
