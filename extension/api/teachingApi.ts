import type { z } from 'zod';
import type { Language } from '../../src/core/i18n';
import type { SessionCommand } from '../../src/core/rules/sessionCommand';
import { annotationConflict, annotationList, annotationView, type AnnotationView, type PutAnnotationBody } from '../../src/records/api/annotations';
import { standInStarted, standInView, whoAmI, type StandInStarted, type StandInView, type WhoAmI } from '../../src/records/api/auth';
import { caseAnnotationConflict, caseAnnotationList, caseAnnotationView, type CaseAnnotationView } from '../../src/records/api/caseAnnotations';
import { caseList, caseRefusal, caseView, type CaseInput, type CaseLibraryItem, type CaseQuery, type CaseView } from '../../src/records/api/cases';
import { categoryListView, type CategoryListView } from '../../src/records/api/categories';
import type { StoredSignComparison } from '../../src/core/comparison/signComparison';
import { signComparisonView } from '../../src/records/api/comparison';
import { apiError } from '../../src/records/api/errors';
import { commandResult, sessionConflict, sessionList, sessionView, type CommandResult, type SessionView } from '../../src/records/api/sessions';
import { ApiRequestError, localized } from './apiRequestError';

export interface TeachingApiOptions {
  /** Where the records service answers, e.g. '/api' (appConfig.teaching.apiRoot). */
  apiRoot: string;
  /** The host's own authorization header when it signs in through OIDC; asked on every call because the host renews tokens silently. */
  authorization: () => Record<string, string> | undefined;
  /** The panel's language, so that the server's refusals come back in it. */
  language: () => Language;
  fetch: typeof fetch;
  /** A call with no answer after this long counts as no connection, so a save never hangs unseen. */
  timeoutMs?: number;
}

export interface TeachingApi {
  whoAmI(): Promise<WhoAmI>;
  signOut(): Promise<void>;
  /** A tutor takes over scoring at this signed-in workstation with their own password. */
  startStandIn(username: string, password: string): Promise<StandInStarted>;
  /** The takeover `standIn` names, while it lasts; a 401 once it has ended. */
  getStandIn(standIn: string): Promise<StandInView>;
  /** The tutor hands back: the token stops working. */
  endStandIn(standIn: string): Promise<void>;
  /** The open session on this study that the caller takes part in; the one under way when there are several. */
  findOpenSession(studyInstanceUID: string): Promise<SessionView | undefined>;
  listAnnotations(sessionId: string): Promise<AnnotationView[]>;
  /** `standIn`: the token of the tutor standing in at this workstation, for what they draw. */
  saveAnnotation(sessionId: string, uid: string, body: PutAnnotationBody, idempotencyKey: string, standIn?: string): Promise<AnnotationView>;
  deleteAnnotation(sessionId: string, uid: string, version: number, idempotencyKey: string, standIn?: string): Promise<void>;
  getSession(sessionId: string): Promise<SessionView>;
  /**
   * One action of the teaching rules, made on `version` (the one the sender last saw). A 409 is an
   * ApiRequestError whose `current` is the session as the server holds it now. With `standIn`, the
   * tutor standing in at this workstation makes it.
   */
  runCommand(sessionId: string, version: number, command: SessionCommand, idempotencyKey: string, standIn?: string): Promise<CommandResult>;
  /** The case a session is held on, with its studies: the one read first, then its priors. */
  getCase(caseId: string): Promise<CaseView>;
  /** The department's category list, retired entries included (cases filed under them keep their name). */
  getCategories(): Promise<CategoryListView>;
  /** Tutor or administrator: a new case. A 400 names each problem (`ApiRequestError.problems`). */
  createCase(input: CaseInput, idempotencyKey: string): Promise<CaseView>;
  /** Tutor or administrator: the case edited from `version`; a 409 when it changed since. */
  updateCase(caseId: string, version: number, input: CaseInput, idempotencyKey: string): Promise<CaseView>;
  /** The library's cases; with `studyInstanceUID`, only those read on that study. */
  listCases(filter?: CaseQuery): Promise<CaseLibraryItem[]>;
  /** The case's reference annotations (tutors and administrators). */
  listCaseAnnotations(caseId: string): Promise<CaseAnnotationView[]>;
  saveCaseAnnotation(caseId: string, uid: string, body: PutAnnotationBody, idempotencyKey: string): Promise<CaseAnnotationView>;
  deleteCaseAnnotation(caseId: string, uid: string, version: number, idempotencyKey: string): Promise<void>;
  /**
   * The comparison of the session's 4.3 signs with the case's reference; undefined until it has been compared. A resident is refused (403) before sign-off.
   * With `standIn`, asked by the tutor standing in at this workstation (the resident's), as for every comparison call.
   */
  getSignComparison(sessionId: string, standIn?: string): Promise<StoredSignComparison | undefined>;
  /** The tutor compares again now, e.g. after the reference was edited. */
  compareSignsAgain(sessionId: string, standIn?: string): Promise<StoredSignComparison>;
  /** The tutor's tick: the resident did (or did not) record this negative sign of the reference; the suggestion follows. */
  checkNegativeSign(sessionId: string, findingId: string, recorded: boolean, standIn?: string): Promise<StoredSignComparison>;
}

/** The records service's header for the tutor standing in (`src/records/auth/standIns.ts`, which the viewer does not load). */
const STAND_IN_HEADER = 'x-teaching-stand-in';

const unreadable = (status: number) => new ApiRequestError(status, 'network.unreadable', localized('api.unreadable', { status }));

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** The one client of the records service in the viewer; every answer is checked against the server's own schemas. */
export function createTeachingApi(options: TeachingApiOptions): TeachingApi {
  const root = options.apiRoot.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 20_000;

  async function call(method: string, path: string, init: { body?: unknown; idempotencyKey?: string; standIn?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-teaching-language': options.language(), ...options.authorization() };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
    if (init.standIn) headers[STAND_IN_HEADER] = init.standIn;
    let response: Response;
    try {
      response = await options.fetch(`${root}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new ApiRequestError(0, 'network.offline', localized('api.offline'));
    }
    if (response.ok) return response;
    throw await refusal(response);
  }

  async function refusal(response: Response): Promise<ApiRequestError> {
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = apiError.safeParse(body);
    if (response.status === 409) {
      const messages = parsed.success ? parsed.data.messages : undefined;
      const annotation = annotationConflict.safeParse(body);
      if (annotation.success) return new ApiRequestError(409, 'conflict', messages ?? localized('save.conflictHint'), annotation.data.current);
      // A case's reference annotation: what the server holds is not shown over the drawing, only that it changed.
      if (caseAnnotationConflict.safeParse(body).success) return new ApiRequestError(409, 'conflict', messages ?? localized('save.conflictHint'));
      const session = sessionConflict.safeParse(body);
      if (session.success) return new ApiRequestError(409, 'conflict', messages ?? localized('save.sessionConflictHint'), session.data.current);
    }
    if (!parsed.success) return unreadable(response.status);
    const refusedCase = caseRefusal.safeParse(body);
    const problems = refusedCase.success ? refusedCase.data.problems : undefined;
    return new ApiRequestError(response.status, parsed.data.code, parsed.data.messages, undefined, retryAfterMs(response), parsed.data.field, problems);
  }

  async function read<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw unreadable(response.status);
    return parsed.data;
  }

  const sessionPath = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`;
  const annotationPath = (sessionId: string, uid: string) => `${sessionPath(sessionId)}/annotations/${encodeURIComponent(uid)}`;
  const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
  const caseAnnotationPath = (caseId: string, uid: string) => `${casePath(caseId)}/annotations/${encodeURIComponent(uid)}`;

  return {
    whoAmI: async () => read(await call('GET', '/auth/me'), whoAmI),

    signOut: async () => void (await call('POST', '/auth/sign-out')),

    startStandIn: async (username, password) => read(await call('POST', '/auth/stand-in', { body: { username, password } }), standInStarted),

    getStandIn: async standIn => read(await call('GET', '/auth/stand-in', { standIn }), standInView),

    endStandIn: async standIn => void (await call('DELETE', '/auth/stand-in', { standIn })),

    async findOpenSession(studyInstanceUID) {
      const query = new URLSearchParams({ studyInstanceUID, open: 'true' });
      const { sessions } = await read(await call('GET', `/sessions?${query}`), sessionList);
      const underWay = sessions.find(({ session }) => session.timer.intervals.length > 0 && !session.timer.endedAt);
      const open = underWay ?? sessions[0];
      if (open) return open;
      // Nothing open: the session last signed off on the study, so its resident sees the evaluation.
      const all = await read(await call('GET', `/sessions?${new URLSearchParams({ studyInstanceUID })}`), sessionList);
      const signed = all.sessions.filter(({ session }) => session.signOff).sort((a, b) => b.session.signOff!.at.localeCompare(a.session.signOff!.at));
      return signed[0];
    },

    listAnnotations: async sessionId =>
      (await read(await call('GET', `${sessionPath(sessionId)}/annotations`), annotationList)).annotations,

    saveAnnotation: async (sessionId, uid, body, idempotencyKey, standIn) =>
      read(await call('PUT', annotationPath(sessionId, uid), { body, idempotencyKey, standIn }), annotationView),

    async deleteAnnotation(sessionId, uid, version, idempotencyKey, standIn) {
      await call('DELETE', `${annotationPath(sessionId, uid)}?version=${version}`, { idempotencyKey, standIn });
    },

    getSession: async sessionId => read(await call('GET', sessionPath(sessionId)), sessionView),

    runCommand: async (sessionId, version, command, idempotencyKey, standIn) =>
      read(await call('POST', `${sessionPath(sessionId)}/commands`, { body: { version, command }, idempotencyKey, standIn }), commandResult),

    getCase: async caseId => read(await call('GET', casePath(caseId)), caseView),

    getCategories: async () => read(await call('GET', '/categories'), categoryListView),

    createCase: async (input, idempotencyKey) => read(await call('POST', '/cases', { body: input, idempotencyKey }), caseView),

    updateCase: async (caseId, version, input, idempotencyKey) => read(await call('PUT', casePath(caseId), { body: { version, case: input }, idempotencyKey }), caseView),

    async listCases(query = {}) {
      const parameters = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
      return (await read(await call('GET', `/cases${parameters.size > 0 ? `?${parameters}` : ''}`), caseList)).cases;
    },

    listCaseAnnotations: async caseId => (await read(await call('GET', `${casePath(caseId)}/annotations`), caseAnnotationList)).annotations,

    saveCaseAnnotation: async (caseId, uid, body, idempotencyKey) => read(await call('PUT', caseAnnotationPath(caseId, uid), { body, idempotencyKey }), caseAnnotationView),

    async deleteCaseAnnotation(caseId, uid, version, idempotencyKey) {
      await call('DELETE', `${caseAnnotationPath(caseId, uid)}?version=${version}`, { idempotencyKey });
    },

    async getSignComparison(sessionId, standIn) {
      try {
        return await read(await call('GET', `${sessionPath(sessionId)}/comparison`, { standIn }), signComparisonView);
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404) return undefined;
        throw error;
      }
    },

    compareSignsAgain: async (sessionId, standIn) => read(await call('POST', `${sessionPath(sessionId)}/comparison`, { standIn }), signComparisonView),

    checkNegativeSign: async (sessionId, findingId, recorded, standIn) =>
      read(await call('PUT', `${sessionPath(sessionId)}/comparison/negatives/${encodeURIComponent(findingId)}`, { body: { recorded }, standIn }), signComparisonView),
  };
}
