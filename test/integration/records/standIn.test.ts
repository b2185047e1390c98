import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_IN_HEADER } from '../../../src/records/auth/standIns';
import { LOCK_AFTER_FAILURES } from '../../../src/records/routes/authRoutes';
import { clinicalWork, cookieFrom, recordsWorld, WORLD_PASSWORD, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { fullMarks } from '../../fixtures/sessionRules';
import { testDatabases } from '../../support/postgres';

/**
 * A tutor taking over scoring at the resident's workstation: the resident stays signed in with the
 * cookie, and the requests that carry the stand-in token are the tutor's, recorded as the tutor's.
 */
const databases = testDatabases();
afterAll(() => databases.cleanup());

let addressCounter = 0;
/** Stand-ins are rate limited per address like sign-ins; each attempt comes from an address of its own. */
const freshAddress = () => {
  addressCounter += 1;
  return `10.2.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};

describe.each(['sqlite', 'postgres'] as const)('a tutor standing in at a workstation on %s', kind => {
  let world: RecordsWorld;
  /** A tutor of the other department, made by its administrator. */
  const southTutor = { username: 'southTutor', password: 'south tutor password' };

  beforeAll(async () => {
    world = await recordsWorld(databases.locations[kind]);
    const created = await world.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: world.cookies.outsider }, payload: { role: 'tutor', name: '钱南', ...southTutor } });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(() => world?.close());

  const send = (options: InjectOptions & { cookie?: string; standIn?: string }) => {
    const { cookie, standIn, ...rest } = options;
    return world.app.inject({ ...rest, headers: { ...(cookie ? { cookie } : {}), ...(standIn ? { [STAND_IN_HEADER]: standIn } : {}), ...(rest.headers as Record<string, string> | undefined) } });
  };
  const sessionUrl = () => `/api/sessions/${world.sessionId}`;

  /** A workstation of its own for each test: the resident signs in afresh. */
  async function residentWorkstation(person: PersonKey = 'resident'): Promise<string> {
    const response = await world.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: person, password: WORLD_PASSWORD }, remoteAddress: freshAddress() });
    expect(response.statusCode, response.body).toBe(200);
    return cookieFrom(response.headers['set-cookie']);
  }
  const standIn = (cookie: string | undefined, username: string, password = WORLD_PASSWORD) =>
    send({ method: 'POST', url: '/api/auth/stand-in', cookie, payload: { username, password }, remoteAddress: freshAddress() });
  async function startedStandIn(cookie: string, username = 'tutor'): Promise<string> {
    const response = await standIn(cookie, username);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().token;
  }
  const version = async () => (await send({ method: 'GET', url: sessionUrl(), cookie: world.cookies.tutor })).json().version as number;
  const command = async (cookie: string, body: unknown, token?: string) =>
    send({ method: 'POST', url: `${sessionUrl()}/commands`, cookie, standIn: token, payload: { version: await version(), command: body } });

  it('answers with a token, the tutor and the workstation; with the cookie the token makes the requests the tutor’s', async () => {
    const cookie = await residentWorkstation();
    const response = await standIn(cookie, 'tutor');
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ account: { id: world.ids.tutor, role: 'tutor', name: '王建国' }, workstation: { id: world.ids.resident } });
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(60 * 60 * 1000);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(4 * 60 * 60 * 1000);
    // The workstation stays the resident's: no new cookie.
    expect(response.headers['set-cookie']).toBeUndefined();
    const asTutor = await send({ method: 'GET', url: '/api/auth/me', cookie, standIn: body.token });
    expect(asTutor.json().account.id).toBe(world.ids.tutor);
    const asResident = await send({ method: 'GET', url: '/api/auth/me', cookie });
    expect(asResident.json().account.id).toBe(world.ids.resident);
    const current = await send({ method: 'GET', url: '/api/auth/stand-in', cookie, standIn: body.token });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ account: { id: world.ids.tutor }, workstation: { id: world.ids.resident }, expiresAt: body.expiresAt });
    expect(current.json().token).toBeUndefined();
  });

  it('records a score sent with the token as the tutor’s, and refuses the resident’s own score', async () => {
    const cookie = await residentWorkstation();
    expect((await command(cookie, { type: 'saveWork', stage: '4.1', work: clinicalWork('咳嗽两周，体检发现结节') })).statusCode).toBe(200);
    expect((await command(cookie, { type: 'submitStage', stage: '4.1' })).statusCode).toBe(200);
    const session = (await send({ method: 'GET', url: sessionUrl(), cookie })).json().session;
    const evaluation = { type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(session, '4.1') };

    const byResident = await command(cookie, evaluation);
    expect(byResident.statusCode).toBe(403);

    const token = await startedStandIn(cookie);
    const byTutor = await command(cookie, evaluation, token);
    expect(byTutor.statusCode, byTutor.body).toBe(200);
    const { events } = (await send({ method: 'GET', url: `${sessionUrl()}/events`, cookie })).json() as { events: Array<{ event: { type: string; actor: { id: string; role: string } } }> };
    const scored = events.filter(({ event }) => event.type === 'evaluateStage');
    expect(scored).toHaveLength(1);
    expect(scored[0]!.event.actor).toEqual({ id: world.ids.tutor, role: 'tutor' });
    expect(events.filter(({ event }) => event.type === 'submitStage').map(({ event }) => event.actor.id)).toEqual([world.ids.resident]);
  });

  it('counts a wrong password against the tutor’s lock-out, as signing in does', async () => {
    const cookie = await residentWorkstation();
    for (let attempt = 1; attempt <= LOCK_AFTER_FAILURES; attempt += 1) {
      const response = await standIn(cookie, 'otherTutor', `wrong password ${attempt}`);
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
      expect(response.json()).toMatchObject({ code: 'auth.wrongCredentials', messages: { zh: '用户名或密码不正确', en: 'Wrong username or password' } });
    }
    const locked = await standIn(cookie, 'otherTutor');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.locked');
    // Locked for signing in too: one count for both doors.
    const signIn = await world.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'otherTutor', password: WORLD_PASSWORD }, remoteAddress: freshAddress() });
    expect(signIn.statusCode).toBe(429);
    // The workstation is still signed in as the resident.
    expect((await send({ method: 'GET', url: '/api/auth/me', cookie })).json().account.id).toBe(world.ids.resident);
  });

  it('answers an unknown username as a wrong password', async () => {
    const cookie = await residentWorkstation();
    const response = await standIn(cookie, 'nobody-here');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.wrongCredentials');
  });

  it('refuses a resident’s password (not a tutor) and a tutor of another department', async () => {
    const cookie = await residentWorkstation();
    const resident = await standIn(cookie, 'otherResident');
    expect(resident.statusCode).toBe(403);
    expect(resident.json()).toMatchObject({ code: 'access.standInNotTutor', messages: { zh: '只有指导医师可以接管评分', en: 'Only a tutor can take over scoring' } });
    const stranger = await standIn(cookie, southTutor.username, southTutor.password);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().code).toBe('access.standInOtherDepartment');
  });

  it('needs the workstation’s cookie: the token alone, or with another sign-in, is refused', async () => {
    const cookie = await residentWorkstation();
    const token = await startedStandIn(cookie);
    const alone = await send({ method: 'GET', url: '/api/auth/me', standIn: token });
    expect(alone.statusCode).toBe(401);
    expect(alone.json().code).toBe('auth.standInNeedsSignIn');
    const elsewhere = await send({ method: 'GET', url: '/api/auth/me', cookie: world.cookies.otherResident, standIn: token });
    expect(elsewhere.statusCode).toBe(401);
    expect(elsewhere.json().code).toBe('auth.standInEnded');
    const made = await send({ method: 'POST', url: '/api/auth/stand-in', payload: { username: 'tutor', password: WORLD_PASSWORD }, remoteAddress: freshAddress() });
    expect(made.statusCode).toBe(401);
  });

  it('ends on hand-back: the token is then refused, never taken as the resident', async () => {
    const cookie = await residentWorkstation();
    const token = await startedStandIn(cookie);
    const handedBack = await send({ method: 'DELETE', url: '/api/auth/stand-in', cookie, standIn: token });
    expect(handedBack.statusCode).toBe(204);
    const after = await send({ method: 'GET', url: '/api/auth/me', cookie, standIn: token });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'auth.standInEnded', messages: { zh: expect.stringContaining('接管已结束') } });
    const score = await command(cookie, { type: 'pauseClock' }, token);
    expect(score.statusCode).toBe(401);
    expect((await send({ method: 'GET', url: '/api/auth/me', cookie })).json().account.id).toBe(world.ids.resident);
    expect((await send({ method: 'DELETE', url: '/api/auth/stand-in', cookie })).statusCode).toBe(404);
  });

  it('ends when the workstation signs out', async () => {
    const cookie = await residentWorkstation();
    const token = await startedStandIn(cookie);
    expect((await send({ method: 'POST', url: '/api/auth/sign-out', cookie, standIn: token })).statusCode).toBe(204);
    expect((await send({ method: 'GET', url: '/api/auth/me', cookie, standIn: token })).statusCode).toBe(401);
    const again = await residentWorkstation();
    expect((await send({ method: 'GET', url: '/api/auth/me', cookie: again, standIn: token })).json().code).toBe('auth.standInEnded');
  });

  it('changes nobody’s password during a takeover', async () => {
    const cookie = await residentWorkstation();
    const token = await startedStandIn(cookie);
    const change = await send({ method: 'POST', url: '/api/auth/password', cookie, standIn: token, payload: { currentPassword: WORLD_PASSWORD, newPassword: 'a brand new password' } });
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe('access.standInNoPasswordChange');
  });

  it('is in the OpenAPI document', async () => {
    const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths['/api/auth/stand-in'])).toEqual(expect.arrayContaining(['post', 'get', 'delete']));
    expect(document.paths['/api/auth/stand-in'].post.responses['201']).toBeDefined();
  });
});
