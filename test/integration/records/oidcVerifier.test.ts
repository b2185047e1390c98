import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOidcVerifier, DEFAULT_OIDC_CLAIMS, type OidcVerification } from '../../../src/records/auth/oidcVerifier';
import { freePort } from '../../support/net';
import { ACCESS_TOKEN_TTL_SECONDS, startOidcProvider, type RunningOidcProvider } from '../../support/oidcProvider';

const AUDIENCE = 'https://records.teaching.test/api';

const identities = {
  resident: { department: 'radiology', teaching_role: 'resident', training_year: 2, name: '王一', preferred_username: 'wang.yi' },
  tutor: { department: 'radiology', teaching_role: ['staff', 'tutor'], name: '李老师', preferred_username: 'li.laoshi' },
  // The fallbacks: a year sent as a string, no name (so the username), no username (so the subject).
  thirdYear: { department: 'radiology', teaching_role: 'resident', training_year: '3', preferred_username: 'zhao.san' },
  administrator: { department: 'radiology', teaching_role: 'administrator' },
  noDepartment: { teaching_role: 'tutor', name: 'Nobody' },
  noYear: { department: 'radiology', teaching_role: 'resident' },
  nurse: { department: 'radiology', teaching_role: ['nurse'] },
  badDepartment: { department: '../radiology', teaching_role: 'tutor' },
};

let provider: RunningOidcProvider;
let other: RunningOidcProvider;

beforeAll(async () => {
  provider = await startOidcProvider({ audience: AUDIENCE, identities });
  other = await startOidcProvider({ audience: AUDIENCE, identities });
});

afterAll(async () => {
  await provider?.stop();
  await other?.stop();
});

function verifier() {
  return createOidcVerifier({ issuer: provider.issuer, audience: AUDIENCE, claims: DEFAULT_OIDC_CLAIMS });
}

function refusal(result: OidcVerification) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.identity)}`);
  return result.problem;
}

describe('OIDC bearer tokens from a real provider', () => {
  it('maps a resident token to department, role and training year', async () => {
    const result = await verifier().verify(await provider.tokenFor('resident'));
    expect(result).toEqual({
      ok: true,
      identity: { subject: 'resident', departmentId: 'radiology', role: 'resident', trainingYear: 2, name: '王一', username: 'wang.yi' },
    });
  });

  it('takes the tutor role out of a list of roles and gives a tutor no training year', async () => {
    const result = await verifier().verify(await provider.tokenFor('tutor'));
    expect(result).toEqual({
      ok: true,
      identity: { subject: 'tutor', departmentId: 'radiology', role: 'tutor', trainingYear: null, name: '李老师', username: 'li.laoshi' },
    });
  });

  it('reads a training year sent as a string, "administrator" as admin, and falls back for name and username', async () => {
    const check = verifier();
    expect(await check.verify(await provider.tokenFor('thirdYear'))).toMatchObject({
      ok: true,
      identity: { role: 'resident', trainingYear: 3, name: 'zhao.san', username: 'zhao.san' },
    });
    expect(await check.verify(await provider.tokenFor('administrator'))).toMatchObject({
      ok: true,
      identity: { subject: 'administrator', role: 'admin', trainingYear: null, name: 'administrator', username: 'administrator' },
    });
  });

  it('refuses a token the provider issued for another service', async () => {
    const token = await provider.tokenFor('resident', { audience: 'https://pacs.teaching.test/' });
    const found = refusal(await verifier().verify(token));
    expect(found.code).toBe('auth.invalidToken');
    expect(found.message.en).toContain('aud');
  });

  it('refuses a token signed by a different provider, even when it names this provider\'s key', async () => {
    const check = verifier();
    const foreign = await other.tokenFor('resident');
    const unknownKey = refusal(await check.verify(foreign));
    expect(unknownKey.code).toBe('auth.invalidToken');
    expect(unknownKey.message.en).toContain('no applicable key');

    const header = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    const ownKid = header(await provider.tokenFor('resident')).kid;
    const relabelled = Buffer.from(JSON.stringify({ ...header(foreign), kid: ownKid })).toString('base64url');
    const badSignature = refusal(await check.verify([relabelled, ...foreign.split('.').slice(1)].join('.')));
    expect(badSignature.code).toBe('auth.invalidToken');
    expect(badSignature.message.en).toContain('signature verification failed');
  });

  it('refuses garbage and a token whose claims were altered after signing', async () => {
    const check = verifier();
    expect(refusal(await check.verify('not.a.token')).code).toBe('auth.invalidToken');
    expect(refusal(await check.verify('')).code).toBe('auth.invalidToken');

    const [header, payload, signature] = (await provider.tokenFor('resident')).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, teaching_role: 'admin' })).toString('base64url');
    expect(refusal(await check.verify(`${header}.${promoted}.${signature}`)).code).toBe('auth.invalidToken');
  });

  it('refuses an expired token', async () => {
    const check = verifier();
    const token = await provider.tokenFor('resident');
    expect((await check.verify(token)).ok).toBe(true);
    // Moving the verifier's clock past the token's lifetime rather than waiting it out.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000);
      expect(refusal(await check.verify(token)).code).toBe('auth.tokenExpired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('names the missing department claim in both languages', async () => {
    const found = refusal(await verifier().verify(await provider.tokenFor('noDepartment')));
    expect(found.code).toBe('auth.claimMissing');
    expect(found.message.en).toContain('"department"');
    expect(found.message.zh).toContain('"department"');
  });

  it('refuses a resident without a training year, an unknown role and a department that is not an identifier', async () => {
    const check = verifier();
    const noYear = refusal(await check.verify(await provider.tokenFor('noYear')));
    expect(noYear).toMatchObject({ code: 'auth.claimMissing' });
    expect(noYear.message.en).toContain('"training_year"');

    const nurse = refusal(await check.verify(await provider.tokenFor('nurse')));
    expect(nurse.code).toBe('auth.roleUnknown');
    expect(nurse.message.en).toContain('nurse');

    const badDepartment = refusal(await check.verify(await provider.tokenFor('badDepartment')));
    expect(badDepartment.code).toBe('auth.claimInvalid');
    expect(badDepartment.message.en).toContain('"department"');
  });

  it('refuses cleanly, without throwing, while the issuer cannot be reached, and recovers once it can', async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    const check = createOidcVerifier({ issuer, audience: AUDIENCE, claims: DEFAULT_OIDC_CLAIMS });
    const found = refusal(await check.verify(await provider.tokenFor('resident')));
    expect(found.code).toBe('auth.issuerUnreachable');
    expect(found.message.zh).toContain(issuer);

    const late = await startOidcProvider({ audience: AUDIENCE, identities, port });
    try {
      expect(await check.verify(await late.tokenFor('resident'))).toMatchObject({ ok: true, identity: { role: 'resident' } });
    } finally {
      await late.stop();
    }
  });
});
