import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcVerifier, DEFAULT_OIDC_CLAIMS } from '../../../src/records/auth/oidcVerifier';
import { recordsWorld, type RecordsWorld } from '../../fixtures/recordsWorld';
import { startOidcProvider, type RunningOidcProvider } from '../../support/oidcProvider';
import { testDatabases } from '../../support/postgres';

const AUDIENCE = 'https://records.teaching.test/api';

const identities = {
  resident: { department: 'north', teaching_role: 'resident', training_year: 1, name: '郑小雨', preferred_username: 'zheng.xy' },
  tutor: { department: 'north', teaching_role: ['staff', 'tutor'], name: '黄医生', preferred_username: 'huang.ys' },
  stranger: { department: 'east', teaching_role: 'tutor', name: '无科室', preferred_username: 'nobody' },
};

/** The records service signing people in with the department's identity provider, over HTTP. */
describe.each(['sqlite', 'postgres'] as const)('bearer tokens of a real OpenID provider on %s', kind => {
  const databases = testDatabases();
  let provider: RunningOidcProvider;
  let world: RecordsWorld;

  beforeAll(async () => {
    provider = await startOidcProvider({ audience: AUDIENCE, identities });
    world = await recordsWorld(databases.locations[kind], { oidc: createOidcVerifier({ issuer: provider.issuer, audience: AUDIENCE, claims: DEFAULT_OIDC_CLAIMS }) });
  });

  afterAll(async () => {
    await world?.close();
    await provider?.stop();
    await databases.cleanup();
  });

  const me = (token: string) => world.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('gives a person of the department an account on first sight, with the role and year of the token', async () => {
    const first = await me(await provider.tokenFor('resident'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ via: 'bearer', department: { id: 'north' }, account: { name: '郑小雨', role: 'resident', trainingYear: 1 } });
    const again = await me(await provider.tokenFor('resident'));
    expect(again.json().account.id).toBe(first.json().account.id);
    const tutor = await me(await provider.tokenFor('tutor'));
    expect(tutor.json().account).toMatchObject({ role: 'tutor', trainingYear: null });
  });

  it('lets a token do what the role may, and no more', async () => {
    const token = await provider.tokenFor('tutor');
    const cases = await world.app.inject({ method: 'GET', url: '/api/cases', headers: { authorization: `Bearer ${token}` } });
    expect(cases.statusCode).toBe(200);
    expect(cases.json().cases).toHaveLength(1);
    // Not this tutor's session: it does not exist for them.
    const session = await world.app.inject({ method: 'GET', url: `/api/sessions/${world.sessionId}`, headers: { authorization: `Bearer ${token}` } });
    expect(session.statusCode).toBe(404);
    const people = await world.app.inject({ method: 'POST', url: '/api/people', headers: { authorization: `Bearer ${token}` }, payload: { role: 'tutor', username: 'x1', name: 'x', password: 'long enough pass' } });
    expect(people.statusCode).toBe(403);
  });

  it('needs no cross-site check for a token, which a foreign page cannot send', async () => {
    const token = await provider.tokenFor('tutor');
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example', host: 'records.local' },
      payload: { title: '肝脏病例', studyInstanceUIDs: ['1.2.3'], modality: 'US', bodyPart: 'LIVER', category: 'digestive', trainingYear: 1, realTime: true, objectives: ['超声'] },
    });
    expect(response.statusCode).toBe(201);
  });

  it('refuses a department that is not set up, a forged token and a bad header', async () => {
    const stranger = await me(await provider.tokenFor('stranger'));
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json()).toMatchObject({ code: 'auth.unknownDepartment' });
    const token = await provider.tokenFor('resident');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, teaching_role: 'admin' })).toString('base64url'), signature].join('.');
    const refused = await me(forged);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toMatch(/令牌|token/i);
    expect((await me('')).statusCode).toBe(401);
  });

  it('stops a deactivated person even while their token is valid', async () => {
    const token = await provider.tokenFor('tutor');
    const account = (await me(token)).json().account;
    const changed = await world.app.inject({ method: 'PATCH', url: `/api/people/${account.id}`, headers: { cookie: world.cookies.admin }, payload: { version: account.version, active: false } });
    expect(changed.statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(403);
  });
});
