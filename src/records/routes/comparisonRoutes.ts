import { withNegativeChecks } from '../../core/comparison/buildSignComparison';
import { isResidentOf, isTutorOf } from '../../core/rules/permissions';
import type { TeachingSession } from '../../core/session/session';
import { negativeCheckBody, negativeCheckParams, signComparisonView } from '../api/comparison';
import { apiError } from '../api/errors';
import { sessionParams } from '../api/sessions';
import { actorOf, type Principal } from '../auth/principal';
import { fail } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { SIGNED_IN } from '../http/security';
import { visibleSession } from './sessionRoutes';
import { compareSessionSigns } from './sessionSignComparison';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 422: apiError };

const notCompared = () => fail(404, 'notFound', '该教学活动的征象尚未比对', 'The signs of this session have not been compared yet');

/** The tutor compares and ticks; an administrator may stand in for one who cannot. */
function mayCompare(principal: Principal, session: TeachingSession) {
  const actor = actorOf(principal);
  if (actor.role !== 'admin' && !isTutorOf(actor, session)) {
    throw fail(403, 'access.tutorOrAdminOnly', '只有本次活动的指导医师或管理员可以比对征象', 'Only the tutor of this session or an administrator compares its signs');
  }
}

/** The comparison is part of what the tutor scored and signed: it stays as it was at sign-off. */
function refuseSignedOff(session: TeachingSession) {
  if (session.signOff) throw fail(422, 'state.signedOff', '教学活动已签署，征象比对不能再更改', 'The session is signed off; its sign comparison can no longer change');
}

export async function comparisonRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  app.get(
    '/sessions/:sessionId/comparison',
    {
      schema: {
        operationId: 'getSignComparison',
        summary: "The resident's drawings of stage 4.3 compared with the case's reference: signs found, missed and extra, negative signs ticked, and the suggested scores",
        description: 'Made when the resident submits stage 4.3. The tutor and administrators read it at any time; the resident once the session is signed off, since it holds the reference answer.',
        security: SIGNED_IN,
        params: sessionParams,
        response: { 200: signComparisonView, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const { record: session } = await visibleSession(repository, principal, request.params.sessionId);
      if (isResidentOf(actorOf(principal), session) && !session.signOff) {
        throw fail(403, 'access.afterSignOff', '征象比对在指导医师签署后才能查看', 'The sign comparison is shown to the resident once the tutor has signed the session off');
      }
      const comparison = await repository.getSignComparison(principal.department.id, session.id);
      if (!comparison) throw notCompared();
      return comparison;
    },
  );

  app.post(
    '/sessions/:sessionId/comparison',
    {
      schema: {
        operationId: 'compareSigns',
        summary: "Compare the resident's drawings with the case's reference again now, e.g. after the reference was edited",
        description: 'Keeps the negative signs already ticked that the reference still has. 422 once the session is signed off, or when the case has no reference answer or drawings to compare with.',
        security: SIGNED_IN,
        params: sessionParams,
        response: { 200: signComparisonView, ...errors, 503: apiError },
      },
    },
    async request => {
      const principal = signedIn(request);
      const { record: session } = await visibleSession(repository, principal, request.params.sessionId);
      mayCompare(principal, session);
      refuseSignedOff(session);
      const comparison = await compareSessionSigns(deps, principal.department.id, session, principal.account.id, now().toISOString());
      if (!comparison) throw fail(422, 'state.noReference', '该病例尚无参考答案或参考标注，无法比对征象', 'The case has no reference answer or reference drawings to compare the signs with');
      return comparison;
    },
  );

  app.put(
    '/sessions/:sessionId/comparison/negatives/:findingId',
    {
      schema: {
        operationId: 'checkNegativeSign',
        summary: 'Tick whether the resident recorded a negative sign of the reference; the suggested scores follow',
        security: SIGNED_IN,
        params: negativeCheckParams,
        body: negativeCheckBody,
        response: { 200: signComparisonView, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      const { record: session } = await visibleSession(repository, principal, request.params.sessionId);
      mayCompare(principal, session);
      refuseSignedOff(session);
      const stored = await repository.getSignComparison(principal.department.id, session.id);
      if (!stored) throw notCompared();
      const { findingId } = request.params;
      const finding = stored.reference.findings.find(candidate => candidate.id === findingId);
      if (!finding) {
        throw fail(404, 'notFound', `比对所依据的参考答案中没有征象 ${findingId}`, `The reference the signs were compared with has no finding ${findingId}`, 'findingId');
      }
      if (finding.kind !== 'negative') {
        throw fail(
          400,
          'input.notNegativeSign',
          `征象 ${findingId}（${finding.description}）是阳性征象，由图像比对判断，只有阴性征象需要勾选`,
          `Finding ${findingId} (${finding.description}) is a positive sign, judged by comparing the drawings; only negative signs are ticked`,
          'findingId',
        );
      }
      const checks = { ...stored.negativeChecks, [findingId]: { recorded: request.body.recorded, by: principal.account.id, at: now().toISOString() } };
      const updated = withNegativeChecks(stored, session, checks);
      await repository.putSignComparison(principal.department.id, updated);
      return updated;
    },
  );
}
