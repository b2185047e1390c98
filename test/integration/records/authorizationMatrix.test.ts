import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHEST_CT_SERIES, CHEST_CT_SOP, CHEST_CT_STUDY, caseInput, clinicalWork, cookieFrom, PEOPLE, recordsWorld, WORLD_PASSWORD, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { storedSignComparison } from '../../fixtures/storedSignComparison';
import { testDatabases } from '../../support/postgres';

/**
 * Every operation of the OpenAPI document × seven kinds of caller, each cell with the status the
 * records service must answer. The table is keyed by operationId and must name exactly the
 * operations of the document: a new operation fails this suite until someone decides who may call it.
 */

const ACTORS = ['anonymous', 'residentOwn', 'residentOther', 'tutorSupervising', 'tutorNotSupervising', 'admin', 'otherDepartment'] as const;
type Actor = (typeof ACTORS)[number];

/** Who each actor is in the world: the world's session belongs to `resident` and is supervised by `tutor`. */
const PERSON_OF: Record<Exclude<Actor, 'anonymous'>, PersonKey> = {
  residentOwn: 'resident',
  residentOther: 'otherResident',
  tutorSupervising: 'tutor',
  tutorNotSupervising: 'otherTutor',
  admin: 'admin',
  otherDepartment: 'outsider',
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
  security: unknown;
}

interface Cell {
  world: RecordsWorld;
  actor: Actor;
  person: PersonKey | undefined;
  /** The actor's current cookie (undefined for anonymous). */
  cookie: string | undefined;
  /** A string no other cell uses, for usernames and annotation UIDs. */
  unique: string;
}

interface RequestSpec {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Replaces the actor's cookie for this request (e.g. a fresh sign-in that signing out may end). */
  cookie?: string;
  remoteAddress?: string;
}

interface Variant {
  name: string;
  build(cell: Cell): Promise<RequestSpec> | RequestSpec;
  expect: Record<Actor, number>;
  /** Codes some cells must answer with, beyond the generic checks. */
  codes?: Partial<Record<Actor, string>>;
  /** Runs after the request: follow-up assertions, and repairs that keep later cells independent. */
  after?(cell: Cell, response: LightMyRequestResponse, spec: RequestSpec): Promise<void>;
}

const row = (anonymous: number, residentOwn: number, residentOther: number, tutorSupervising: number, tutorNotSupervising: number, admin: number, otherDepartment: number): Record<Actor, number> => ({
  anonymous,
  residentOwn,
  residentOther,
  tutorSupervising,
  tutorNotSupervising,
  admin,
  otherDepartment,
});

// ------------------------------------------------------------------------------------------------
// Helpers shared by the cells. `state` is the world of the database being walked and the cookies
// as they stand now (signing out, changing or resetting a password replaces some of them).

interface State {
  world: RecordsWorld;
  cookies: Record<PersonKey, string>;
}
let state: State;
let addressCounter = 0;

/** Sign-in is rate limited per address; each of our sign-ins comes from an address of its own. */
const freshAddress = () => {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};

async function signIn(world: RecordsWorld, person: PersonKey): Promise<string> {
  const response = await world.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: person, password: WORLD_PASSWORD }, remoteAddress: freshAddress() });
  expect(response.statusCode, `sign-in of ${person}: ${response.body}`).toBe(200);
  return cookieFrom(response.headers['set-cookie']);
}

const get = (world: RecordsWorld, url: string, cookie?: string) => world.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

async function sessionVersion(world: RecordsWorld): Promise<number> {
  const found = await world.repository.getSession('north', world.sessionId);
  if (!found) throw new Error('the world session is gone');
  return found.version;
}

const annotationBody = (version: number) => ({
  version,
  studyInstanceUID: CHEST_CT_STUDY,
  seriesInstanceUID: CHEST_CT_SERIES,
  sopInstanceUID: CHEST_CT_SOP,
  frameNumber: null,
  annotation: { metadata: { toolName: 'ArrowAnnotate' }, data: { text: '结节', handles: { points: [[1, 2, 3]] } } },
});

/** A refused write must leave the session as it was. */
const sessionUnchangedUnless = (success: number) => async (cell: Cell, response: LightMyRequestResponse, spec: RequestSpec) => {
  const before = (spec.body as { version: number }).version;
  const after = await sessionVersion(cell.world);
  if (response.statusCode === success) expect(after).toBe(before + 1);
  else expect(after).toBe(before);
};

// ------------------------------------------------------------------------------------------------
// The expectation table. Columns: anonymous, resident (own session), resident (another's), tutor
// (supervising), tutor (not supervising), administrator, someone of another department.

const EXPECTATIONS: Record<string, Variant[]> = {
  health: [{ name: 'answers', build: () => ({}), expect: row(200, 200, 200, 200, 200, 200, 200) }],
  signInPage: [
    {
      name: 'the HTML page',
      build: () => ({ query: { returnTo: '/teaching' } }),
      expect: row(200, 200, 200, 200, 200, 200, 200),
      async after(_cell, response) {
        expect(response.headers['content-type']).toMatch(/^text\/html/);
      },
    },
  ],
  signIn: [
    {
      name: 'a wrong password',
      build: cell => ({ body: { username: cell.person ?? 'resident', password: 'not the password' }, remoteAddress: freshAddress() }),
      expect: row(401, 401, 401, 401, 401, 401, 401),
      codes: Object.fromEntries(ACTORS.map(actor => [actor, 'auth.wrongCredentials'])),
      async after(_cell, response) {
        expect(response.headers['set-cookie']).toBeUndefined();
      },
    },
  ],
  signOut: [
    {
      name: 'a sign-in of its own',
      // Signing out ends the sign-in it is sent with, so each cell signs in afresh.
      build: async cell => (cell.person ? { cookie: await signIn(cell.world, cell.person) } : {}),
      expect: row(401, 204, 204, 204, 204, 204, 204),
      async after(cell, response, spec) {
        if (response.statusCode !== 204) return;
        expect((await get(cell.world, '/api/auth/check', spec.cookie)).statusCode).toBe(401);
        expect((await get(cell.world, '/api/auth/check', cell.cookie)).statusCode, 'other sign-ins of the person go on').toBe(204);
      },
    },
  ],
  whoAmI: [
    {
      name: 'who is signed in',
      build: () => ({}),
      expect: row(401, 200, 200, 200, 200, 200, 200),
      async after(cell, response) {
        if (cell.person) expect(response.json().account.id).toBe(cell.world.ids[cell.person]);
      },
    },
  ],
  checkSignIn: [{ name: 'forward auth', build: () => ({}), expect: row(401, 204, 204, 204, 204, 204, 204) }],
  changePassword: [
    {
      name: 'to the same password',
      build: () => ({ body: { currentPassword: WORLD_PASSWORD, newPassword: WORLD_PASSWORD } }),
      expect: row(401, 204, 204, 204, 204, 204, 204),
      async after(cell, response) {
        if (response.statusCode !== 204 || !cell.person) return;
        // Other sign-ins end, this browser gets a new cookie.
        expect((await get(cell.world, '/api/auth/check', cell.cookie)).statusCode).toBe(401);
        const renewed = cookieFrom(response.headers['set-cookie']);
        expect((await get(cell.world, '/api/auth/check', renewed)).statusCode).toBe(204);
        state.cookies[cell.person] = renewed;
      },
    },
  ],
  startStandIn: [
    {
      name: "the session's tutor at the caller's own workstation",
      // Each takeover belongs to the sign-in it is made at: a sign-in of its own keeps the cells apart.
      build: async cell => ({ cookie: cell.person && (await signIn(cell.world, cell.person)), body: { username: 'tutor', password: WORLD_PASSWORD }, remoteAddress: freshAddress() }),
      expect: row(401, 201, 201, 400, 201, 201, 403),
      codes: { tutorSupervising: 'auth.standInSelf', otherDepartment: 'access.standInOtherDepartment' },
      async after(cell, response, spec) {
        if (response.statusCode !== 201) return;
        const me = await cell.world.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: spec.cookie!, 'x-teaching-stand-in': response.json().token } });
        expect(me.json().account.id).toBe(cell.world.ids.tutor);
      },
    },
    {
      name: "a resident's password",
      build: cell => ({ body: { username: 'otherResident', password: WORLD_PASSWORD }, remoteAddress: freshAddress() }),
      expect: row(401, 403, 403, 403, 403, 403, 403),
      codes: { residentOwn: 'access.standInNotTutor', otherDepartment: 'access.standInOtherDepartment' },
    },
  ],
  getStandIn: [{ name: 'no takeover at this workstation', build: () => ({}), expect: row(401, 404, 404, 404, 404, 404, 404) }],
  endStandIn: [{ name: 'no takeover at this workstation', build: () => ({}), expect: row(401, 404, 404, 404, 404, 404, 404) }],
  listPeople: [{ name: 'the department', build: () => ({}), expect: row(401, 200, 200, 200, 200, 200, 200) }],
  createPerson: [
    {
      name: 'a new tutor',
      build: cell => ({ body: { role: 'tutor', username: `new.${cell.unique}`, name: '新来的老师', password: 'a long enough password' } }),
      expect: row(401, 403, 403, 403, 403, 201, 201),
      async after(cell, response, spec) {
        const username = (spec.body as { username: string }).username;
        const created = await cell.world.repository.findAccountByUsername(username);
        if (response.statusCode !== 201) return expect(created).toBeUndefined();
        // Created in the administrator's own department, never another.
        expect(created?.departmentId).toBe(cell.person && PEOPLE[cell.person].department);
      },
    },
  ],
  getPerson: [{ name: 'the resident', build: cell => ({ params: { personId: cell.world.ids.resident } }), expect: row(401, 200, 404, 200, 200, 200, 404) }],
  updatePerson: [
    {
      name: "the resident's name, at the current version",
      build: async cell => {
        const account = await cell.world.repository.getAccount('north', cell.world.ids.resident);
        return { params: { personId: cell.world.ids.resident }, body: { version: account!.version, name: PEOPLE.resident.name } };
      },
      expect: row(401, 403, 403, 403, 403, 200, 404),
      codes: { residentOwn: 'access.adminsOnly', tutorSupervising: 'access.adminsOnly' },
      async after(cell, response, spec) {
        const account = await cell.world.repository.getAccount('north', cell.world.ids.resident);
        expect(account!.version).toBe((spec.body as { version: number }).version + (response.statusCode === 200 ? 1 : 0));
      },
    },
  ],
  resetPassword: [
    {
      name: "the resident's password",
      build: cell => ({ params: { personId: cell.world.ids.resident }, body: { password: WORLD_PASSWORD } }),
      expect: row(401, 403, 403, 403, 403, 204, 404),
      async after(cell, response) {
        const residentSignedIn = (await get(cell.world, '/api/auth/check', state.cookies.resident)).statusCode;
        if (response.statusCode !== 204) return expect(residentSignedIn).toBe(204);
        // Their sign-ins end at once.
        expect(residentSignedIn).toBe(401);
        state.cookies.resident = await signIn(cell.world, 'resident');
      },
    },
  ],
  listCases: [
    { name: 'the catalogue', build: () => ({}), expect: row(401, 200, 200, 200, 200, 200, 200) },
    {
      name: 'the cases read on one study',
      build: () => ({ query: { studyInstanceUID: CHEST_CT_STUDY } }),
      expect: row(401, 200, 200, 200, 200, 200, 200),
      async after(cell, response) {
        if (response.statusCode !== 200) return;
        // Asking by study finds no case a person could not list otherwise: not another resident's, not another department's.
        const ids = (response.json().cases as Array<{ case: { id: string } }>).map(item => item.case.id);
        expect(ids.includes(cell.world.caseId), cell.actor).toBe(!['residentOther', 'otherDepartment'].includes(cell.actor));
      },
    },
  ],
  createCase: [
    {
      name: 'a new case',
      build: cell => ({ body: caseInput(`病例 ${cell.unique}`) }),
      expect: row(401, 403, 403, 201, 201, 201, 201),
      codes: { residentOwn: 'access.organisersOnly' },
    },
  ],
  getCase: [{ name: "the session's case", build: cell => ({ params: { caseId: cell.world.caseId } }), expect: row(401, 200, 404, 200, 200, 200, 404) }],
  updateCase: [
    {
      name: 'at the current version',
      build: async cell => {
        const current = await cell.world.repository.getCase('north', cell.world.caseId);
        return { params: { caseId: cell.world.caseId }, body: { version: current!.version, case: caseInput() } };
      },
      expect: row(401, 403, 403, 200, 200, 200, 404),
      async after(cell, response, spec) {
        const current = await cell.world.repository.getCase('north', cell.world.caseId);
        expect(current!.version).toBe((spec.body as { version: number }).version + (response.statusCode === 200 ? 1 : 0));
      },
    },
  ],
  listSessions: [{ name: 'your sessions', build: () => ({}), expect: row(401, 200, 200, 200, 200, 200, 200) }],
  openSession: [
    {
      name: 'for the resident, supervised by the tutor',
      build: cell => ({ body: { caseId: cell.world.caseId, residentId: cell.world.ids.resident, tutorId: cell.world.ids.tutor, plannedAt: '2026-12-09T01:00:00.000Z', place: '阅片室 3' } }),
      expect: row(401, 403, 403, 201, 403, 201, 404),
      codes: { residentOwn: 'access.organisersOnly', tutorNotSupervising: 'access.ownSessionsOnly' },
    },
  ],
  getSession: [{ name: 'the session', build: cell => ({ params: { sessionId: cell.world.sessionId } }), expect: row(401, 200, 404, 200, 404, 200, 404) }],
  runSessionCommand: [
    {
      name: 'notifyResident',
      build: async cell => ({ params: { sessionId: cell.world.sessionId }, body: { version: await sessionVersion(cell.world), command: { type: 'notifyResident' } } }),
      expect: row(401, 403, 404, 200, 404, 200, 404),
      codes: { residentOwn: 'access.organisersOnly' },
      after: sessionUnchangedUnless(200),
    },
    {
      name: 'saveWork on stage 4.1',
      build: async cell => ({
        params: { sessionId: cell.world.sessionId },
        body: { version: await sessionVersion(cell.world), command: { type: 'saveWork', stage: '4.1', work: clinicalWork(`摘要 ${cell.unique}`) } },
      }),
      expect: row(401, 200, 404, 403, 404, 403, 404),
      // The administrator sees the session but the core refuses to let them write a resident's work.
      codes: { tutorSupervising: 'access.residentOnly', admin: 'access.adminDoesNotWrite' },
      after: sessionUnchangedUnless(200),
    },
  ],
  scoreSheet: [
    {
      name: 'before sign-off',
      build: cell => ({ params: { sessionId: cell.world.sessionId } }),
      expect: row(401, 403, 404, 200, 404, 200, 404),
      codes: { residentOwn: 'access.notSignedOff' },
    },
  ],
  worklistPage: [
    {
      name: "the caller's own worklist (a program's request: a browser is sent to sign in)",
      build: () => ({ query: { lang: 'en' } }),
      expect: row(401, 200, 200, 200, 200, 200, 200),
      async after(cell, response) {
        if (response.statusCode !== 200) return;
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        // Only the session's own resident, its tutor and the administrator see it listed.
        const listed = response.body.includes(`data-session-id="${cell.world.sessionId}"`);
        expect(listed, cell.actor).toBe(['residentOwn', 'tutorSupervising', 'admin'].includes(cell.actor));
      },
    },
  ],
  listSessionEvents: [{ name: 'the history', build: cell => ({ params: { sessionId: cell.world.sessionId } }), expect: row(401, 200, 404, 200, 404, 200, 404) }],
  residentProgress: [
    {
      name: "the resident's year",
      build: cell => ({ params: { personId: cell.world.ids.resident }, query: { from: '2026-01-01', to: '2026-12-31' } }),
      expect: row(401, 200, 404, 200, 404, 200, 404),
    },
  ],
  residentNextCases: [
    {
      name: "the resident's next cases",
      build: cell => ({ params: { personId: cell.world.ids.resident } }),
      // Any tutor of the department prepares for the resident; residents never, as the reasons tell what reference answers hold.
      expect: row(401, 403, 403, 200, 200, 200, 404),
      codes: { residentOwn: 'access.organisersOnly', residentOther: 'access.organisersOnly' },
    },
  ],
  listAnnotations: [{ name: "the session's", build: cell => ({ params: { sessionId: cell.world.sessionId } }), expect: row(401, 200, 404, 200, 404, 200, 404) }],
  saveAnnotation: [
    {
      name: 'a new one',
      build: cell => ({ params: { sessionId: cell.world.sessionId, annotationUid: `uid-${cell.unique}` }, body: annotationBody(0) }),
      expect: row(401, 200, 404, 200, 404, 403, 404),
      codes: { admin: 'access.participantsOnly' },
      async after(cell, response, spec) {
        const stored = await cell.world.repository.getAnnotation('north', cell.world.sessionId, spec.params!.annotationUid!);
        if (response.statusCode !== 200) return expect(stored).toBeUndefined();
        expect(stored?.authorId).toBe(cell.person && cell.world.ids[cell.person]);
      },
    },
  ],
  deleteAnnotation: [
    {
      name: "the resident's",
      build: async cell => {
        const uid = `uid-${cell.unique}`;
        const created = await cell.world.app.inject({
          method: 'PUT',
          url: `/api/sessions/${cell.world.sessionId}/annotations/${uid}`,
          headers: { cookie: state.cookies.resident },
          payload: annotationBody(0),
        });
        expect(created.statusCode, created.body).toBe(200);
        return { params: { sessionId: cell.world.sessionId, annotationUid: uid }, query: { version: '1' } };
      },
      expect: row(401, 204, 404, 403, 404, 403, 404),
      codes: { tutorSupervising: 'access.notYourAnnotation', admin: 'access.participantsOnly' },
      async after(cell, response, spec) {
        const stored = await cell.world.repository.getAnnotation('north', cell.world.sessionId, spec.params!.annotationUid!);
        if (response.statusCode === 204) expect(stored).toBeUndefined();
        else expect(stored?.version).toBe(1);
      },
    },
  ],
  listCategories: [{ name: "the department's list", build: () => ({}), expect: row(401, 200, 200, 200, 200, 200, 200) }],
  putCategories: [
    {
      name: 'the same list at the current version',
      build: async cell => {
        const department = cell.person ? PEOPLE[cell.person].department : 'north';
        const current = await cell.world.repository.getCategories(department);
        return { body: { version: current.version, categories: current.record } };
      },
      expect: row(401, 403, 403, 403, 403, 200, 200),
      codes: { residentOwn: 'access.adminsOnly', tutorSupervising: 'access.adminsOnly' },
      async after(cell, response, spec) {
        const department = cell.person ? PEOPLE[cell.person].department : 'north';
        const current = await cell.world.repository.getCategories(department);
        // Each administrator writes the list of their own department only.
        expect(current.version).toBe((spec.body as { version: number }).version + (response.statusCode === 200 ? 1 : 0));
      },
    },
  ],
  duplicateCase: [
    {
      name: "the session's case",
      build: cell => ({ params: { caseId: cell.world.caseId } }),
      expect: row(401, 403, 403, 201, 201, 201, 404),
      codes: { residentOwn: 'access.organisersOnly' },
      async after(cell, response) {
        if (response.statusCode !== 201) return;
        const copy = await cell.world.repository.getCase('north', response.json().case.id);
        expect(copy?.record).toMatchObject({ duplicatedFrom: cell.world.caseId, preparedBy: cell.person && cell.world.ids[cell.person] });
      },
    },
  ],
  retireCase: [
    {
      name: 'a case of its own',
      build: async cell => {
        const created = await cell.world.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: state.cookies.tutor }, payload: caseInput(`待停用 ${cell.unique}`) });
        expect(created.statusCode, created.body).toBe(201);
        return { params: { caseId: created.json().case.id }, body: { retired: true } };
      },
      expect: row(401, 403, 403, 200, 200, 200, 404),
      codes: { residentOwn: 'access.organisersOnly' },
      async after(cell, response, spec) {
        const stored = await cell.world.repository.getCase('north', spec.params!.caseId!);
        expect(Boolean(stored?.record.retired)).toBe(response.statusCode === 200);
      },
    },
  ],
  listCaseAnnotations: [
    {
      name: "the session's case, before sign-off",
      build: cell => ({ params: { caseId: cell.world.caseId } }),
      // The resident of the session reads them only once it is signed off, and until then cannot tell they exist.
      expect: row(401, 404, 404, 200, 200, 200, 404),
    },
  ],
  saveCaseAnnotation: [
    {
      name: 'a new one on the case study',
      build: cell => ({ params: { caseId: cell.world.caseId, annotationUid: `ref-${cell.unique}` }, body: annotationBody(0) }),
      expect: row(401, 403, 403, 200, 200, 200, 404),
      codes: { residentOwn: 'access.organisersOnly' },
      async after(cell, response, spec) {
        const stored = await cell.world.repository.getCaseAnnotation('north', cell.world.caseId, spec.params!.annotationUid!);
        if (response.statusCode !== 200) return expect(stored).toBeUndefined();
        expect(stored?.authorId).toBe(cell.person && cell.world.ids[cell.person]);
      },
    },
  ],
  deleteCaseAnnotation: [
    {
      name: "the supervising tutor's",
      build: async cell => {
        const uid = `ref-${cell.unique}`;
        const created = await cell.world.app.inject({ method: 'PUT', url: `/api/cases/${cell.world.caseId}/annotations/${uid}`, headers: { cookie: state.cookies.tutor }, payload: annotationBody(0) });
        expect(created.statusCode, created.body).toBe(200);
        return { params: { caseId: cell.world.caseId, annotationUid: uid }, query: { version: '1' } };
      },
      expect: row(401, 403, 403, 204, 204, 204, 404),
      codes: { residentOwn: 'access.organisersOnly' },
      async after(cell, response, spec) {
        const stored = await cell.world.repository.getCaseAnnotation('north', cell.world.caseId, spec.params!.annotationUid!);
        if (response.statusCode === 204) expect(stored).toBeUndefined();
        else expect(stored?.version).toBe(1);
      },
    },
  ],
  getSignComparison: [
    {
      name: 'before sign-off',
      build: async cell => {
        await cell.world.repository.putSignComparison('north', storedSignComparison(cell.world.sessionId, cell.world.caseId, new Date().toISOString(), cell.world.ids.tutor));
        return { params: { sessionId: cell.world.sessionId } };
      },
      expect: row(401, 403, 404, 200, 404, 200, 404),
      codes: { residentOwn: 'access.afterSignOff' },
    },
  ],
  compareSigns: [
    {
      name: 'a case with a reference answer',
      build: async cell => {
        const found = (await cell.world.repository.getCase('north', cell.world.caseId))!;
        if (!found.record.referenceAnswer) {
          const referenceAnswer = { findings: [], diagnosis: '周围型肺癌', report: { examination: '', clinicalInformation: '', technique: '', findings: '', impression: '', recommendations: '' } };
          const updated = await cell.world.repository.updateCase('north', cell.world.caseId, found.version, { ...found.record, referenceAnswer }, new Date().toISOString());
          expect(updated.outcome).toBe('written');
        }
        await cell.world.repository.putSignComparison('north', storedSignComparison(cell.world.sessionId, cell.world.caseId, '2026-01-01T00:00:00.000Z', cell.world.ids.tutor));
        return { params: { sessionId: cell.world.sessionId } };
      },
      expect: row(401, 403, 404, 200, 404, 200, 404),
      codes: { residentOwn: 'access.tutorOrAdminOnly' },
      async after(cell, response) {
        const stored = await cell.world.repository.getSignComparison('north', cell.world.sessionId);
        if (response.statusCode !== 200) return expect(stored?.computedAt).toBe('2026-01-01T00:00:00.000Z');
        expect(stored?.computedBy).toBe(cell.person && cell.world.ids[cell.person]);
      },
    },
  ],
  checkNegativeSign: [
    {
      name: 'a negative sign of the reference',
      build: async cell => {
        await cell.world.repository.putSignComparison('north', storedSignComparison(cell.world.sessionId, cell.world.caseId, new Date().toISOString(), cell.world.ids.tutor));
        return { params: { sessionId: cell.world.sessionId, findingId: 'f-no-effusion' }, body: { recorded: true } };
      },
      expect: row(401, 403, 404, 200, 404, 200, 404),
      codes: { residentOwn: 'access.tutorOrAdminOnly' },
      async after(cell, response) {
        const stored = await cell.world.repository.getSignComparison('north', cell.world.sessionId);
        if (response.statusCode !== 200) return expect(stored?.negativeChecks).toEqual({});
        expect(stored?.negativeChecks['f-no-effusion']).toMatchObject({ recorded: true, by: cell.person && cell.world.ids[cell.person] });
      },
    },
  ],
};

// ------------------------------------------------------------------------------------------------

function operationsOf(document: { paths: Record<string, Record<string, { operationId?: string; security?: unknown }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ operationId: operation.operationId ?? `${method} ${path}`, method: method.toUpperCase(), path, security: operation.security })),
  );
}

function requestFor(operation: Operation, spec: RequestSpec, cookie: string | undefined): InjectOptions {
  const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = spec.params?.[name];
    if (value === undefined) throw new Error(`${operation.operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const query = spec.query ? `?${new URLSearchParams(spec.query)}` : '';
  const headers: Record<string, string> = { ...spec.headers };
  const sentCookie = spec.cookie ?? cookie;
  if (sentCookie) headers.cookie = sentCookie;
  return {
    method: operation.method as InjectOptions['method'],
    url: `${path}${query}`,
    headers,
    ...(spec.body !== undefined ? { payload: spec.body as InjectOptions['payload'] } : {}),
    ...(spec.remoteAddress ? { remoteAddress: spec.remoteAddress } : {}),
  };
}

const databases = testDatabases();
afterAll(() => databases.cleanup());

const cellsOf = Object.entries(EXPECTATIONS).flatMap(([operationId, variants]) =>
  variants.flatMap(variant => ACTORS.map(actor => ({ operationId, variant, actor, label: `${operationId} (${variant.name}) as ${actor} → ${variant.expect[actor]}` }))),
);

describe.each(['sqlite', 'postgres'] as const)('authorization on %s', kind => {
  let operations: Map<string, Operation>;
  let serial = 0;

  beforeAll(async () => {
    const world = await recordsWorld(databases.locations[kind]);
    state = { world, cookies: { ...world.cookies } };
    const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    operations = new Map(operationsOf(document).map(operation => [operation.operationId, operation]));
  });
  afterAll(() => state?.world.close());

  it('has an expectation for exactly the operations of the OpenAPI document', () => {
    expect([...operations.keys()].sort()).toEqual(Object.keys(EXPECTATIONS).sort());
    for (const operation of operations.values()) {
      expect([[], [{ sessionCookie: [] }, { bearerToken: [] }]], `${operation.operationId}: security`).toContainEqual(operation.security);
    }
    const publicOperations = [...operations.values()].filter(operation => (operation.security as unknown[]).length === 0).map(operation => operation.operationId);
    expect(publicOperations.sort()).toEqual(['health', 'signIn', 'signInPage']);
  });

  it.each(cellsOf)('$label', async ({ operationId, variant, actor }) => {
    const operation = operations.get(operationId);
    if (!operation) throw new Error(`${operationId} is not in the OpenAPI document`);
    const person = actor === 'anonymous' ? undefined : PERSON_OF[actor];
    serial += 1;
    const cell: Cell = { world: state.world, actor, person, cookie: person && state.cookies[person], unique: `${kind}-${serial}-${actor}` };
    const spec = await variant.build(cell);
    const response = await state.world.app.inject(requestFor(operation, spec, cell.cookie));
    expect(response.statusCode, `${operation.method} ${operation.path} as ${actor}: ${response.body.slice(0, 400)}`).toBe(variant.expect[actor]);

    // What the document says about signing in is what the service does to anonymous callers.
    const isPublic = (operation.security as unknown[]).length === 0;
    if (actor === 'anonymous' && !isPublic) expect(response.json().code).toBe('auth.signInRequired');
    if (response.statusCode >= 400 && !/^text\/html/.test(String(response.headers['content-type']))) {
      const body = response.json();
      expect(body.message).toEqual(expect.any(String));
      if (isPublic) expect(body.code).not.toBe('auth.signInRequired');
      // Ids the caller may not see answer exactly as ids that do not exist.
      if (response.statusCode === 404) expect(body.code).toBe('notFound');
      if (response.statusCode === 403) expect(body.code).toMatch(/^access\./);
    }
    const code = variant.codes?.[actor];
    if (code) expect(response.json().code).toBe(code);
    await variant.after?.(cell, response, spec);
  });

  describe('what lists show', () => {
    const list = async (url: string, person: PersonKey) => {
      const response = await get(state.world, url, state.cookies[person]);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };

    it("a resident's lists never hold another resident's sessions, cases, people or progress", async () => {
      const { world } = state;
      const own = await list('/api/sessions', 'resident');
      expect(own.sessions.length).toBeGreaterThan(0);
      expect(own.sessions.every((entry: { session: { residentId: string } }) => entry.session.residentId === world.ids.resident)).toBe(true);

      const theirs = await list('/api/sessions', 'otherResident');
      expect(theirs.sessions).toEqual([]);
      expect((await list(`/api/sessions?residentId=${world.ids.resident}`, 'otherResident')).sessions).toEqual([]);
      expect((await list(`/api/sessions?studyInstanceUID=${CHEST_CT_STUDY}`, 'otherResident')).sessions).toEqual([]);
      expect((await list('/api/sessions?open=true', 'otherResident')).sessions).toEqual([]);

      expect((await list('/api/cases', 'otherResident')).cases).toEqual([]);
      expect((await list('/api/cases', 'resident')).cases.map((entry: { case: { id: string } }) => entry.case.id)).toEqual([world.caseId]);

      expect((await list('/api/people', 'otherResident')).people.map((person: { id: string }) => person.id)).toEqual([world.ids.otherResident]);
      expect((await list('/api/people', 'resident')).people.map((person: { id: string }) => person.id)).toEqual([world.ids.resident]);

      for (const url of [`/api/residents/${world.ids.resident}/progress?from=2026-01-01&to=2026-12-31`, `/api/people/${world.ids.resident}`, `/api/sessions/${world.sessionId}/events`, `/api/sessions/${world.sessionId}/annotations`]) {
        expect((await get(world, url, state.cookies.otherResident)).statusCode, url).toBe(404);
      }
      const ownProgress = await list(`/api/residents/${world.ids.resident}/progress?from=2026-01-01&to=2026-12-31`, 'resident');
      expect(ownProgress.residentId).toBe(world.ids.resident);
    });

    it('a resident does not see the reference answer before sign-off; tutors do', async () => {
      const { world } = state;
      const current = (await world.repository.getCase('north', world.caseId))!;
      const referenceAnswer = { findings: [], diagnosis: '周围型肺癌', report: { examination: '胸部 CT', clinicalInformation: '', technique: '', findings: '右肺上叶结节', impression: '考虑肺癌', recommendations: '' } };
      const updated = await world.app.inject({
        method: 'PUT',
        url: `/api/cases/${world.caseId}`,
        headers: { cookie: state.cookies.tutor },
        payload: { version: current.version, case: { ...caseInput(), referenceAnswer } },
      });
      expect(updated.statusCode, updated.body).toBe(200);
      const asResident = await list(`/api/cases/${world.caseId}`, 'resident');
      expect(asResident.case).not.toHaveProperty('referenceAnswer');
      expect(JSON.stringify(await list('/api/cases', 'resident'))).not.toContain('周围型肺癌');
      expect((await list(`/api/cases/${world.caseId}`, 'tutor')).case.referenceAnswer).toEqual(referenceAnswer);
    });

    it('a tutor lists only the sessions they supervise', async () => {
      const { world } = state;
      expect((await list('/api/sessions', 'otherTutor')).sessions).toEqual([]);
      expect((await list(`/api/sessions?residentId=${world.ids.resident}`, 'otherTutor')).sessions).toEqual([]);
      const supervised = await list('/api/sessions', 'tutor');
      expect(supervised.sessions.map((entry: { session: { id: string } }) => entry.session.id)).toContain(world.sessionId);
      expect(supervised.sessions.every((entry: { session: { tutorId: string } }) => entry.session.tutorId === world.ids.tutor)).toBe(true);
    });

    it('another department sees none of this department', async () => {
      const { world } = state;
      const northIds = [world.sessionId, world.caseId, ...Object.entries(world.ids).filter(([key]) => PEOPLE[key as PersonKey].department === 'north').map(([, id]) => id)];
      for (const person of ['outsider', 'outsiderResident'] as const) {
        const seen = JSON.stringify([await list('/api/sessions', person), await list('/api/cases', person), await list('/api/people', person)]);
        for (const id of northIds) expect(seen, `${person} sees ${id}`).not.toContain(id);
        for (const url of [`/api/sessions?residentId=${world.ids.resident}`, `/api/sessions?studyInstanceUID=${CHEST_CT_STUDY}`]) expect((await list(url, person)).sessions).toEqual([]);
      }
    });
  });
});
