import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from '../../../src/records/routes/authRoutes';
import { storeStudyDirectory } from '../../../src/records/studies/storeStudyDirectory';
import { StudyDirectoryUnavailable } from '../../../src/records/studies/StudyDirectory';
import { CHEST_CT_SERIES, CHEST_CT_SOP, CHEST_CT_STUDY, caseInput, clinicalWork, cookieFrom, recordsWorld, WORLD_PASSWORD, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { testDatabases } from '../../support/postgres';

/**
 * What the records service promises about writes and sign-ins, on both databases: no lost or
 * clobbered writes (versions, 409 with the current state, idempotent retries), text kept verbatim,
 * and sign-ins that end when they should.
 */

const databases = testDatabases();
afterAll(() => databases.cleanup());

let addressCounter = 0;
/** Sign-in is rate limited per address; each sign-in of these tests comes from an address of its own unless a test says otherwise. */
const freshAddress = () => {
  addressCounter += 1;
  return `10.1.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};

/** Chinese, an emoji sequence, markup and quotes: all of it must come back exactly as sent. */
const TRICKY_TEXT = '右肺上叶磨玻璃结节，直径约 8 mm 😀👩‍⚕️ <script>alert("xss")</script> & \'引号\' “中文引号” <b>粗体</b> \u202e反转 Ω≈ç√';

const annotationBody = (version: number, text = '结节') => ({
  version,
  studyInstanceUID: CHEST_CT_STUDY,
  seriesInstanceUID: CHEST_CT_SERIES,
  sopInstanceUID: CHEST_CT_SOP,
  frameNumber: 3,
  annotation: { metadata: { toolName: 'ArrowAnnotate', referencedImageId: 'wadors:/x' }, data: { text, handles: { points: [[10.5, 20.25, 0]] } } },
});

/** The studies the PACS of these tests holds, looked up as the embedded archive is. */
const PACS_STUDIES = new Set([CHEST_CT_STUDY, '1.2.826.0.1.3680043.8.498.2']);
const PACS = storeStudyDirectory({ study: uid => (PACS_STUDIES.has(uid) ? {} : undefined) });

describe.each(['sqlite', 'postgres'] as const)('the records API on %s', kind => {
  let world: RecordsWorld;

  beforeAll(async () => {
    world = await recordsWorld(databases.locations[kind], { studies: PACS });
  });
  afterAll(() => world?.close());

  const send = (options: InjectOptions & { cookie?: string }) => {
    const { cookie, ...rest } = options;
    return world.app.inject({ ...rest, headers: { ...(cookie ? { cookie } : {}), ...(rest.headers as Record<string, string> | undefined) } });
  };
  const as = (person: PersonKey) => world.cookies[person];
  const sessionUrl = () => `/api/sessions/${world.sessionId}`;

  async function currentVersion(): Promise<number> {
    const response = await send({ method: 'GET', url: sessionUrl(), cookie: as('tutor') });
    expect(response.statusCode).toBe(200);
    return response.json().version;
  }
  const command = (person: PersonKey, version: number, body: unknown, headers: Record<string, string> = {}) =>
    send({ method: 'POST', url: `${sessionUrl()}/commands`, cookie: as(person), payload: { version, command: body }, headers });
  const events = async () => (await send({ method: 'GET', url: `${sessionUrl()}/events`, cookie: as('tutor') })).json().events as Array<{ event: { seq: number; type: string } }>;

  async function signIn(person: PersonKey, password = WORLD_PASSWORD, headers: Record<string, string> = {}) {
    return world.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: person, password }, remoteAddress: freshAddress(), headers });
  }
  async function signedInCookie(person: PersonKey, password = WORLD_PASSWORD) {
    const response = await signIn(person, password);
    expect(response.statusCode, response.body).toBe(200);
    return cookieFrom(response.headers['set-cookie']);
  }
  const check = async (cookie: string) => (await send({ method: 'GET', url: '/api/auth/check', cookie })).statusCode;

  describe('versions and conflicts', () => {
    it('refuses a second writer on the same stage with 409 and the current session, and keeps the first write', async () => {
      const read = await currentVersion();
      const first = await command('resident', read, { type: 'saveWork', stage: '4.1', work: clinicalWork('第一个标签页写的摘要') });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().version).toBe(read + 1);

      // The same resident in another tab, still on the version it read.
      const second = await command('resident', read, { type: 'saveWork', stage: '4.1', work: clinicalWork('第二个标签页写的摘要') });
      expect(second.statusCode).toBe(409);
      const conflict = second.json();
      expect(conflict.code).toBe('conflict');
      expect(conflict.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(conflict.current.version).toBe(read + 1);
      expect(conflict.current.session.stages['4.1'].work.summary).toBe('第一个标签页写的摘要');

      const stored = await world.repository.getSession('north', world.sessionId);
      expect(stored?.version).toBe(read + 1);
      expect(stored?.record.stages['4.1'].work).toEqual(clinicalWork('第一个标签页写的摘要'));
    });

    it('merges a resident autosave and a tutor notice sent on the same old version: both succeed, neither is lost', async () => {
      const read = await currentVersion();
      const before = (await events()).length;
      const save = await command('resident', read, { type: 'saveWork', stage: '4.1', work: clinicalWork('自动保存') });
      expect(save.statusCode, save.body).toBe(200);
      const notice = await command('tutor', read, { type: 'notifyResident' });
      expect(notice.statusCode, notice.body).toBe(200);
      expect(notice.json().version).toBe(read + 2);

      const merged = notice.json().session;
      expect(merged.stages['4.1'].work.summary).toBe('自动保存');
      expect(merged.schedule.residentNotifiedAt).toEqual(expect.any(String));
      expect((await events()).slice(before).map(({ event }) => event.type)).toEqual(['saveWork', 'notifyResident']);

      // The notice itself, sent again on the version before it, overlaps what it changed: 409.
      const again = await command('tutor', read, { type: 'notifyResident' });
      expect(again.statusCode).toBe(409);
      expect(again.json().current.version).toBe(read + 2);
    });

    it('says that a version from the future does not exist (400 naming version)', async () => {
      const read = await currentVersion();
      const response = await command('tutor', read + 5, { type: 'notifyResident' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'input.unknownVersion', field: 'version' });
    });

    it('versions annotations: create at 0, replace at the version seen, 409 with the current one otherwise, delete at the version seen', async () => {
      const url = `${sessionUrl()}/annotations/arrow-versions`;
      const created = await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(0, '第一版') });
      expect(created.statusCode, created.body).toBe(200);
      expect(created.json()).toMatchObject({ uid: 'arrow-versions', version: 1, authorId: world.ids.resident, authorRole: 'resident', frameNumber: 3 });

      const createdTwice = await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(0, '另一个第一版') });
      expect(createdTwice.statusCode).toBe(409);
      expect(createdTwice.json()).toMatchObject({ code: 'conflict', current: { version: 1, annotation: { data: { text: '第一版' } } } });

      const replaced = await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(1, '第二版') });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json().version).toBe(2);

      const stale = await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(1, '旧页面的修改') });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toMatchObject({ version: 2, annotation: { data: { text: '第二版' } } });

      // The tutor cannot change the resident's drawing, whatever version they send.
      const tutors = await send({ method: 'PUT', url, cookie: as('tutor'), payload: annotationBody(2, '老师改的') });
      expect(tutors.statusCode).toBe(403);
      expect(tutors.json().code).toBe('access.notYourAnnotation');

      const staleDelete = await send({ method: 'DELETE', url: `${url}?version=1`, cookie: as('resident') });
      expect(staleDelete.statusCode).toBe(409);
      expect(staleDelete.json().current).toMatchObject({ version: 2 });

      const deleted = await send({ method: 'DELETE', url: `${url}?version=2`, cookie: as('resident') });
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe('');
      const listed = (await send({ method: 'GET', url: `${sessionUrl()}/annotations`, cookie: as('tutor') })).json().annotations as Array<{ uid: string }>;
      expect(listed.map(annotation => annotation.uid)).not.toContain('arrow-versions');

      expect((await send({ method: 'DELETE', url: `${url}?version=2`, cookie: as('resident') })).statusCode).toBe(404);
      const afterDelete = await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(2, '删除后') });
      expect(afterDelete.statusCode).toBe(409);
      expect(afterDelete.json().current).toBeNull();
      expect((await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(0, '重新画') })).json().version).toBe(1);
    });

    it('refuses a stale case or account edit with 409', async () => {
      const current = (await world.repository.getCase('north', world.caseId))!;
      const edited = await send({ method: 'PUT', url: `/api/cases/${world.caseId}`, cookie: as('tutor'), payload: { version: current.version, case: caseInput('改过的标题') } });
      expect(edited.statusCode, edited.body).toBe(200);
      const stale = await send({ method: 'PUT', url: `/api/cases/${world.caseId}`, cookie: as('admin'), payload: { version: current.version, case: caseInput('另一个人改的标题') } });
      expect(stale.statusCode).toBe(409);
      expect((await world.repository.getCase('north', world.caseId))!.record.title).toBe('改过的标题');

      const account = (await world.repository.getAccount('north', world.ids.otherTutor))!;
      expect((await send({ method: 'PATCH', url: `/api/people/${account.id}`, cookie: as('admin'), payload: { version: account.version, name: '孙丽华（副主任）' } })).statusCode).toBe(200);
      const staleAccount = await send({ method: 'PATCH', url: `/api/people/${account.id}`, cookie: as('admin'), payload: { version: account.version, name: '别的名字' } });
      expect(staleAccount.statusCode).toBe(409);
      expect((await world.repository.getAccount('north', account.id))!.name).toBe('孙丽华（副主任）');
    });
  });

  describe('idempotent retries', () => {
    it('answers a retried command with the first answer and records it once', async () => {
      const read = await currentVersion();
      const before = (await events()).length;
      const key = `autosave-${kind}-0001`;
      const body = { type: 'saveWork', stage: '4.1', work: clinicalWork('只保存一次') };
      const first = await command('resident', read, body, { 'idempotency-key': key });
      expect(first.statusCode, first.body).toBe(200);
      const retry = await command('resident', read, body, { 'idempotency-key': key });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      expect(retry.json()).toMatchObject({ version: read + 1, session: { id: world.sessionId }, event: { seq: read + 1, type: 'saveWork' } });

      expect((await events()).length).toBe(before + 1);
      expect(await currentVersion()).toBe(read + 1);
    });

    it('applies two copies of a retry sent at once only once', async () => {
      const read = await currentVersion();
      const before = (await events()).length;
      const key = `autosave-${kind}-concurrent`;
      const body = { type: 'saveWork', stage: '4.1', work: clinicalWork('同时发出的两次重试') };
      const [one, two] = await Promise.all([command('resident', read, body, { 'idempotency-key': key }), command('resident', read, body, { 'idempotency-key': key })]);
      expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
      expect(two.json()).toEqual(one.json());
      expect((await events()).length).toBe(before + 1);
    });

    it("keeps each person's keys apart: the same key from someone else is a write of its own", async () => {
      const read = await currentVersion();
      const key = `shared-key-${kind}`;
      expect((await command('resident', read, { type: 'saveWork', stage: '4.1', work: clinicalWork('住院医师') }, { 'idempotency-key': key })).statusCode).toBe(200);
      const tutors = await command('tutor', read + 1, { type: 'notifyResident' }, { 'idempotency-key': key });
      expect(tutors.statusCode).toBe(200);
      expect(tutors.json().event.type).toBe('notifyResident');
      expect(await currentVersion()).toBe(read + 2);
    });

    it('answers a retried annotation save with the first answer, at version 1, not 2', async () => {
      const url = `${sessionUrl()}/annotations/arrow-idempotent`;
      const headers = { 'idempotency-key': `annotation-${kind}-0001` };
      const first = await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(0), headers });
      expect(first.statusCode, first.body).toBe(200);
      const retry = await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(0), headers });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      expect((await world.repository.getAnnotation('north', world.sessionId, 'arrow-idempotent'))?.version).toBe(1);

      const deleteHeaders = { 'idempotency-key': `annotation-${kind}-0002` };
      expect((await send({ method: 'DELETE', url: `${url}?version=1`, cookie: as('resident'), headers: deleteHeaders })).statusCode).toBe(204);
      expect((await send({ method: 'DELETE', url: `${url}?version=1`, cookie: as('resident'), headers: deleteHeaders })).statusCode).toBe(204);
      expect(await world.repository.getAnnotation('north', world.sessionId, 'arrow-idempotent')).toBeUndefined();
    });

    it('does not let a deletion\'s key answer a save, or a save\'s key a deletion (this was a 500)', async () => {
      const url = `${sessionUrl()}/annotations/arrow-reused-key`;
      const headers = { 'idempotency-key': `reused-${kind}-0001` };
      expect((await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(0) })).statusCode).toBe(200);
      expect((await send({ method: 'DELETE', url: `${url}?version=1`, cookie: as('resident'), headers })).statusCode).toBe(204);
      const saved = await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(0, '再画一次'), headers });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ version: 1, annotation: { data: { text: '再画一次' } } });
      // And the other way round: a save's key does not pretend to delete.
      const saveKey = { 'idempotency-key': `reused-${kind}-0002` };
      expect((await send({ method: 'PUT', url, cookie: as('resident'), payload: annotationBody(1, '第二版'), headers: saveKey })).json().version).toBe(2);
      expect((await send({ method: 'DELETE', url: `${url}?version=2`, cookie: as('resident'), headers: saveKey })).statusCode).toBe(204);
      expect(await world.repository.getAnnotation('north', world.sessionId, 'arrow-reused-key')).toBeUndefined();
    });
  });

  describe('text kept verbatim, never as HTML', () => {
    it('stores Chinese, emoji and markup in work, annotations, cases and names exactly as sent, answering JSON', async () => {
      const read = await currentVersion();
      const report = { examination: TRICKY_TEXT, clinicalInformation: '', technique: '', findings: TRICKY_TEXT, impression: '考虑炎性结节可能', recommendations: '' };
      const saved = await command('resident', read, { type: 'saveWork', stage: '4.5', work: report });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(saved.json().session.stages['4.5'].work).toEqual(report);
      // Markup inside JSON strings is left alone (a JSON answer is never read as a page).
      expect(saved.body).toContain('<script>alert(\\"xss\\")</script>');
      const readBack = await send({ method: 'GET', url: sessionUrl(), cookie: as('resident') });
      expect(readBack.headers['content-type']).toMatch(/^application\/json/);
      expect(readBack.json().session.stages['4.5'].work.findings).toBe(TRICKY_TEXT);
      expect((await world.repository.getSession('north', world.sessionId))!.record.stages['4.5'].work.findings).toBe(TRICKY_TEXT);
      const history = await send({ method: 'GET', url: `${sessionUrl()}/events`, cookie: as('resident') });
      expect(history.json().events.at(-1).command.work.findings).toBe(TRICKY_TEXT);

      const drawn = await send({ method: 'PUT', url: `${sessionUrl()}/annotations/arrow-text`, cookie: as('resident'), payload: annotationBody(0, TRICKY_TEXT) });
      expect(drawn.statusCode).toBe(200);
      expect(drawn.headers['content-type']).toMatch(/^application\/json/);
      const listed = (await send({ method: 'GET', url: `${sessionUrl()}/annotations`, cookie: as('tutor') })).json().annotations as Array<{ uid: string; annotation: { data: { text: string } } }>;
      expect(listed.find(annotation => annotation.uid === 'arrow-text')?.annotation.data.text).toBe(TRICKY_TEXT);

      const createdCase = await send({ method: 'POST', url: '/api/cases', cookie: as('tutor'), payload: { ...caseInput(TRICKY_TEXT), objectives: [TRICKY_TEXT] } });
      expect(createdCase.statusCode, createdCase.body).toBe(201);
      const caseId = createdCase.json().case.id;
      const caseBack = (await send({ method: 'GET', url: `/api/cases/${caseId}`, cookie: as('admin') })).json().case;
      expect(caseBack).toMatchObject({ title: TRICKY_TEXT, objectives: [TRICKY_TEXT] });
      // The library's text search finds it by the markup and emoji it holds, taken as text.
      expect((await send({ method: 'GET', url: `/api/cases?q=${encodeURIComponent('<script>alert("xss")</script> & \'引号')}`, cookie: as('admin') })).json().cases.map((entry: { case: { id: string } }) => entry.case.id)).toEqual([caseId]);
      expect((await send({ method: 'GET', url: `/api/cases?q=${encodeURIComponent('😀👩‍⚕️')}`, cookie: as('admin') })).json().cases.map((entry: { case: { id: string } }) => entry.case.id)).toEqual([caseId]);

      const person = await send({ method: 'POST', url: '/api/people', cookie: as('admin'), payload: { role: 'tutor', username: `verbatim.${kind}`, name: '欧阳<b>娜娜</b> 😀', password: 'a long enough password' } });
      expect(person.statusCode, person.body).toBe(201);
      expect((await send({ method: 'GET', url: `/api/people/${person.json().id}`, cookie: as('tutor') })).json().name).toBe('欧阳<b>娜娜</b> 😀');
    });

    it('escapes what the sign-in page shows back', async () => {
      const page = await world.app.inject({ method: 'GET', url: `/api/auth/sign-in?returnTo=${encodeURIComponent('/teaching?x="><script>alert(1)</script>')}` });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).not.toContain('<script>alert(1)</script>');
      expect(page.body).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');

      const refused = await world.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ username: '<img src=x onerror=alert(1)>', password: 'wrong', returnTo: '/teaching' }).toString(),
        remoteAddress: freshAddress(),
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.body).not.toContain('<img src=x');
      expect(refused.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(refused.body).toContain('用户名或密码不正确');
    });
  });

  describe('unknown ids', () => {
    it('answers 404, never 500, for ids that do not exist', async () => {
      const requests: Array<[PersonKey, InjectOptions]> = [
        ['tutor', { method: 'GET', url: '/api/sessions/no-such-session' }],
        ['tutor', { method: 'GET', url: '/api/sessions/no-such-session/events' }],
        ['tutor', { method: 'GET', url: '/api/sessions/no-such-session/annotations' }],
        ['tutor', { method: 'POST', url: '/api/sessions/no-such-session/commands', payload: { version: 1, command: { type: 'notifyResident' } } }],
        ['resident', { method: 'PUT', url: '/api/sessions/no-such-session/annotations/a1', payload: annotationBody(0) }],
        ['resident', { method: 'DELETE', url: `${sessionUrl()}/annotations/no-such-annotation?version=1` }],
        ['tutor', { method: 'GET', url: '/api/cases/no-such-case' }],
        ['tutor', { method: 'PUT', url: '/api/cases/no-such-case', payload: { version: 1, case: caseInput() } }],
        ['admin', { method: 'GET', url: '/api/people/no-such-person' }],
        ['admin', { method: 'PATCH', url: '/api/people/no-such-person', payload: { version: 1, name: '无' } }],
        ['admin', { method: 'POST', url: '/api/people/no-such-person/password', payload: { password: 'a long enough password' } }],
        ['admin', { method: 'GET', url: '/api/residents/no-such-person/progress?from=2026-01-01&to=2026-12-31' }],
        ['admin', { method: 'POST', url: '/api/sessions', payload: { caseId: 'no-such-case', residentId: world.ids.resident, tutorId: world.ids.tutor, plannedAt: '2026-12-09T01:00:00.000Z', place: '阅片室' } }],
        ['admin', { method: 'GET', url: '/api/no-such-operation' }],
      ];
      for (const [person, request] of requests) {
        const response = await send({ ...request, cookie: as(person) });
        expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBe(404);
        expect(response.json()).toMatchObject({ code: 'notFound', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      }
    });
  });

  describe('cases refused with every problem named', () => {
    const english = { 'x-teaching-language': 'en' };
    const problemsOf = (response: { json(): unknown }) => (response.json() as { problems: Array<{ code: string; field: string; messages: { zh: string; en: string } }> }).problems;
    const categories = async () => (await send({ method: 'GET', url: '/api/categories', cookie: as('tutor') })).json() as { categories: Array<{ id: string; retired: boolean; name: { zh: string; en: string } }>; version: number };

    it('names a missing objective, an unknown category and a study the PACS lacks at once, in both languages', async () => {
      const before = (await world.repository.listCases('north', { retired: 'all' })).length;
      const response = await send({
        method: 'POST',
        url: '/api/cases',
        cookie: as('tutor'),
        payload: { ...caseInput(), objectives: [], category: 'no-such-category', studyInstanceUIDs: [CHEST_CT_STUDY, '1.2.999.1'] },
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ code: 'input.invalidCase', field: 'objectives' });
      expect(problemsOf(response).map(problem => [problem.code, problem.field])).toEqual([
        ['case.noObjectives', 'objectives'],
        ['case.unknownCategory', 'category'],
        ['case.studyNotInPacs', 'studyInstanceUIDs.1'],
      ]);
      expect(body.message).toBe(body.messages.zh);
      expect(body.messages.zh).toContain('教学目标');
      expect(body.messages.zh).toContain('no-such-category');
      expect(body.messages.zh).toContain('PACS 中没有检查 1.2.999.1');
      expect(body.messages.en).toContain('at least one teaching objective');
      expect(body.messages.en).toContain('The PACS has no study 1.2.999.1');
      expect((await send({ method: 'POST', url: '/api/cases', cookie: as('tutor'), headers: english, payload: { ...caseInput(), objectives: [] } })).json().message).toBe(
        'A case needs at least one teaching objective',
      );
      expect((await world.repository.listCases('north', { retired: 'all' })).length).toBe(before);
    });

    it('names the problems of an edit under case., and does not ask the PACS again for the studies the case had', async () => {
      const current = (await world.repository.getCase('north', world.caseId))!;
      const refused = await send({ method: 'PUT', url: `/api/cases/${world.caseId}`, cookie: as('tutor'), payload: { version: current.version, case: { ...caseInput(), objectives: [], studyInstanceUIDs: [CHEST_CT_STUDY, '1.2.999.2'] } } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().field).toBe('case.objectives');
      expect(problemsOf(refused).map(problem => problem.field)).toEqual(['case.objectives', 'case.studyInstanceUIDs.1']);
      expect((await world.repository.getCase('north', world.caseId))!.version).toBe(current.version);

      PACS_STUDIES.delete(CHEST_CT_STUDY);
      try {
        const edited = await send({ method: 'PUT', url: `/api/cases/${world.caseId}`, cookie: as('tutor'), payload: { version: current.version, case: caseInput('改了标题，检查已不在 PACS') } });
        expect(edited.statusCode, edited.body).toBe(200);
        const created = await send({ method: 'POST', url: '/api/cases', cookie: as('tutor'), payload: caseInput() });
        expect(created.statusCode).toBe(400);
        expect(problemsOf(created).map(problem => problem.code)).toEqual(['case.studyNotInPacs']);
      } finally {
        PACS_STUDIES.add(CHEST_CT_STUDY);
      }
    });

    it('answers 503 naming the PACS when it cannot be asked, and stores nothing', async () => {
      const before = (await world.repository.listCases('north', { retired: 'all' })).length;
      const studies = world.deps.studies;
      world.deps.studies = { missingStudies: async () => Promise.reject(new StudyDirectoryUnavailable('http://pacs.example/dicom-web: HTTP 502')) };
      try {
        const response = await send({ method: 'POST', url: '/api/cases', cookie: as('tutor'), payload: caseInput() });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toMatchObject({ code: 'pacs.unavailable', messages: { zh: expect.stringContaining('PACS'), en: expect.stringContaining('http://pacs.example/dicom-web: HTTP 502') } });
      } finally {
        world.deps.studies = studies;
      }
      expect((await world.repository.listCases('north', { retired: 'all' })).length).toBe(before);
    });

    it('refuses new cases in a retired category, while a case filed there keeps it through edits', async () => {
      const filed = await send({ method: 'POST', url: '/api/cases', cookie: as('tutor'), payload: { ...caseInput('乳腺肿块'), category: 'breast' } });
      expect(filed.statusCode, filed.body).toBe(201);
      const list = await categories();
      const retired = await send({
        method: 'PUT',
        url: '/api/categories',
        cookie: as('admin'),
        payload: { version: list.version, categories: list.categories.map(category => (category.id === 'breast' ? { ...category, retired: true } : category)) },
      });
      expect(retired.statusCode, retired.body).toBe(200);

      const refused = await send({ method: 'POST', url: '/api/cases', cookie: as('tutor'), headers: english, payload: { ...caseInput(), category: 'breast' } });
      expect(refused.statusCode).toBe(400);
      expect(problemsOf(refused)).toEqual([{ code: 'case.retiredCategory', field: 'category', messages: { zh: '病种分类“乳腺”已停用，不能再归入新的病例', en: 'The category "Breast" is retired; no more cases can be filed under it' } }]);

      const kept = await send({ method: 'PUT', url: `/api/cases/${filed.json().case.id}`, cookie: as('tutor'), payload: { version: 1, case: { ...caseInput('乳腺肿块（改）'), category: 'breast' } } });
      expect(kept.statusCode, kept.body).toBe(200);
      const other = (await world.repository.getCase('north', world.caseId))!;
      const moved = await send({ method: 'PUT', url: `/api/cases/${world.caseId}`, cookie: as('tutor'), payload: { version: other.version, case: { ...caseInput(), category: 'breast' } } });
      expect(moved.statusCode).toBe(400);
      expect(problemsOf(moved).map(problem => [problem.code, problem.field])).toEqual([['case.retiredCategory', 'case.category']]);
    });

    it('keeps the category list whole: no removing a category in use, no stale version, no id twice', async () => {
      const list = await categories();
      const withoutRespiratory = list.categories.filter(category => category.id !== 'respiratory');
      const removed = await send({ method: 'PUT', url: '/api/categories', cookie: as('admin'), payload: { version: list.version, categories: withoutRespiratory } });
      expect(removed.statusCode).toBe(422);
      expect(removed.json()).toMatchObject({ code: 'categories.inUse', field: 'categories', messages: { zh: expect.stringContaining('respiratory'), en: expect.stringContaining('retire them instead') } });

      const renamed = list.categories.map(category => (category.id === 'respiratory' ? { ...category, name: { zh: '胸部', en: 'Chest' } } : category));
      const first = await send({ method: 'PUT', url: '/api/categories', cookie: as('admin'), payload: { version: list.version, categories: renamed } });
      expect(first.statusCode, first.body).toBe(200);
      const stale = await send({ method: 'PUT', url: '/api/categories', cookie: as('admin'), payload: { version: list.version, categories: list.categories } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toEqual(first.json());

      const twice = await send({ method: 'PUT', url: '/api/categories', cookie: as('admin'), payload: { version: first.json().version, categories: [...renamed, renamed[0]] } });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().field).toBe(`categories.${renamed.length}.id`);
      const unnamed = await send({ method: 'PUT', url: '/api/categories', cookie: as('admin'), payload: { version: first.json().version, categories: [{ id: '急诊', name: { zh: '急诊', en: '' }, retired: false }] } });
      expect(unnamed.statusCode).toBe(400);
      expect(unnamed.json().field).toBe('categories.0.id');
    });

    it("refuses a reference annotation on a study that is not the case's, and text the databases cannot search", async () => {
      const response = await send({ method: 'PUT', url: `/api/cases/${world.caseId}/annotations/ref-elsewhere`, cookie: as('tutor'), payload: { ...annotationBody(0), studyInstanceUID: '1.2.826.0.1.3680043.8.498.2' } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'input.notCaseStudy', field: 'studyInstanceUID' });
      expect(await world.repository.getCaseAnnotation('north', world.caseId, 'ref-elsewhere')).toBeUndefined();
      const nul = await send({ method: 'GET', url: '/api/cases?q=a%00b', cookie: as('tutor') });
      expect(nul.statusCode).toBe(400);
      expect(nul.json().field).toBe('q');
      expect((await send({ method: 'GET', url: '/api/cases?retired=maybe', cookie: as('tutor') })).json().field).toBe('retired');
    });
  });

  describe('the cases read on a study', () => {
    const FOLLOW_UP_STUDY = '1.2.826.0.1.3680043.8.498.2';
    const onStudy = async (person: PersonKey, study: string) => {
      const response = await send({ method: 'GET', url: `/api/cases?studyInstanceUID=${study}`, cookie: as(person) });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { cases: Array<{ case: { id: string; studyInstanceUIDs: string[] } }> }).cases;
    };

    it('lists the cases whose current study it is, not those that show it as a prior; a resident only those of their sessions', async () => {
      const created = await send({ method: 'POST', url: '/api/cases', cookie: as('tutor'), payload: { ...caseInput('右肺结节随访'), studyInstanceUIDs: [FOLLOW_UP_STUDY, CHEST_CT_STUDY] } });
      expect(created.statusCode, created.body).toBe(201);
      const followUp = created.json().case.id as string;

      expect((await onStudy('tutor', FOLLOW_UP_STUDY)).map(item => item.case.id)).toEqual([followUp]);
      const onChestCt = await onStudy('tutor', CHEST_CT_STUDY);
      expect(onChestCt.map(item => item.case.id)).toContain(world.caseId);
      expect(onChestCt.map(item => item.case.id)).not.toContain(followUp);
      expect(onChestCt.every(item => item.case.studyInstanceUIDs[0] === CHEST_CT_STUDY)).toBe(true);
      // With the library's other filters; a resident's own cases only; nothing of another department.
      expect((await send({ method: 'GET', url: `/api/cases?studyInstanceUID=${FOLLOW_UP_STUDY}&modality=MR`, cookie: as('tutor') })).json().cases).toEqual([]);
      expect((await onStudy('resident', CHEST_CT_STUDY)).map(item => item.case.id)).toEqual([world.caseId]);
      expect(await onStudy('resident', FOLLOW_UP_STUDY)).toEqual([]);
      expect(await onStudy('outsider', CHEST_CT_STUDY)).toEqual([]);
    });

    it('refuses a study that is not a DICOM UID, naming the parameter, for cases and for sessions', async () => {
      for (const resource of ['cases', 'sessions']) {
        for (const study of ['1.2.abc', '1..2', encodeURIComponent('1.2\u0000'), encodeURIComponent('\u0000'), '1'.repeat(65)]) {
          const response = await send({ method: 'GET', url: `/api/${resource}?studyInstanceUID=${study}`, cookie: as('resident'), headers: { 'x-teaching-language': 'en' } });
          expect(response.statusCode, `${resource} ${study}`).toBe(400);
          expect(response.json(), `${resource} ${study}`).toMatchObject({ code: 'input.invalid', field: 'studyInstanceUID' });
        }
      }
    });
  });

  describe('text that no database stores', () => {
    it('refuses a NUL character in a text search, naming the parameter, on the library and on the worklist page', async () => {
      for (const url of ['/api/cases?q=%00', '/api/worklist?q=a%00b']) {
        const response = await send({ method: 'GET', url, cookie: as('tutor'), headers: { 'x-teaching-language': 'en' } });
        expect(response.statusCode, url).toBe(400);
        expect(response.json(), url).toMatchObject({ code: 'input.invalid', field: 'q' });
      }
    });
  });

  describe('requests refused before any route is chosen', () => {
    it('answers a malformed URL in both languages', async () => {
      const response = await send({ method: 'GET', url: '/api/sessions/%E0%A4%A', cookie: as('tutor') });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'input.invalidUrl', messages: { zh: '请求地址无效', en: 'The request URL is not valid' } });
    });

    it('takes annotation UIDs as long as the schema allows, and refuses longer ids by name', async () => {
      const longest = 'a'.repeat(128);
      const saved = await send({ method: 'PUT', url: `${sessionUrl()}/annotations/${longest}`, cookie: as('resident'), payload: annotationBody(0) });
      expect(saved.statusCode, saved.body).toBe(200);
      const tooLong = await send({ method: 'GET', url: `/api/sessions/${'b'.repeat(201)}`, cookie: as('tutor') });
      expect(tooLong.statusCode).toBe(414);
      expect(tooLong.json().messages.zh).toBe('请求地址中的标识过长');
    });
  });

  describe('signing in and out', () => {
    it('ends a deactivated person’s sign-in at once, and lets them back in when reactivated', async () => {
      const cookie = as('otherResident');
      expect(await check(cookie)).toBe(204);
      const account = (await world.repository.getAccount('north', world.ids.otherResident))!;
      const deactivated = await send({ method: 'PATCH', url: `/api/people/${account.id}`, cookie: as('admin'), payload: { version: account.version, active: false } });
      expect(deactivated.statusCode, deactivated.body).toBe(200);
      expect(deactivated.json().active).toBe(false);

      const next = await send({ method: 'GET', url: '/api/auth/me', cookie });
      expect(next.statusCode).toBe(401);
      expect(next.json().code).toBe('auth.signInRequired');
      const again = await signIn('otherResident');
      expect(again.statusCode).toBe(403);
      expect(again.json().code).toBe('auth.deactivated');

      const reactivated = await send({ method: 'PATCH', url: `/api/people/${account.id}`, cookie: as('admin'), payload: { version: deactivated.json().version, active: true } });
      expect(reactivated.statusCode).toBe(200);
      expect(await check(await signedInCookie('otherResident'))).toBe(204);
      // The old cookie stays dead.
      expect(await check(cookie)).toBe(401);
    });

    it('ends the other sign-ins of a person who changes their password', async () => {
      const here = await signedInCookie('otherTutor');
      const elsewhere = await signedInCookie('otherTutor');
      const wrong = await send({ method: 'POST', url: '/api/auth/password', cookie: here, payload: { currentPassword: 'not it at all', newPassword: 'a brand new password' } });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({ code: 'auth.wrongPassword', field: 'currentPassword' });
      expect(await check(elsewhere)).toBe(204);

      const changed = await send({ method: 'POST', url: '/api/auth/password', cookie: here, payload: { currentPassword: WORLD_PASSWORD, newPassword: 'a brand new password' } });
      expect(changed.statusCode, changed.body).toBe(204);
      const renewed = cookieFrom(changed.headers['set-cookie']);
      expect(await check(elsewhere)).toBe(401);
      expect(await check(as('otherTutor'))).toBe(401);
      expect(await check(renewed)).toBe(204);
      expect((await signIn('otherTutor')).statusCode).toBe(401);
      expect((await signIn('otherTutor', 'a brand new password')).statusCode).toBe(200);
    });

    it('locks an account after 5 wrong passwords, even against the right one afterwards', async () => {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const response = await signIn('outsiderResident', `wrong password ${attempt}`);
        expect(response.statusCode, `attempt ${attempt}`).toBe(401);
        expect(response.json().code).toBe('auth.wrongCredentials');
      }
      const locked = await signIn('outsiderResident');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'auth.locked', message: expect.stringContaining('锁定') });
      expect(locked.headers['set-cookie']).toBeUndefined();
      const english = await signIn('outsiderResident', WORLD_PASSWORD, { 'accept-language': 'en' });
      expect(english.statusCode).toBe(429);
      expect(english.json().message).toMatch(/locked for 15 more minute/);
    });

    it('limits sign-in attempts from one address, whatever the usernames tried', async () => {
      const address = freshAddress();
      const attempt = (index: number) =>
        // Incomplete forms, so the test does not wait for 60 password hashes: they count all the same.
        world.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: `nobody-${index}`, password: '' }, remoteAddress: address });
      const guesses = await Promise.all(Array.from({ length: SIGN_IN_ATTEMPTS_PER_MINUTE }, (_, index) => attempt(index)));
      expect(guesses.map(guess => guess.statusCode)).toEqual(guesses.map(() => 400));
      const limited = await attempt(SIGN_IN_ATTEMPTS_PER_MINUTE + 1);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'auth.tooManyAttempts', messages: { zh: '尝试次数过多，请稍后再试' } });
      // Another address, e.g. the next workstation, is not held up by it.
      expect((await signIn('tutor')).statusCode).toBe(200);
    });

    it('ends this sign-in at once on sign-out, and only this one', async () => {
      const leaving = await signedInCookie('tutor');
      const staying = await signedInCookie('tutor');
      const signedOut = await send({ method: 'POST', url: '/api/auth/sign-out', cookie: leaving });
      expect(signedOut.statusCode).toBe(204);
      expect(String(signedOut.headers['set-cookie'])).toMatch(/^ohif_teaching_session=;/);
      expect((await send({ method: 'GET', url: '/api/auth/me', cookie: leaving })).statusCode).toBe(401);
      expect(await check(leaving)).toBe(401);
      expect(await check(staying)).toBe(204);
      expect((await send({ method: 'POST', url: '/api/auth/sign-out', cookie: leaving })).statusCode).toBe(401);
    });

    it('answers the sign-in form with 303 to the page asked for, never to another site', async () => {
      const form = (returnTo: string, password = WORLD_PASSWORD) =>
        world.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ username: 'admin', password, returnTo }).toString(),
          remoteAddress: freshAddress(),
        });

      const home = `/teaching?StudyInstanceUIDs=${CHEST_CT_STUDY}`;
      const followed = await form(home);
      expect(followed.statusCode).toBe(303);
      expect(followed.headers.location).toBe(home);
      expect(await check(cookieFrom(followed.headers['set-cookie']))).toBe(204);

      // The administrator's own landing page instead of anything external.
      for (const external of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', ' //evil.example']) {
        const response = await form(external);
        expect(response.statusCode, external).toBe(303);
        expect(response.headers.location, external).toBe('/api/worklist');
      }

      const wrong = await form(home, 'not the password');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['content-type']).toMatch(/^text\/html/);
      expect(wrong.headers['set-cookie']).toBeUndefined();
      expect(wrong.body).toContain(`name="returnTo" value="${home}"`);
      const wrongExternal = await form('https://evil.example/', 'not the password');
      expect(wrongExternal.body).toContain('name="returnTo" value=""');
      expect(wrongExternal.body).not.toContain('evil.example');

      const json = await world.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: WORLD_PASSWORD, returnTo: '//evil.example/' }, remoteAddress: freshAddress() });
      expect(json.statusCode).toBe(200);
      expect(json.json().returnTo).toBe('/api/worklist');
    });
  });
});
