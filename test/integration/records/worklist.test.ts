import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_STUDY, caseInput, clinicalWork, cookieFrom, recordsWorld, WORLD_PASSWORD, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { testDatabases } from '../../support/postgres';

const databases = testDatabases();
afterAll(() => databases.cleanup());

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>"病例\'';
const ANSWER = '周围型肺癌（参考诊断）';

let addresses = 0;
const address = () => `10.9.${(++addresses >> 8) & 255}.${addresses & 255}`;

describe.each(['sqlite', 'postgres'] as const)('the teaching worklist on %s', kind => {
  let world: RecordsWorld;
  let hostileCaseId: string;
  let otherSessionId: string;
  let residentCookie: string;

  const page = async (cookie: string | undefined, query = '') => {
    const response = await world.app.inject({ method: 'GET', url: `/api/worklist${query}`, headers: { ...(cookie ? { cookie } : {}), accept: 'text/html' } });
    return response;
  };
  const body = async (person: PersonKey, query = '') => {
    const response = await page(person === 'resident' ? residentCookie : world.cookies[person], query);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.body;
  };
  const signInForm = (username: string, returnTo = '') =>
    world.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ username, password: WORLD_PASSWORD, returnTo }).toString(),
      remoteAddress: address(),
    });
  const command = async (person: PersonKey, sessionId: string, payload: unknown) => {
    const current = (await world.repository.getSession('north', sessionId))!;
    const response = await world.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/commands`, headers: { cookie: world.cookies[person] }, payload: { version: current.version, command: payload } });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    world = await recordsWorld(databases.locations[kind]);
    // The world's case gets a reference answer a resident must never be shown before sign-off.
    const current = (await world.repository.getCase('north', world.caseId))!;
    const referenceAnswer = { findings: [], diagnosis: ANSWER, report: { examination: '胸部 CT', clinicalInformation: '', technique: '', findings: '右肺上叶结节', impression: ANSWER, recommendations: '' } };
    const updated = await world.app.inject({ method: 'PUT', url: `/api/cases/${world.caseId}`, headers: { cookie: world.cookies.tutor }, payload: { version: current.version, case: { ...caseInput(), referenceAnswer } } });
    expect(updated.statusCode, updated.body).toBe(200);

    const hostile = await world.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: world.cookies.otherTutor }, payload: caseInput(HOSTILE_TITLE) });
    expect(hostile.statusCode, hostile.body).toBe(201);
    hostileCaseId = hostile.json().case.id;
    const other = await world.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { cookie: world.cookies.otherTutor },
      payload: { caseId: hostileCaseId, residentId: world.ids.otherResident, plannedAt: '2026-12-03T06:00:00.000Z', place: '阅片室 9' },
    });
    expect(other.statusCode, other.body).toBe(201);
    otherSessionId = other.json().session.id;

    // The resident signs in again after the world's session was scheduled: it is new to them.
    const signedIn = await signInForm('resident');
    expect(signedIn.statusCode).toBe(303);
    residentCookie = cookieFrom(signedIn.headers['set-cookie']);
  });
  afterAll(() => world?.close());

  it('sends a browser that is not signed in to the sign-in page and back; anything else gets 401', async () => {
    const browser = await page(undefined, '?lang=en');
    expect(browser.statusCode).toBe(302);
    expect(browser.headers.location).toBe(`/api/auth/sign-in?returnTo=${encodeURIComponent('/api/worklist?lang=en')}`);
    const program = await world.app.inject({ method: 'GET', url: '/api/worklist' });
    expect(program.statusCode).toBe(401);
    expect(program.json().code).toBe('auth.signInRequired');
  });

  it('is where people land after signing in with no page in mind, unless a session of theirs is under way', async () => {
    for (const username of ['admin', 'tutor', 'otherResident']) {
      const response = await signInForm(username);
      expect(response.statusCode, username).toBe(303);
      expect(response.headers.location, username).toBe('/api/worklist');
    }
    expect((await signInForm('tutor', '/teaching?StudyInstanceUIDs=1.2.3')).headers.location).toBe('/teaching?StudyInstanceUIDs=1.2.3');
  });

  it("shows a resident their own sessions, the new one marked, with the tutor, time and place, and never another's or the answer", async () => {
    const html = await body('resident');
    expect(html).toContain('<html lang="zh-CN" data-role="resident">');
    const upcoming = html.slice(html.indexOf('id="worklist-upcoming"'), html.indexOf('id="worklist-in-progress"'));
    expect(upcoming).toContain(`data-session-id="${world.sessionId}"`);
    expect(upcoming).toContain('右肺上叶结节');
    expect(upcoming).toContain('阅片室 2');
    expect(upcoming).toContain('王建国');
    expect(upcoming).toContain('2026-12-02 09:00');
    expect(upcoming).toContain('data-testid="worklist-new"');
    expect(upcoming).toContain(`href="/teaching?StudyInstanceUIDs=${CHEST_CT_STUDY}"`);
    expect(html).not.toContain(otherSessionId);
    expect(html).not.toContain('阅片室 9');
    expect(html).not.toContain(ANSWER);
    expect(html).not.toContain('id="worklist-cases"');
    expect(html).not.toContain('id="schedule-resident"');
    // Signing in once more, the session is no longer new.
    const again = cookieFrom((await signInForm('resident')).headers['set-cookie']);
    expect((await page(again)).body).not.toContain('data-testid="worklist-new"');
    residentCookie = again;
  });

  it('escapes what people typed: a hostile case title is text on every page that shows it', async () => {
    for (const person of ['otherResident', 'otherTutor', 'admin'] as const) {
      const html = await body(person);
      expect(html, person).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;病例&#39;');
      expect(html, person).not.toContain('<img src=x');
    }
  });

  it("shows a tutor what waits for them, their residents and the scheduling form, and none of another tutor's sessions", async () => {
    await command('tutor', world.sessionId, { type: 'startClock' });
    await command('resident', world.sessionId, { type: 'saveWork', stage: '4.1', work: clinicalWork('咳嗽两周') });
    await command('resident', world.sessionId, { type: 'submitStage', stage: '4.1' });

    const html = await body('tutor');
    const waiting = html.slice(html.indexOf('id="worklist-waiting"'), html.indexOf('id="worklist-upcoming"'));
    expect(waiting).toContain(`data-session-id="${world.sessionId}"`);
    expect(waiting).toContain('环节 4.1 待评分');
    expect(waiting).toContain('李明');
    const residents = html.slice(html.indexOf('id="worklist-residents"'), html.indexOf('id="worklist-cases"'));
    expect(residents).toContain(`data-resident-id="${world.ids.resident}"`);
    expect(residents).toContain(`nextFor=${world.ids.resident}`);
    expect(residents).not.toContain(world.ids.otherResident);
    expect(html).not.toContain(otherSessionId);
    const form = html.slice(html.indexOf('data-testid="worklist-schedule-form"'));
    expect(form).toContain(`<option value="${world.ids.resident}">李明 · 住培第二年</option>`);
    expect(form).toContain(`<option value="${world.caseId}">右肺上叶结节</option>`);
    expect(form).not.toContain('name="tutorId"');

    const english = await body('tutor', '?lang=en');
    expect(english).toContain('<html lang="en" data-role="tutor">');
    expect(english).toContain('Stage 4.1 to score');
    expect(english).toContain('Waiting for your scores or signature');
  });

  it('lists the case library with usage and who prepared each case, filtered and searched', async () => {
    const html = await body('tutor');
    const library = html.slice(html.indexOf('id="worklist-cases"'));
    const row = (caseId: string) => library.slice(library.indexOf(`data-case-id="${caseId}"`), library.indexOf('</tr>', library.indexOf(`data-case-id="${caseId}"`)));
    expect(row(world.caseId)).toContain('<td class="number" data-testid="worklist-case-usage">1</td>');
    expect(row(world.caseId)).toContain('王建国');
    expect(row(world.caseId)).toContain(`href="/teaching?StudyInstanceUIDs=${CHEST_CT_STUDY}&amp;prepareCase=${world.caseId}"`);
    expect(row(hostileCaseId)).toContain('孙丽华');
    expect(library).toContain('prepareCase');

    const searched = await body('tutor', `?q=${encodeURIComponent('右肺上叶')}`);
    expect(searched).toContain(`data-case-id="${world.caseId}"`);
    expect(searched).not.toContain(`data-case-id="${hostileCaseId}"`);
    const hostileSearch = await body('tutor', '?q=ONERROR');
    expect(hostileSearch).toContain(`data-case-id="${hostileCaseId}"`);
    expect(hostileSearch).not.toContain(`data-case-id="${world.caseId}"`);
    const byPreparer = await body('tutor', `?preparedBy=${world.ids.otherTutor}`);
    expect(byPreparer).toContain(`data-case-id="${hostileCaseId}"`);
    expect(byPreparer).not.toContain(`data-case-id="${world.caseId}"`);

    const retired = await world.app.inject({ method: 'POST', url: `/api/cases/${hostileCaseId}/retire`, headers: { cookie: world.cookies.otherTutor }, payload: { retired: true } });
    expect(retired.statusCode, retired.body).toBe(200);
    const current = await body('tutor');
    expect(current).not.toContain(`data-case-id="${hostileCaseId}"`);
    expect(current).not.toContain(`<option value="${hostileCaseId}">`);
    expect(await body('tutor', '?retired=true')).toContain(`data-case-id="${hostileCaseId}"`);
  });

  it('points out a session just scheduled from the page in the tutor\'s upcoming list', async () => {
    const opened = await world.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { cookie: world.cookies.tutor },
      payload: { caseId: world.caseId, residentId: world.ids.otherResident, plannedAt: '2026-12-09T01:30:00+08:00', place: '阅片室 5' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().session.id;
    const html = await body('tutor', `?scheduled=${id}`);
    expect(html).toContain(`<tr data-session-id="${id}" class="row--highlight">`);
    expect(html).toContain('已安排：陈静，右肺上叶结节。');
    expect(html).toContain('2026-12-09 01:30');
  });

  it("shows an administrator every session of the department, filtered and a page at a time, and another department's nothing", async () => {
    const html = await body('admin');
    for (const id of [world.sessionId, otherSessionId]) expect(html).toContain(`data-session-id="${id}"`);
    expect(html).toContain('name="tutorId"');
    const ofOther = await body('admin', `?residentId=${world.ids.otherResident}`);
    expect(ofOther).toContain(`data-session-id="${otherSessionId}"`);
    expect(ofOther).not.toContain(`data-session-id="${world.sessionId}"`);
    const waiting = await body('admin', '?status=waiting');
    expect(waiting).toContain(`data-session-id="${world.sessionId}"`);
    expect(waiting).not.toContain(`data-session-id="${otherSessionId}"`);
    expect(await body('admin', '?page=2')).toContain('worklist-empty');
    expect(html).toMatch(/第 1 \/ 1 页 · 共 3 条/);

    const outsider = await body('outsider');
    for (const id of [world.sessionId, otherSessionId, world.caseId, hostileCaseId]) expect(outsider).not.toContain(id);
  });

  it("gives the administrator the category editor, with each entry's cases, and tutors and residents none of it", async () => {
    const html = await body('admin');
    const editor = html.slice(html.indexOf('id="worklist-categories"'), html.indexOf('</section>', html.indexOf('id="worklist-categories"')));
    expect(editor).toContain('<h2>病种分类 <span class="count">10</span></h2>');
    const version = (await world.repository.getCategories('north')).version;
    expect(editor).toContain(`data-testid="worklist-category-editor" data-version="${version}"`);
    const row = (id: string) => editor.slice(editor.indexOf(`<tr data-category-id="${id}"`), editor.indexOf('</tr>', editor.indexOf(`<tr data-category-id="${id}"`)));
    // Both of the department's cases are filed under respiratory, the retired one included: it can only be retired.
    expect(row('respiratory')).toContain('data-cases="2"');
    expect(row('respiratory')).toContain('<input name="zh" value="呼吸系统"');
    expect(row('respiratory')).toContain('<input name="en" value="Respiratory"');
    expect(row('respiratory')).toContain('data-category-action="remove" disabled title="有 2 个病例归入此分类，只能停用"');
    expect(row('neuro')).toContain('data-cases="0"');
    expect(row('neuro')).toMatch(/data-category-action="remove">删除</);
    expect(editor).toContain('<template id="worklist-category-row"><tr data-category-id=""');
    expect(html).toContain('"categoryEditor":{');
    expect(await body('admin', '?lang=en')).toContain('<h2>Disease categories <span class="count">10</span></h2>');
    for (const person of ['tutor', 'resident'] as const) {
      // The page's one script is the same for everyone; what matters is the markup before it.
      const other = (await body(person)).split('<script nonce=')[0];
      expect(other, person).not.toContain('data-testid="worklist-category-editor"');
      expect(other, person).not.toContain('id="worklist-category-row"');
      expect(other, person).not.toContain('id="worklist-categories"');
      expect(other, person).not.toContain('"categoryEditor"');
    }

    // A name typed by an administrator is text, in the rows and in the case library's filter.
    const current = await world.repository.getCategories('north');
    const hostile = { id: 'hostile', name: { zh: '<script>alert(1)</script>"分类', en: "x' onmouseover='alert(1)" }, retired: true };
    const put = await world.app.inject({ method: 'PUT', url: '/api/categories', headers: { cookie: world.cookies.admin }, payload: { version: current.version, categories: [...current.record, hostile] } });
    expect(put.statusCode, put.body).toBe(200);
    const escaped = await body('admin');
    expect(escaped).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;分类"');
    expect(escaped).toContain('value="x&#39; onmouseover=&#39;alert(1)"');
    expect(escaped).not.toContain('<script>alert(1)');
    expect(escaped).toContain('<tr data-category-id="hostile" data-cases="0" data-retired="true" class="row--retired">');
  });

  it('refuses a malformed address with 400, naming the field', async () => {
    const response = await page(world.cookies.admin, '?status=lost');
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('status');
  });
});
