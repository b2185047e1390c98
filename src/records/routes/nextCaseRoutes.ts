import { rankNextCases } from '../../core/library/rankNextCases';
import { apiError } from '../api/errors';
import { nextCaseList, nextCasesQuery } from '../api/nextCases';
import { personParams } from '../api/people';
import { fail, notFound } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { SIGNED_IN } from '../http/security';

const PERSON = { zh: '住院医师', en: 'resident' };

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

/**
 * The cases a resident has not done, best fit first (core `rankNextCases`). Any tutor of the
 * department may ask, not only the tutors of the resident's sessions: the guide has the tutor
 * prepare for the resident's year and ability (3.1, 3.2) before ever teaching them, and a
 * suggestion read from one tutor's sessions alone would offer cases the resident already did with
 * another. So the ranking reads all of the resident's sessions, and answers with shares of points
 * lost, never a session's scores. A resident may not ask, not even about themselves: the reasons
 * tell what the reference answers of cases still ahead of them hold (their negative signs, the
 * stage of the diagnosis).
 */
export async function nextCaseRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository } = deps;

  app.get(
    '/residents/:personId/next-cases',
    {
      schema: {
        operationId: 'residentNextCases',
        summary: 'Tutor or administrator: the cases a resident has not done, best fit first, each with why (year, least-seen category, recent weaknesses)',
        security: SIGNED_IN,
        params: personParams,
        querystring: nextCasesQuery,
        response: { 200: nextCaseList, ...errors },
      },
    },
    async request => {
      const principal = signedIn(request);
      if (principal.account.role === 'resident') {
        throw fail(403, 'access.organisersOnly', '只有指导医师和管理员可以查看为住院医师推荐的病例', 'Only tutors and administrators see the cases suggested for a resident');
      }
      const department = principal.department.id;
      const resident = await repository.getAccount(department, request.params.personId);
      if (!resident || resident.role !== 'resident' || resident.trainingYear === null) throw notFound(PERSON);
      const [cases, sessions] = await Promise.all([repository.listCases(department, {}), repository.listSessions(department, { residentId: resident.id })]);
      const suggestions = rankNextCases({
        resident: { id: resident.id, trainingYear: resident.trainingYear },
        cases: cases.map(({ record }) => record),
        sessions: sessions.map(({ record }) => record),
      });
      const caseById = new Map(cases.map(({ record }) => [record.id, record]));
      return {
        suggestions: suggestions.slice(0, request.query.limit).map(suggestion => {
          const { title, trainingYear, category, modality } = caseById.get(suggestion.caseId)!;
          return { caseId: suggestion.caseId, title, trainingYear, category, modality, fit: suggestion.fit, reasons: suggestion.reasons };
        }),
      };
    },
  );
}
