import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../../src/core/rubric/rubricSchema';
import type { TeachingSession } from '../../../src/core/session/session';
import { emptyWork } from '../../../src/core/session/stageWork';
import { CHEST_CT_SERIES, CHEST_CT_SOP, CHEST_CT_STUDY, recordsWorld, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { fullMarks, fullSheet } from '../../fixtures/sessionRules';
import { testDatabases } from '../../support/postgres';

/**
 * The guide has the resident find the signs and write the report on their own: the tutor's
 * corrective drawings stay out of the resident's list until sign-off, on both databases.
 */

const databases = testDatabases();
afterAll(() => databases.cleanup());

const drawing = (label: string) => ({
  version: 0,
  studyInstanceUID: CHEST_CT_STUDY,
  seriesInstanceUID: CHEST_CT_SERIES,
  sopInstanceUID: CHEST_CT_SOP,
  frameNumber: null,
  annotation: { metadata: { toolName: 'Length', referencedImageId: 'wadors:/x' }, data: { label, handles: { points: [[1, 2, 3], [4, 5, 6]] } } },
});

describe.each(['sqlite', 'postgres'] as const)("the tutor's corrections on %s", kind => {
  let world: RecordsWorld;

  beforeAll(async () => {
    world = await recordsWorld(databases.locations[kind]);
  });
  afterAll(() => world?.close());

  const send = (person: PersonKey, options: InjectOptions) => world.app.inject({ ...options, headers: { cookie: world.cookies[person], ...(options.headers as Record<string, string> | undefined) } });
  const sessionUrl = () => `/api/sessions/${world.sessionId}`;
  const listed = async (person: PersonKey) => {
    const response = await send(person, { method: 'GET', url: `${sessionUrl()}/annotations` });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().annotations as Array<{ uid: string; authorRole: string }>).map(item => `${item.uid}:${item.authorRole}`).sort();
  };
  const draw = async (person: PersonKey, uid: string) => {
    const response = await send(person, { method: 'PUT', url: `${sessionUrl()}/annotations/${uid}`, payload: drawing(uid) });
    expect(response.statusCode, response.body).toBe(200);
  };
  const current = async () => (await send('tutor', { method: 'GET', url: sessionUrl() })).json() as { session: TeachingSession; version: number };
  const run = async (person: PersonKey, command: unknown) => {
    const { version } = await current();
    const response = await send(person, { method: 'POST', url: `${sessionUrl()}/commands`, payload: { version, command } });
    expect(response.statusCode, `${JSON.stringify(command).slice(0, 60)}: ${response.body}`).toBe(200);
    return response.json().session as TeachingSession;
  };

  it("lists the tutor's drawings to the tutor but not to the resident while the session is open", async () => {
    await draw('resident', 'resident-nodule');
    await draw('tutor', 'tutor-missed-effusion');
    expect(await listed('tutor')).toEqual(['resident-nodule:resident', 'tutor-missed-effusion:tutor']);
    expect(await listed('resident')).toEqual(['resident-nodule:resident']);
    // Other people who may see the session are not the one learning from it.
    expect(await listed('admin')).toEqual(['resident-nodule:resident', 'tutor-missed-effusion:tutor']);
  });

  it('shows them to the resident once the session is signed off', async () => {
    await run('tutor', { type: 'startClock' });
    const work = emptyWork();
    for (const stage of STAGES) {
      await run('resident', { type: 'saveWork', stage, work: work[stage] });
      const session = await run('resident', { type: 'submitStage', stage });
      if (stage === '4.5') await run('tutor', { type: 'evaluateReport', evaluation: fullSheet(session) });
      else await run('tutor', { type: 'evaluateStage', stage, evaluation: fullMarks(session, stage) });
    }
    expect(await listed('resident')).toEqual(['resident-nodule:resident']);
    const signed = await run('tutor', { type: 'signOff' });
    expect(signed.signOff).toBeDefined();
    expect(await listed('resident')).toEqual(['resident-nodule:resident', 'tutor-missed-effusion:tutor']);
  });
});
