import { z } from 'zod';
import { isResidentOf, isTutorOf } from '../../core/rules/permissions';
import { annotationConflict, annotationList, annotationParams, annotationView, deleteAnnotationQuery, putAnnotationBody } from '../api/annotations';
import { apiError } from '../api/errors';
import { actorOf, type Principal } from '../auth/principal';
import { ApiFailure, fail, notFound } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { idempotencyHeaders } from '../http/idempotencyKey';
import { MAX_STORED_INTEGER, refuseUnstorableInteger } from '../http/storable';
import { SIGNED_IN } from '../http/security';
import type { StoredAnnotation } from '../repository/RecordsRepository';
import { visibleSession } from './sessionRoutes';

const ANNOTATION = { zh: '标注', en: 'annotation' };

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 422: apiError };

const view = ({ sessionId: _session, ...annotation }: StoredAnnotation) => annotation as z.infer<typeof annotationView>;

function conflict(current: StoredAnnotation | undefined) {
  return new ApiFailure(409, 'conflict', { zh: '该标注已在别处被修改，请查看最新内容', en: 'This annotation was changed elsewhere; review the latest version' }, undefined, {
    current: current ? view(current) : null,
  });
}

/**
 * The resident draws on the images of their own session, the tutor adds corrections; each changes
 * only their own drawings, and nobody draws once the session is signed off.
 */
function mayDraw(principal: Principal, session: { residentId: string; tutorId: string; signOff?: unknown }, existing: StoredAnnotation | undefined) {
  const actor = actorOf(principal);
  if (!isResidentOf(actor, session) && !isTutorOf(actor, session)) throw fail(403, 'access.participantsOnly', '只有本次活动的住院医师和指导医师可以在图像上标注', 'Only the resident and the tutor of this session draw on its images');
  if (session.signOff) throw fail(422, 'state.signedOff', '教学活动已签署，标注不能再修改', 'The session is signed off; its annotations can no longer change');
  if (existing && existing.authorId !== actor.id) throw fail(403, 'access.notYourAnnotation', '只能修改自己画的标注', 'You can only change annotations you drew');
}

/**
 * The guide has the resident find the signs and write the report on their own (4.3, 4.5); the
 * tutor's corrective drawings would give the answers away, so the resident sees them with the
 * scores and feedback once the session is signed off.
 */
function correctionsHidden(principal: Principal, session: { residentId: string; tutorId: string; signOff?: unknown }): boolean {
  return isResidentOf(actorOf(principal), session) && !session.signOff;
}

export async function annotationRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  const findAnnotation = (departmentId: string, sessionId: string, uid: string) => repository.getAnnotation(departmentId, sessionId, uid);

  app.get(
    '/sessions/:sessionId/annotations',
    {
      schema: {
        operationId: 'listAnnotations',
        summary:
          "The session's annotations: cornerstone annotation JSON with the study, series, SOP instance and frame it lies on, its author and their role. The resident sees the tutor's annotations once the session is signed off",
        security: SIGNED_IN,
        params: annotationParams.pick({ sessionId: true }),
        response: { 200: annotationList, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const session = await visibleSession(repository, principal, request.params.sessionId);
      const annotations = await repository.listAnnotations(principal.department.id, session.record.id);
      const shown = correctionsHidden(principal, session.record) ? annotations.filter(annotation => annotation.authorRole !== 'tutor') : annotations;
      return { annotations: shown.map(view) };
    },
  );

  app.put(
    '/sessions/:sessionId/annotations/:annotationUid',
    {
      schema: {
        operationId: 'saveAnnotation',
        summary: 'Create (version 0) or replace an annotation; 409 with the current one when the version is out of date',
        security: SIGNED_IN,
        params: annotationParams,
        headers: idempotencyHeaders,
        body: putAnnotationBody,
        response: { 200: annotationView, 409: annotationConflict, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const key = request.headers['idempotency-key'];
      // Saves and deletions keep their keys apart: a key a deletion used must not answer a save with
      // the deletion's empty 204 (nor a save's answer stand in for a deletion that never happened).
      const idempotencyKey = key && `annotation:${key}`;
      if (idempotencyKey) {
        const seen = await repository.findIdempotentResponse(principal.account.id, idempotencyKey);
        if (seen) return seen.body as never;
      }
      refuseUnstorableInteger('body', 'frameNumber', request.body.frameNumber);
      const session = await visibleSession(repository, principal, request.params.sessionId);
      const { annotationUid } = request.params;
      const existing = await findAnnotation(principal.department.id, session.record.id, annotationUid);
      mayDraw(principal, session.record, existing);
      const { version, ...body } = request.body;
      // No stored version is that large: out of date like any other version that is not the current one.
      if (version > MAX_STORED_INTEGER) throw conflict(existing);
      const written = await repository.putAnnotation(
        principal.department.id,
        { ...body, sessionId: session.record.id, uid: annotationUid, authorId: principal.account.id, authorRole: principal.account.role, updatedAt: now().toISOString() },
        version,
        idempotencyKey ? { accountId: principal.account.id, key: idempotencyKey, response: value => ({ status: 200, body: view(value as StoredAnnotation) }) } : undefined,
      );
      if (written.outcome === 'repeated') return written.response.body as never;
      if (written.outcome !== 'written') throw conflict(await findAnnotation(principal.department.id, session.record.id, annotationUid));
      return view(written.value);
    },
  );

  app.delete(
    '/sessions/:sessionId/annotations/:annotationUid',
    {
      schema: {
        operationId: 'deleteAnnotation',
        summary: 'Delete an annotation at the version last seen',
        security: SIGNED_IN,
        params: annotationParams,
        headers: idempotencyHeaders,
        querystring: deleteAnnotationQuery,
        response: { 204: z.null(), 409: annotationConflict, ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      const key = request.headers['idempotency-key'];
      const idempotencyKey = key && `annotation-delete:${key}`;
      if (idempotencyKey && (await repository.findIdempotentResponse(principal.account.id, idempotencyKey))) return reply.code(204).send(null);
      const session = await visibleSession(repository, principal, request.params.sessionId);
      const { annotationUid } = request.params;
      const existing = await findAnnotation(principal.department.id, session.record.id, annotationUid);
      if (!existing) throw notFound(ANNOTATION);
      mayDraw(principal, session.record, existing);
      if (request.query.version > MAX_STORED_INTEGER) throw conflict(existing);
      const written = await repository.deleteAnnotation(
        principal.department.id,
        session.record.id,
        annotationUid,
        request.query.version,
        idempotencyKey ? { accountId: principal.account.id, key: idempotencyKey, response: () => ({ status: 204, body: null }) } : undefined,
      );
      if (written.outcome === 'notFound') throw notFound(ANNOTATION);
      if (written.outcome === 'conflict') throw conflict(await findAnnotation(principal.department.id, session.record.id, annotationUid));
      return reply.code(204).send(null);
    },
  );
}
