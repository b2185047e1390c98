import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../extension/api/apiRequestError';
import { createTeachingApi } from '../../../extension/api/teachingApi';
import type { Language } from '../../../src/core/i18n';
import { applyCommand } from '../../../src/core/rules/applyCommand';
import type { AnnotationView } from '../../../src/records/api/annotations';
import { signComparisonFixture } from '../../fixtures/signComparison';
import { draftSession, TUTOR } from '../../fixtures/teachingSessions';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** A fetch that answers from a script and keeps what was sent. */
function scriptedFetch(answer: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    const request: Sent = {
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    sent.push(request);
    return answer(request);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const refusal = (status: number, code: string, zh: string, en: string, extra: Record<string, unknown> = {}) =>
  json(status, { code, message: en, messages: { zh, en }, ...extra });

const ME = {
  account: { id: 'demo-resident1', username: 'resident1', name: '李明轩', role: 'resident', trainingYear: 2, active: true, version: 1 },
  department: { id: 'demo', name: '示范放射科' },
  via: 'cookie',
};

const VIEW: AnnotationView = {
  uid: 'a1b2c3',
  authorId: 'demo-resident1',
  authorRole: 'resident',
  studyInstanceUID: '1.2.3',
  seriesInstanceUID: '1.2.3.4',
  sopInstanceUID: '1.2.3.4.5',
  frameNumber: null,
  annotation: { annotationUID: 'a1b2c3', data: { label: 'Nodule' }, metadata: { toolName: 'Length' } },
  version: 2,
  updatedAt: '2026-12-01T08:00:00.000Z',
};

function client(answer: (sent: Sent) => Response | Promise<Response>, options: { token?: () => string | undefined; language?: () => Language } = {}) {
  const { fetch, sent } = scriptedFetch(answer);
  const api = createTeachingApi({
    apiRoot: '/api/',
    authorization: () => {
      const token = options.token?.();
      return token ? { Authorization: `Bearer ${token}` } : undefined;
    },
    language: options.language ?? (() => 'zh-CN'),
    fetch,
  });
  return { api, sent };
}

describe('the teaching API client', () => {
  it('asks who is signed in, same-origin with the cookie, in the panel language', async () => {
    const { api, sent } = client(() => json(200, ME), { language: () => 'en' });
    expect((await api.whoAmI()).account.name).toBe('李明轩');
    expect(sent[0]).toMatchObject({ url: '/api/auth/me', method: 'GET', credentials: 'same-origin' });
    expect(sent[0]!.headers['x-teaching-language']).toBe('en');
    expect(sent[0]!.headers.Authorization).toBeUndefined();
  });

  it("sends the host's OIDC token, read again on every call since the host renews it", async () => {
    let token = 'first';
    const { api, sent } = client(() => json(200, ME), { token: () => token });
    await api.whoAmI();
    token = 'renewed';
    await api.whoAmI();
    expect(sent.map(request => request.headers.Authorization)).toEqual(['Bearer first', 'Bearer renewed']);
  });

  it('saves with the version, the image reference and an idempotency key, and returns the new version', async () => {
    const { api, sent } = client(() => json(200, { ...VIEW, version: 3 }));
    const { version: _version, uid: _uid, authorId: _author, authorRole: _role, updatedAt: _at, ...rest } = VIEW;
    const saved = await api.saveAnnotation('session 1', 'a1b2c3', { ...rest, version: 2 }, 'key-0123456789');
    expect(saved.version).toBe(3);
    expect(sent[0]).toMatchObject({ url: '/api/sessions/session%201/annotations/a1b2c3', method: 'PUT', body: { ...rest, version: 2 } });
    expect(sent[0]!.headers['idempotency-key']).toBe('key-0123456789');
    expect(sent[0]!.headers['content-type']).toBe('application/json');
  });

  it('deletes at a version', async () => {
    const { api, sent } = client(() => new Response(null, { status: 204 }));
    await api.deleteAnnotation('s1', 'a1b2c3', 4, 'key-abcdefgh');
    expect(sent[0]).toMatchObject({ url: '/api/sessions/s1/annotations/a1b2c3?version=4', method: 'DELETE' });
    expect(sent[0]!.headers['idempotency-key']).toBe('key-abcdefgh');
  });

  it('finds the open session of the study, preferring the one under way', async () => {
    const scheduled = draftSession({ id: 'scheduled' });
    const underWay = { ...draftSession({ id: 'under-way' }), timer: { intervals: [{ start: '2026-12-01T08:00:00.000Z' }] } };
    const { api, sent } = client(() => json(200, { sessions: [{ session: scheduled, version: 1 }, { session: underWay, version: 4 }] }));
    expect((await api.findOpenSession('1.2.3'))?.session.id).toBe('under-way');
    expect(sent[0]!.url).toBe('/api/sessions?studyInstanceUID=1.2.3&open=true');

    const none = client(() => json(200, { sessions: [] }));
    expect(await none.api.findOpenSession('1.2.3')).toBeUndefined();
  });

  it('opens the session last signed off on the study when none is open', async () => {
    const signedAt = (id: string, at: string) => ({ ...draftSession({ id }), signOff: { at, by: 'tutor-wang', stages: draftSession().stages } });
    const { api, sent } = client(request =>
      json(200, { sessions: request.url.includes('open=true') ? [] : [{ session: signedAt('earlier', '2026-11-01T08:00:00.000Z'), version: 9 }, { session: signedAt('latest', '2026-11-20T08:00:00.000Z'), version: 12 }] }),
    );
    expect((await api.findOpenSession('1.2.3'))?.session.id).toBe('latest');
    expect(sent.map(request => request.url)).toEqual(['/api/sessions?studyInstanceUID=1.2.3&open=true', '/api/sessions?studyInstanceUID=1.2.3']);
  });

  it("turns a refusal into the server's code and both languages", async () => {
    const { api } = client(() => refusal(403, 'access.notYourAnnotation', '只能修改自己画的标注', 'You can only change annotations you drew'));
    const error = await api.listAnnotations('s1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 403, code: 'access.notYourAnnotation', messages: { zh: '只能修改自己画的标注', en: 'You can only change annotations you drew' } });
    expect((error as ApiRequestError).retryable).toBe(false);
    expect((error as ApiRequestError).offline).toBe(false);
  });

  it('hands over what the server holds now on a conflict', async () => {
    const { api } = client(() => refusal(409, 'conflict', '该标注已在别处被修改', 'This annotation was changed elsewhere', { current: VIEW }));
    const error = (await api.deleteAnnotation('s1', 'a1b2c3', 1, 'key-abcdefgh').catch((caught: unknown) => caught)) as ApiRequestError;
    expect(error).toMatchObject({ status: 409, code: 'conflict', current: VIEW });
  });

  it('tells no connection apart from an answer, and both apart from a refusal', async () => {
    const offline = client(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await offline.api.whoAmI().catch((caught: unknown) => caught)) as ApiRequestError;
    expect(error).toMatchObject({ status: 0, code: 'network.offline', offline: true, retryable: true });
    expect(error.messages).toEqual({ zh: '无法连接教学服务器', en: 'No connection to the teaching server' });

    const proxy = client(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const gateway = (await proxy.api.whoAmI().catch((caught: unknown) => caught)) as ApiRequestError;
    expect(gateway).toMatchObject({ status: 502, code: 'network.unreadable', offline: false, retryable: true });
    expect(gateway.messages.en).toContain('HTTP 502');
  });

  it('refuses an answer that does not match the schema rather than trusting it', async () => {
    const { api } = client(() => json(200, { account: { name: 'no id' } }));
    await expect(api.whoAmI()).rejects.toMatchObject({ status: 200, code: 'network.unreadable' });
  });

  it('keeps how long the server asked to wait', async () => {
    const { api } = client(() => refusal(429, 'auth.tooManyAttempts', '尝试次数过多', 'Too many attempts', {}));
    const slow = client(() => json(429, { code: 'auth.tooManyAttempts', message: 'x', messages: { zh: '尝试次数过多', en: 'Too many' } }, { 'retry-after': '7' }));
    expect(await api.whoAmI().catch((caught: ApiRequestError) => caught.retryAfterMs)).toBeUndefined();
    expect(await slow.api.whoAmI().catch((caught: ApiRequestError) => [caught.retryAfterMs, caught.retryable])).toEqual([7_000, true]);
  });

  it('reads one session with its version', async () => {
    const session = draftSession();
    const { api, sent } = client(() => json(200, { session, version: 3 }));
    expect(await api.getSession('session 1')).toEqual({ session, version: 3 });
    expect(sent[0]).toMatchObject({ url: '/api/sessions/session%201', method: 'GET' });
  });

  it('runs a command on the version last seen, with its idempotency key, and returns the new state and event', async () => {
    const applied = applyCommand(draftSession(), { type: 'startClock' }, { id: TUTOR.id, role: 'tutor' }, '2026-12-01T08:00:00.000Z', 5);
    if (!applied.ok) throw new Error('the fixture session cannot start its clock');
    const { api, sent } = client(() => json(200, { session: applied.value.session, version: 5, event: applied.value.event }));
    const result = await api.runCommand('session-1', 4, { type: 'startClock' }, 'key-0123456789');
    expect(result).toMatchObject({ version: 5, event: { type: 'startClock', seq: 5 } });
    expect(result.session.timer.intervals).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: '/api/sessions/session-1/commands', method: 'POST', body: { version: 4, command: { type: 'startClock' } } });
    expect(sent[0]!.headers['idempotency-key']).toBe('key-0123456789');
  });

  it('hands over the session as the server holds it on a command conflict', async () => {
    const current = { session: draftSession(), version: 7 };
    const { api } = client(() => refusal(409, 'conflict', '该教学活动已被修改', 'The session was changed meanwhile', { current }));
    const error = (await api.runCommand('session-1', 4, { type: 'saveWork', stage: '4.1', work: {} }, 'key-0123456789').catch((caught: unknown) => caught)) as ApiRequestError;
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', current, messages: { zh: '该教学活动已被修改', en: 'The session was changed meanwhile' }, retryable: false });
  });

  it('explains a command conflict in both languages when the server gave only the session', async () => {
    const current = { session: draftSession(), version: 7 };
    const { api } = client(() => json(409, { code: 'conflict', message: 'changed', current }));
    const error = (await api.runCommand('session-1', 4, { type: 'submitStage', stage: '4.1' }, 'key-0123456789').catch((caught: unknown) => caught)) as ApiRequestError;
    expect(error).toMatchObject({ status: 409, current });
    expect(error.messages.en).toContain('another window');
    expect(error.messages.zh).toContain('另一窗口');
  });

  it("passes on the rules' refusal of a command", async () => {
    const { api } = client(() => refusal(422, 'state.stageSubmitted', '该环节已提交', 'This stage has been submitted'));
    const error = (await api.runCommand('session-1', 4, { type: 'submitStage', stage: '4.1' }, 'key-0123456789').catch((caught: unknown) => caught)) as ApiRequestError;
    expect(error).toMatchObject({ status: 422, code: 'state.stageSubmitted', current: undefined, retryable: false });
  });

  it('signs out with a POST', async () => {
    const { api, sent } = client(() => new Response(null, { status: 204 }));
    await api.signOut();
    expect(sent[0]).toMatchObject({ url: '/api/auth/sign-out', method: 'POST' });
  });

  it("reads the session's sign comparison, and nothing yet before it was compared", async () => {
    const comparison = signComparisonFixture();
    const { api, sent } = client(() => json(200, comparison));
    expect(await api.getSignComparison('session 1')).toEqual(comparison);
    expect(sent[0]).toMatchObject({ url: '/api/sessions/session%201/comparison', method: 'GET' });
    const none = client(() => refusal(404, 'notFound', '尚未对比', 'Not compared yet'));
    expect(await none.api.getSignComparison('session-1')).toBeUndefined();
  });

  it('passes on the refusal of a comparison to a resident before sign-off, and an answer out of shape', async () => {
    const resident = client(() => refusal(403, 'access.afterSignOff', '签署后可见', 'Shown after sign-off'));
    expect(await resident.api.getSignComparison('session-1').catch((caught: ApiRequestError) => [caught.status, caught.code])).toEqual([403, 'access.afterSignOff']);
    const garbled = client(() => json(200, { ...signComparisonFixture(), result: { found: 'all' } }));
    expect(await garbled.api.getSignComparison('session-1').catch((caught: ApiRequestError) => caught.code)).toBe('network.unreadable');
  });

  it("compares again, and records the tutor's tick of a negative sign", async () => {
    const comparison = signComparisonFixture();
    const { api, sent } = client(() => json(200, comparison));
    expect(await api.compareSignsAgain('session-1')).toEqual(comparison);
    expect(await api.checkNegativeSign('session-1', 'f/no effusion', true)).toEqual(comparison);
    expect(sent[0]).toMatchObject({ url: '/api/sessions/session-1/comparison', method: 'POST', body: undefined });
    expect(sent[1]).toMatchObject({ url: '/api/sessions/session-1/comparison/negatives/f%2Fno%20effusion', method: 'PUT', body: { recorded: true } });
    expect(sent.map(request => request.headers['x-teaching-stand-in'])).toEqual([undefined, undefined]);
  });

  it("asks for, compares and ticks as the tutor standing in at the resident's workstation", async () => {
    const { api, sent } = client(() => json(200, signComparisonFixture()));
    await api.getSignComparison('session-1', 'stand-in-token');
    await api.compareSignsAgain('session-1', 'stand-in-token');
    await api.checkNegativeSign('session-1', 'f-no-effusion', false, 'stand-in-token');
    expect(sent.map(request => [request.method, request.headers['x-teaching-stand-in']])).toEqual([
      ['GET', 'stand-in-token'],
      ['POST', 'stand-in-token'],
      ['PUT', 'stand-in-token'],
    ]);
  });
});

describe('the teaching API client for case preparation', () => {
  const CASE = {
    schemaVersion: 3,
    id: 'case-1',
    title: 'CT chest',
    studyInstanceUIDs: ['1.2.3', '1.2.2'],
    modality: 'CT',
    bodyPart: 'CHEST',
    category: 'respiratory',
    trainingYear: 2,
    realTime: false,
    objectives: ['结节'],
    preparedBy: 'demo-tutor1',
    createdAt: '2026-12-01T08:00:00.000Z',
  };
  const { schemaVersion: _s, id: _i, preparedBy: _p, createdAt: _c, ...INPUT } = CASE;

  it('hands every problem of a refused case over with the field it names', async () => {
    const problems = [
      { code: 'case.noObjectives', field: 'case.objectives', messages: { zh: '病例至少需要一个教学目标', en: 'A case needs at least one teaching objective' } },
      { code: 'case.studyNotInPacs', field: 'case.studyInstanceUIDs.1', messages: { zh: 'PACS 中没有检查 1.2.2', en: 'The PACS has no study 1.2.2' } },
    ];
    const { api, sent } = client(() => refusal(400, 'input.invalidCase', '…', '…', { field: 'case.objectives', problems }));
    const error = await api.updateCase('case-1', 4, { ...INPUT, objectives: [] } as never, 'key-0123456789').catch((caught: unknown) => caught);
    expect(sent[0]).toMatchObject({ url: '/api/cases/case-1', method: 'PUT', body: { version: 4, case: { ...INPUT, objectives: [] } } });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).field).toBe('case.objectives');
    expect((error as ApiRequestError).problems).toEqual(problems);
  });

  it('creates a case, and asks the records service for the cases read on a study', async () => {
    const other = { ...CASE, id: 'case-2', studyInstanceUIDs: ['1.2.9', '1.2.3'] };
    const { api, sent } = client(request => {
      if (request.method === 'POST') return json(201, { case: CASE, version: 1 });
      const listed = new URL(request.url, 'http://viewer').searchParams.has('studyInstanceUID') ? [CASE] : [CASE, other];
      return json(200, { cases: listed.map(item => ({ case: item, version: 1, usage: 0, preparedByName: '王建华' })) });
    });
    expect((await api.createCase(INPUT as never, 'key-0123456789')).case.id).toBe('case-1');
    expect(sent[0]).toMatchObject({ url: '/api/cases', method: 'POST', body: INPUT });
    expect((await api.listCases({ studyInstanceUID: '1.2.3', retired: 'all' })).map(item => item.case.id)).toEqual(['case-1']);
    expect(sent[1]!.url).toBe('/api/cases?studyInstanceUID=1.2.3&retired=all');
    expect((await api.listCases({ modality: 'CT' })).map(item => item.case.id)).toEqual(['case-1', 'case-2']);
    expect(sent[2]!.url).toBe('/api/cases?modality=CT');
  });

  it("saves and deletes a case's reference annotation under the case", async () => {
    const { authorRole: _role, ...reference } = VIEW;
    const { api, sent } = client(request => (request.method === 'PUT' ? json(200, { ...reference, version: 1 }) : new Response(null, { status: 204 })));
    const { version: _version, uid: _uid, authorId: _author, updatedAt: _at, ...body } = reference;
    expect((await api.saveCaseAnnotation('case-1', 'a1b2c3', { ...body, version: 0 }, 'key-0123456789')).version).toBe(1);
    await api.deleteCaseAnnotation('case-1', 'a1b2c3', 1, 'key-abcdefgh');
    expect(sent.map(request => `${request.method} ${request.url}`)).toEqual(['PUT /api/cases/case-1/annotations/a1b2c3', 'DELETE /api/cases/case-1/annotations/a1b2c3?version=1']);
  });
});
