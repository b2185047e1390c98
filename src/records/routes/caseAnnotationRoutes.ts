import { z } from 'zod';
import { mayManageCases, mayReadCaseReference } from '../../core/rules/permissions';
import { deleteAnnotationQuery, putAnnotationBody } from '../api/annotations';
import { caseAnnotationConflict, caseAnnotationList, caseAnnotationParams, caseAnnotationView } from '../api/caseAnnotations';
import { apiError } from '../api/errors';
import { actorOf } from '../auth/principal';
import { ApiFailure, fail, notFound } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { idempotencyHeaders } from '../http/idempotencyKey';
import { SIGNED_IN } from '../http/security';
import { MAX_STORED_INTEGER, refuseUnstorableInteger } from '../http/storable';
import type { StoredCaseAnnotation } from '../repository/RecordsRepository';
import { CASE, residentCases } from './caseRoutes';

const ANNOTATION = { zh: '参考标注', en: 'reference annotation' };

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 422: apiError };

const view = ({ caseId: _case, ...annotation }: StoredCaseAnnotation) => annotation as z.infer<typeof caseAnnotationView>;

function conflict(current: StoredCaseAnnotation | undefined) {
  return new ApiFailure(409, 'conflict', { zh: '该参考标注已在别处被修改，请查看最新内容', en: 'This reference annotation was changed elsewhere; review the latest version' }, undefined, {
    current: current ? view(current) : null,
  });
}

const organisersOnly = () => fail(403, 'access.organisersOnly', '只有指导医师和管理员可以绘制病例的参考标注', "Only tutors and administrators draw a case's reference annotations");

/**
 * The tutor's reference drawings of a case, what a resident's signs are compared with. Tutors and
 * administrators of the department draw and read them; a resident reads them (never changes them)
 * once a session of theirs on the case is signed off, and before that gets 404, as for any case
 * they cannot see, so the answer cannot be had from the API either.
 */
export async function caseAnnotationRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  app.get(
    '/cases/:caseId/annotations',
    {
      schema: {
        operationId: 'listCaseAnnotations',
        summary: "The case's reference annotations (cornerstone annotation JSON with the image it lies on). A resident reads them once their session on the case is signed off",
        security: SIGNED_IN,
        params: caseAnnotationParams.pick({ caseId: true }),
        response: { 200: caseAnnotationList, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const actor = actorOf(principal);
      const found = await repository.getCase(principal.department.id, request.params.caseId);
      if (!found) throw notFound(CASE);
      if (actor.role === 'resident') {
        const own = await residentCases(repository, principal);
        if (!mayReadCaseReference(actor, own.sessions.get(found.record.id))) throw notFound(CASE);
      }
      return { annotations: (await repository.listCaseAnnotations(principal.department.id, found.record.id)).map(view) };
    },
  );

  /** The case the drawing belongs to, for a tutor or administrator of its department. */
  async function drawableCase(principal: ReturnType<typeof signedIn>, caseId: string) {
    if (!mayManageCases(actorOf(principal))) throw organisersOnly();
    const found = await repository.getCase(principal.department.id, caseId);
    if (!found) throw notFound(CASE);
    return found.record;
  }

  app.put(
    '/cases/:caseId/annotations/:annotationUid',
    {
      schema: {
        operationId: 'saveCaseAnnotation',
        summary: "Tutor or administrator: create (version 0) or replace one of the case's reference annotations, on one of the case's studies; 409 with the current one when the version is out of date",
        security: SIGNED_IN,
        params: caseAnnotationParams,
        headers: idempotencyHeaders,
        body: putAnnotationBody,
        response: { 200: caseAnnotationView, 409: caseAnnotationConflict, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const key = request.headers['idempotency-key'];
      const idempotencyKey = key && `case-annotation:${key}`;
      if (idempotencyKey) {
        const seen = await repository.findIdempotentResponse(principal.account.id, idempotencyKey);
        if (seen) return seen.body as never;
      }
      refuseUnstorableInteger('body', 'frameNumber', request.body.frameNumber);
      const teachingCase = await drawableCase(principal, request.params.caseId);
      const { version, ...body } = request.body;
      if (!teachingCase.studyInstanceUIDs.includes(body.studyInstanceUID)) {
        throw fail(400, 'input.notCaseStudy', `检查 ${body.studyInstanceUID} 不属于该病例`, `The study ${body.studyInstanceUID} is not one of the case's studies`, 'studyInstanceUID');
      }
      const { annotationUid } = request.params;
      const existing = await repository.getCaseAnnotation(principal.department.id, teachingCase.id, annotationUid);
      if (version > MAX_STORED_INTEGER) throw conflict(existing);
      const written = await repository.putCaseAnnotation(
        principal.department.id,
        // Whoever drew it first stays its author when another tutor moves it.
        { ...body, caseId: teachingCase.id, uid: annotationUid, authorId: existing?.authorId ?? principal.account.id, updatedAt: now().toISOString() },
        version,
        idempotencyKey ? { accountId: principal.account.id, key: idempotencyKey, response: value => ({ status: 200, body: view(value as StoredCaseAnnotation) }) } : undefined,
      );
      if (written.outcome === 'repeated') return written.response.body as never;
      if (written.outcome === 'notFound') throw notFound(CASE);
      if (written.outcome !== 'written') throw conflict(await repository.getCaseAnnotation(principal.department.id, teachingCase.id, annotationUid));
      return view(written.value);
    },
  );

  app.delete(
    '/cases/:caseId/annotations/:annotationUid',
    {
      schema: {
        operationId: 'deleteCaseAnnotation',
        summary: 'Tutor or administrator: delete a reference annotation at the version last seen',
        security: SIGNED_IN,
        params: caseAnnotationParams,
        headers: idempotencyHeaders,
        querystring: deleteAnnotationQuery,
        response: { 204: z.null(), 409: caseAnnotationConflict, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      const key = request.headers['idempotency-key'];
      const idempotencyKey = key && `case-annotation-delete:${key}`;
      if (idempotencyKey && (await repository.findIdempotentResponse(principal.account.id, idempotencyKey))) return reply.code(204).send(null);
      const teachingCase = await drawableCase(principal, request.params.caseId);
      const { annotationUid } = request.params;
      const existing = await repository.getCaseAnnotation(principal.department.id, teachingCase.id, annotationUid);
      if (!existing) throw notFound(ANNOTATION);
      if (request.query.version > MAX_STORED_INTEGER) throw conflict(existing);
      const written = await repository.deleteCaseAnnotation(
        principal.department.id,
        teachingCase.id,
        annotationUid,
        request.query.version,
        idempotencyKey ? { accountId: principal.account.id, key: idempotencyKey, response: () => ({ status: 204, body: null }) } : undefined,
      );
      if (written.outcome === 'notFound') throw notFound(ANNOTATION);
      if (written.outcome === 'conflict') throw conflict(await repository.getCaseAnnotation(principal.department.id, teachingCase.id, annotationUid));
      return reply.code(204).send(null);
    },
  );
}
