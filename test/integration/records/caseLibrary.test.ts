import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeachingSession } from '../../../src/core/session/session';
import { CHEST_CT_SERIES, CHEST_CT_SOP, CHEST_CT_STUDY, caseInput, recordsWorld, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { commandsToScore } from '../../fixtures/scoredSession';
import { testDatabases } from '../../support/postgres';

/**
 * The case library through the API: the list with its filters, usage and preparers, copies with
 * their reference annotations, retiring, and who reads a case's reference annotations when.
 */

const databases = testDatabases();
afterAll(() => databases.cleanup());

const drawing = (version: number, uid: string, text = '参考：右上叶结节') => ({
  version,
  studyInstanceUID: CHEST_CT_STUDY,
  seriesInstanceUID: CHEST_CT_SERIES,
  sopInstanceUID: CHEST_CT_SOP,
  frameNumber: 30,
  annotation: { annotationUID: uid, metadata: { toolName: 'Length' }, data: { text, handles: { points: [[1, 2, 3], [4, 5, 6]] } } },
});

const referenceAnswer = (annotationIds: string[]) => ({
  findings: [{ id: 'ref-f1', kind: 'positive', description: '右上叶实性结节', location: 'RUL', annotationIds, pathology: '周围型肺癌可能' }],
  diagnosis: '周围型肺癌',
  report: { examination: '胸部 CT', clinicalInformation: '', technique: '', findings: '右肺上叶结节', impression: '考虑肺癌', recommendations: '' },
});

describe.each(['sqlite', 'postgres'] as const)('the case library on %s', kind => {
  let world: RecordsWorld;

  beforeAll(async () => {
    world = await recordsWorld(databases.locations[kind]);
  });
  afterAll(() => world?.close());

  const send = (person: PersonKey, options: InjectOptions) => world.app.inject({ ...options, headers: { cookie: world.cookies[person], ...(options.headers as Record<string, string> | undefined) } });
  const ok = async (person: PersonKey, options: InjectOptions, status = 200) => {
    const response = await send(person, options);
    expect(response.statusCode, `${options.method} ${options.url}: ${response.body}`).toBe(status);
    return response.statusCode === 204 ? null : response.json();
  };
  const library = async (query = '', person: PersonKey = 'tutor') =>
    (await ok(person, { method: 'GET', url: `/api/cases${query}` })).cases as Array<{ case: { id: string; title: string }; usage: number; preparedByName: string }>;
  const createCase = async (person: PersonKey, input: Record<string, unknown>) => (await ok(person, { method: 'POST', url: '/api/cases', payload: input }, 201)).case as { id: string };

  it('lists cases newest first with the sessions held on each and the name of who prepared it, filtered as asked', async () => {
    const byAdmin = await createCase('admin', { ...caseInput('Meningioma 脑膜瘤'), category: 'neuro', modality: 'MR', trainingYear: 3, objectives: ['识别硬膜尾征'] });
    await new Promise(resolve => setTimeout(resolve, 5));
    const byTutor = await createCase('otherTutor', { ...caseInput('肝血管瘤'), category: 'digestive', modality: 'US', bodyPart: 'LIVER', realTime: true, objectives: ['描述 Hemangioma 的回声'] });

    const all = await library();
    expect(all.slice(0, 2).map(entry => entry.case.id)).toEqual([byTutor.id, byAdmin.id]);
    const worldCase = all.find(entry => entry.case.id === world.caseId)!;
    expect(worldCase).toMatchObject({ usage: 1, preparedByName: '王建国' });
    expect(all.find(entry => entry.case.id === byAdmin.id)).toMatchObject({ usage: 0, preparedByName: '赵敏' });

    expect((await library('?category=neuro')).map(entry => entry.case.id)).toEqual([byAdmin.id]);
    expect((await library(`?preparedBy=${world.ids.otherTutor}`)).map(entry => entry.case.id)).toEqual([byTutor.id]);
    expect((await library(`?q=${encodeURIComponent('hemangioma')}`)).map(entry => entry.case.id)).toEqual([byTutor.id]);
    expect((await library(`?q=${encodeURIComponent('脑膜')}&trainingYear=3&modality=MR`)).map(entry => entry.case.id)).toEqual([byAdmin.id]);
    expect(await library(`?q=${encodeURIComponent('脑膜')}&modality=CT`)).toEqual([]);

    // A session more on a case shows in its usage.
    await ok('tutor', { method: 'POST', url: '/api/sessions', payload: { caseId: byAdmin.id, residentId: world.ids.otherResident, plannedAt: '2026-12-03T01:00:00.000Z', place: '阅片室 1' } }, 201);
    expect((await library('?category=neuro'))[0]?.usage).toBe(1);
  });

  it('retires a case out of the library and brings it back, keeping who and when', async () => {
    const made = await createCase('tutor', caseInput('要停用的病例'));
    const retired = await ok('otherTutor', { method: 'POST', url: `/api/cases/${made.id}/retire`, payload: { retired: true } });
    expect(retired.case.retired).toEqual({ at: expect.any(String), by: world.ids.otherTutor });
    expect(retired.version).toBe(2);
    expect((await library()).map(entry => entry.case.id)).not.toContain(made.id);
    expect((await library('?retired=true')).map(entry => entry.case.id)).toEqual([made.id]);
    expect((await library('?retired=all')).map(entry => entry.case.id)).toContain(made.id);
    // Retiring again changes nothing.
    expect((await ok('tutor', { method: 'POST', url: `/api/cases/${made.id}/retire`, payload: { retired: true } })).version).toBe(2);
    // An edit keeps the case retired.
    const edited = await ok('tutor', { method: 'PUT', url: `/api/cases/${made.id}`, payload: { version: 2, case: caseInput('要停用的病例（改）') } });
    expect(edited.case.retired).toEqual(retired.case.retired);

    const back = await ok('tutor', { method: 'POST', url: `/api/cases/${made.id}/retire`, payload: { retired: false } });
    expect(back.case).not.toHaveProperty('retired');
    expect((await library()).map(entry => entry.case.id)).toContain(made.id);
  });

  it('copies a case with its reference annotations under new uids, the reference findings following them', async () => {
    const original = await createCase('tutor', caseInput('被复制的病例'));
    const drawn = ['ref-a', 'ref-b'];
    for (const uid of drawn) await ok('tutor', { method: 'PUT', url: `/api/cases/${original.id}/annotations/${uid}`, payload: drawing(0, uid) });
    const current = await ok('tutor', { method: 'GET', url: `/api/cases/${original.id}` });
    await ok('tutor', { method: 'PUT', url: `/api/cases/${original.id}`, payload: { version: current.version, case: { ...caseInput('被复制的病例'), referenceAnswer: referenceAnswer(['ref-b']) } } });

    const copied = await ok('otherTutor', { method: 'POST', url: `/api/cases/${original.id}/duplicate` }, 201);
    expect(copied.version).toBe(1);
    expect(copied.case).toMatchObject({ title: '被复制的病例', duplicatedFrom: original.id, preparedBy: world.ids.otherTutor });
    expect(copied.case.id).not.toBe(original.id);

    const copies = (await ok('tutor', { method: 'GET', url: `/api/cases/${copied.case.id}/annotations` })).annotations as Array<{ uid: string; version: number; annotation: { annotationUID: string; data: { text: string } } }>;
    expect(copies).toHaveLength(2);
    for (const copy of copies) {
      expect(drawn).not.toContain(copy.uid);
      expect(copy.annotation.annotationUID).toBe(copy.uid);
      expect(copy.annotation.data.text).toBe('参考：右上叶结节');
      expect(copy.version).toBe(1);
    }
    const [findingIds] = copied.case.referenceAnswer.findings.map((finding: { annotationIds: string[] }) => finding.annotationIds);
    expect(findingIds).toHaveLength(1);
    expect(copies.map(copy => copy.uid)).toContain(findingIds[0]);

    // The two are independent: a drawing removed from the copy stays on the original.
    await ok('tutor', { method: 'DELETE', url: `/api/cases/${copied.case.id}/annotations/${copies[0]!.uid}?version=1` }, 204);
    expect((await ok('tutor', { method: 'GET', url: `/api/cases/${original.id}/annotations` })).annotations.map((entry: { uid: string }) => entry.uid)).toEqual(drawn);
  });

  it("versions a case's reference annotations: 409 with the current one, idempotent retries", async () => {
    const url = `/api/cases/${world.caseId}/annotations/ref-versioned`;
    const first = await ok('tutor', { method: 'PUT', url, payload: drawing(0, 'ref-versioned') });
    expect(first).toMatchObject({ uid: 'ref-versioned', authorId: world.ids.tutor, version: 1, frameNumber: 30 });
    const stale = await send('otherTutor', { method: 'PUT', url, payload: drawing(0, 'ref-versioned', '另一位老师') });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ uid: 'ref-versioned', version: 1 });
    // Another tutor moving it leaves the first as its author.
    expect(await ok('otherTutor', { method: 'PUT', url, payload: drawing(1, 'ref-versioned', '移动后') })).toMatchObject({ version: 2, authorId: world.ids.tutor });

    const key = { 'idempotency-key': `retry-${kind}-case-annotation` };
    const saved = await ok('tutor', { method: 'PUT', url, payload: drawing(2, 'ref-versioned', '重试'), headers: key });
    expect(await ok('tutor', { method: 'PUT', url, payload: drawing(2, 'ref-versioned', '重试'), headers: key })).toEqual(saved);
    expect(saved.version).toBe(3);

    const staleDelete = await send('tutor', { method: 'DELETE', url: `${url}?version=1` });
    expect(staleDelete.statusCode).toBe(409);
    expect(staleDelete.json().current.version).toBe(3);
    await ok('tutor', { method: 'DELETE', url: `${url}?version=3` }, 204);
    expect((await send('tutor', { method: 'DELETE', url: `${url}?version=3` })).statusCode).toBe(404);
  });

  it('shows the resident the reference annotations of their case only once their session on it is signed off, and never lets them change them', async () => {
    const uid = 'ref-after-sign-off';
    await ok('tutor', { method: 'PUT', url: `/api/cases/${world.caseId}/annotations/${uid}`, payload: drawing(0, uid) });
    const before = await send('resident', { method: 'GET', url: `/api/cases/${world.caseId}/annotations` });
    expect(before.statusCode).toBe(404);
    expect(before.body).not.toContain(uid);

    const initial = (await ok('tutor', { method: 'GET', url: `/api/sessions/${world.sessionId}` })).session as TeachingSession;
    for (const step of [...commandsToScore(initial), { by: 'tutor' as const, command: { type: 'signOff' } }]) {
      const { version } = await ok('tutor', { method: 'GET', url: `/api/sessions/${world.sessionId}` });
      await ok(step.by, { method: 'POST', url: `/api/sessions/${world.sessionId}/commands`, payload: { version, command: step.command } });
    }

    const after = await ok('resident', { method: 'GET', url: `/api/cases/${world.caseId}/annotations` });
    expect(after.annotations.map((entry: { uid: string }) => entry.uid)).toContain(uid);
    const change = await send('resident', { method: 'PUT', url: `/api/cases/${world.caseId}/annotations/${uid}`, payload: drawing(1, uid, '住院医师改') });
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe('access.organisersOnly');
    // Another resident, and another department, still cannot see them.
    expect((await send('otherResident', { method: 'GET', url: `/api/cases/${world.caseId}/annotations` })).statusCode).toBe(404);
    expect((await send('outsider', { method: 'GET', url: `/api/cases/${world.caseId}/annotations` })).statusCode).toBe(404);
  }, 60_000);
});
