import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { printableSession, type SessionExportInput } from '../../core/export';
import { isLanguage, translator } from '../../core/i18n';
import { isResidentOf } from '../../core/rules/permissions';
import type { TeachingSession } from '../../core/session/session';
import { apiError } from '../api/errors';
import { sessionParams } from '../api/sessions';
import { actorOf } from '../auth/principal';
import { fail } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { SIGNED_IN } from '../http/security';
import type { RecordsRepository } from '../repository/RecordsRepository';
import { scoreSheetPage } from '../print/scoreSheetPage';
import { visibleSession } from './sessionRoutes';

const scoreSheetQuery = z.object({
  language: z.string().optional().describe('zh-CN (the default: the department’s language) or en'),
  print: z.string().optional().describe('1: open the print dialog once the page has loaded'),
});

/**
 * The case and the people the sheet names. The records hold no patient details (name, image number,
 * examination date): those lines of the paper form stay blank for the tutor to fill in by hand.
 */
async function exportInput(repository: RecordsRepository, departmentId: string, session: TeachingSession): Promise<SessionExportInput> {
  const [teachingCase, resident, tutor] = await Promise.all([
    repository.getCase(departmentId, session.caseId),
    repository.getAccount(departmentId, session.residentId),
    repository.getAccount(departmentId, session.tutorId),
  ]);
  return {
    session,
    teachingCase: teachingCase ? teachingCase.record : { id: session.caseId, title: session.caseId, bodyPart: '', modality: '' },
    resident: { name: resident?.name ?? session.residentId },
    tutor: { name: tutor?.name ?? session.tutorId },
  };
}

export async function scoreSheetRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  app.get(
    '/sessions/:sessionId/score-sheet',
    {
      schema: {
        operationId: 'scoreSheet',
        summary: 'The session’s score sheet as an HTML page laid out like the paper form, for printing on A4',
        description: 'The tutor and administrators may print it at any time; the resident once the session is signed off.',
        security: SIGNED_IN,
        params: sessionParams,
        querystring: scoreSheetQuery,
        produces: ['text/html'],
        response: { 200: z.string().describe('The page (text/html)'), 400: apiError, 401: apiError, 403: apiError, 404: apiError },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      const { language = deps.language, print } = request.query;
      if (!isLanguage(language)) throw fail(400, 'input.invalid', `查询参数 language 不正确：应为 zh-CN 或 en，收到 ${language}`, `Invalid query field language: use zh-CN or en, not ${language}`, 'language');
      const { record: session } = await visibleSession(repository, principal, request.params.sessionId);
      if (isResidentOf(actorOf(principal), session) && !session.signOff) {
        throw fail(403, 'access.notSignedOff', '评分表在指导医师签署后才能查看', 'The score sheet is shown to the resident once the tutor has signed the session off');
      }
      const form = printableSession(await exportInput(repository, principal.department.id, session), language, now().toISOString());
      const t = translator(language);
      const nonce = randomBytes(16).toString('base64');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`)
        .send(
          scoreSheetPage(form, {
            print: print === '1',
            nonce,
            printButton: t('print.button'),
            residentSignature: t('print.residentSignature'),
            tutorSignature: t('print.tutorSignature'),
          }),
        );
    },
  );
}
