import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoredSignComparison } from '../../../src/core/comparison/signComparison';
import { suggestSignScores } from '../../../src/core/comparison/suggestSignScores';
import { STAGES } from '../../../src/core/rubric/rubricSchema';
import { criteriaFor } from '../../../src/core/scoring/stageResult';
import type { TeachingSession } from '../../../src/core/session/session';
import { emptyWork, type Finding } from '../../../src/core/session/stageWork';
import type { ReferenceAnswer } from '../../../src/core/session/teachingCase';
import { caseInput, CHEST_CT_SERIES, CHEST_CT_SOP, CHEST_CT_STUDY, recordsWorld, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { fullMarks, fullSheet } from '../../fixtures/sessionRules';
import { StudyDirectoryUnavailable } from '../../../src/records/studies/StudyDirectory';
import { testDatabases } from '../../support/postgres';

/**
 * When the resident hands in stage 4.3, the records service compares their drawings with the case's
 * reference drawings and keeps the result for the tutor; the resident reads it after sign-off. On
 * both databases.
 */

const databases = testDatabases();
afterAll(() => databases.cleanup());

const FRAME_OF_REFERENCE = '1.2.826.0.1.3680043.8.498.1.9';

/** A cornerstone Length drawn on the axial slice at `z`, in patient coordinates (mm). */
const length = (uid: string, from: [number, number], to: [number, number], z = -120) => ({
  annotationUID: uid,
  metadata: { toolName: 'Length', FrameOfReferenceUID: FRAME_OF_REFERENCE, referencedImageId: `wadors:/dicom-web/studies/${CHEST_CT_STUDY}`, viewPlaneNormal: [0, 0, 1], viewUp: [0, -1, 0] },
  data: { label: '', handles: { points: [[...from, z], [...to, z]] } },
});

const placed = (annotation: Record<string, unknown>) => ({
  studyInstanceUID: CHEST_CT_STUDY,
  seriesInstanceUID: CHEST_CT_SERIES,
  sopInstanceUID: CHEST_CT_SOP,
  frameNumber: null,
  annotation,
});

/** The tutor's reference: a nodule and a hilar node drawn, no pleural effusion (a negative sign). */
const REFERENCE_DRAWINGS = { nodule: length('ref-nodule', [40, 20], [54, 20]), node: length('ref-node', [-60, 10], [-50, 10]) };
const referenceAnswer = (diagnosis = '周围型肺癌'): ReferenceAnswer => ({
  findings: [
    { id: 'ref-f-nodule', kind: 'positive', description: '右肺上叶分叶状结节', location: '右肺上叶', annotationIds: ['ref-nodule'], pathology: '' },
    { id: 'ref-f-node', kind: 'positive', description: '右肺门淋巴结肿大', location: '右肺门', annotationIds: ['ref-node'], pathology: '' },
    { id: 'ref-f-no-effusion', kind: 'negative', description: '无胸腔积液', location: '胸腔', annotationIds: [], pathology: '' },
  ],
  diagnosis,
  report: { examination: '胸部 CT 平扫', clinicalInformation: '', technique: '', findings: '右肺上叶结节', impression: diagnosis, recommendations: '' },
});

/** The resident finds the nodule (14.1 mm against 14 mm), misses the node, and draws a sign the reference does not have. */
const RESIDENT_DRAWINGS = { nodule: length('res-nodule', [40.5, 20.5], [54.6, 20.5]), extra: length('res-extra', [10, -70], [16, -70]) };
const RESIDENT_FINDINGS: Finding[] = [
  { id: 'res-f-nodule', kind: 'positive', description: '右肺上叶结节', location: '右肺上叶', annotationIds: ['res-nodule'], pathology: '' },
  { id: 'res-f-extra', kind: 'positive', description: '左肺下叶小结节', location: '左肺下叶', annotationIds: ['res-extra'], pathology: '' },
];

describe.each(['sqlite', 'postgres'] as const)('the sign comparison on %s', kind => {
  let world: RecordsWorld;

  beforeAll(async () => {
    world = await recordsWorld(databases.locations[kind]);
  });
  afterAll(() => world?.close());

  const send = (person: PersonKey, options: InjectOptions) => world.app.inject({ ...options, headers: { cookie: world.cookies[person], ...(options.headers as Record<string, string> | undefined) } });
  const comparisonUrl = (sessionId = world.sessionId) => `/api/sessions/${sessionId}/comparison`;
  const current = async (sessionId: string) => (await send('tutor', { method: 'GET', url: `/api/sessions/${sessionId}` })).json() as { session: TeachingSession; version: number };
  const run = async (person: PersonKey, sessionId: string, command: unknown) => {
    const { version } = await current(sessionId);
    const response = await send(person, { method: 'POST', url: `/api/sessions/${sessionId}/commands`, payload: { version, command } });
    expect(response.statusCode, `${JSON.stringify(command).slice(0, 60)}: ${response.body}`).toBe(200);
    return response.json().session as TeachingSession;
  };
  const read = async (person: PersonKey, sessionId = world.sessionId) => {
    const response = await send(person, { method: 'GET', url: comparisonUrl(sessionId) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as StoredSignComparison;
  };
  const tick = (person: PersonKey, findingId: string, recorded: boolean) => send(person, { method: 'PUT', url: `${comparisonUrl()}/negatives/${findingId}`, payload: { recorded } });

  async function setReference(answer: ReferenceAnswer) {
    const found = (await send('tutor', { method: 'GET', url: `/api/cases/${world.caseId}` })).json();
    const response = await send('tutor', { method: 'PUT', url: `/api/cases/${world.caseId}`, payload: { version: found.version, case: { ...caseInput(), referenceAnswer: answer } } });
    expect(response.statusCode, response.body).toBe(200);
  }

  async function drawReference(annotation: ReturnType<typeof length>, expectedVersion = 0) {
    const written = await world.repository.putCaseAnnotation(
      'north',
      { caseId: world.caseId, uid: annotation.annotationUID, authorId: world.ids.tutor, ...placed(annotation), updatedAt: new Date().toISOString() },
      expectedVersion,
    );
    expect(written.outcome).toBe('written');
  }

  async function draw(person: PersonKey, sessionId: string, annotation: ReturnType<typeof length>) {
    const response = await send(person, { method: 'PUT', url: `/api/sessions/${sessionId}/annotations/${annotation.annotationUID}`, payload: { version: 0, ...placed(annotation) } });
    expect(response.statusCode, response.body).toBe(200);
  }

  /** The clock started and stages 4.1 and 4.2 handed in, then stage 4.3 with the resident's findings. */
  async function submitSigns(sessionId: string) {
    await run('tutor', sessionId, { type: 'startClock' });
    const work = emptyWork();
    for (const stage of ['4.1', '4.2'] as const) {
      await run('resident', sessionId, { type: 'saveWork', stage, work: work[stage] });
      await run('resident', sessionId, { type: 'submitStage', stage });
    }
    await run('resident', sessionId, { type: 'saveWork', stage: '4.3', work: { findings: RESIDENT_FINDINGS } });
    return run('resident', sessionId, { type: 'submitStage', stage: '4.3' });
  }

  let first: StoredSignComparison;
  /** Opened for the failed comparison, still open. */
  let secondSession: string;

  it('compares the signs when the resident submits stage 4.3: one found, one missed, one extra', async () => {
    await setReference(referenceAnswer());
    await drawReference(REFERENCE_DRAWINGS.nodule);
    await drawReference(REFERENCE_DRAWINGS.node);
    await draw('resident', world.sessionId, RESIDENT_DRAWINGS.nodule);
    await draw('resident', world.sessionId, RESIDENT_DRAWINGS.extra);
    // The tutor's correction lies on the missed node: it shows the resident what they missed, it is not their answer.
    await draw('tutor', world.sessionId, length('tutor-node', [-60, 10], [-50, 10]));

    expect((await send('tutor', { method: 'GET', url: comparisonUrl() })).statusCode).toBe(404);
    const submitted = await submitSigns(world.sessionId);
    expect(submitted.stages['4.3'].status).toBe('submitted');

    first = await read('tutor');
    expect(first).toMatchObject({ sessionId: world.sessionId, caseId: world.caseId, computedBy: world.ids.resident, negativeChecks: {} });
    expect(first.result.found).toEqual([expect.objectContaining({ referenceUid: 'ref-nodule', residentUid: 'res-nodule' })]);
    expect(first.result.found[0]!.differenceMm).toBeCloseTo(0.1, 5);
    expect(first.result.missed).toEqual(['ref-node']);
    expect(first.result.extra).toEqual(['res-extra']);
    expect(first.resident.map(geometry => geometry.uid).sort()).toEqual(['res-extra', 'res-nodule']);
    expect(first.reference.findings.map(finding => finding.id)).toEqual(['ref-f-nodule', 'ref-f-node', 'ref-f-no-effusion']);

    // The suggestion is the core's for this comparison, and a missed sign costs points.
    const session = (await current(world.sessionId)).session;
    const criteria = criteriaFor(session.stageForm, '4.3', session.realTime);
    expect(first.suggestion).toEqual(
      suggestSignScores({
        criteria,
        step: session.stageForm.step,
        comparison: first.result,
        referenceFindings: first.reference.findings,
        residentFindings: RESIDENT_FINDINGS,
        negativeChecks: {},
        referenceAnnotations: first.reference.annotations.flatMap(annotation => (annotation.geometry ? [annotation.geometry] : [])),
        residentAnnotations: first.resident,
      }),
    );
    const positive = criteria.find(criterion => criterion.id === 'positive-signs')!;
    expect(positive.kind === 'points' && first.suggestion.scores['positive-signs']! < positive.max).toBe(true);
    expect(await read('admin')).toEqual(first);
  });

  it('keeps the comparison from the resident until sign-off, and from people who cannot see the session', async () => {
    const asResident = await send('resident', { method: 'GET', url: comparisonUrl() });
    expect(asResident.statusCode).toBe(403);
    expect(asResident.json()).toMatchObject({ code: 'access.afterSignOff', messages: { zh: expect.stringMatching(/签署/), en: expect.stringMatching(/signed the session off/) } });
    for (const person of ['otherResident', 'otherTutor', 'outsider'] as const) {
      const response = await send(person, { method: 'GET', url: comparisonUrl() });
      expect(response.statusCode, person).toBe(404);
      expect(response.json().code).toBe('notFound');
    }
    // Nor does the session the resident reads carry it.
    const asSession = await send('resident', { method: 'GET', url: `/api/sessions/${world.sessionId}` });
    expect(asSession.body).not.toContain('ref-node');
    expect((await send('resident', { method: 'POST', url: comparisonUrl() })).statusCode).toBe(403);
    expect((await tick('resident', 'ref-f-no-effusion', true)).statusCode).toBe(403);
  });

  it('recomputes the suggestion when the tutor ticks a negative sign', async () => {
    const ticked = await tick('tutor', 'ref-f-no-effusion', true);
    expect(ticked.statusCode, ticked.body).toBe(200);
    const withTick = ticked.json() as StoredSignComparison;
    expect(withTick.negativeChecks).toEqual({ 'ref-f-no-effusion': { recorded: true, by: world.ids.tutor, at: expect.any(String) } });
    expect(withTick.suggestion.scores['pertinent-negatives']).toBeGreaterThan(first.suggestion.scores['pertinent-negatives']!);
    expect(withTick.result).toEqual(first.result);
    expect(await read('tutor')).toEqual(withTick);

    const unticked = await tick('tutor', 'ref-f-no-effusion', false);
    expect(unticked.json().negativeChecks['ref-f-no-effusion'].recorded).toBe(false);
    // Ticked as not recorded scores as unticked, but says it was checked.
    expect(unticked.json().suggestion.scores).toEqual(first.suggestion.scores);
    expect(unticked.json().suggestion.reasons['pertinent-negatives']).not.toEqual(first.suggestion.reasons['pertinent-negatives']);
    expect((await tick('tutor', 'ref-f-no-effusion', true)).statusCode).toBe(200);
  });

  it('ticks only negative signs of the reference it compared with, naming the finding', async () => {
    const positive = await tick('tutor', 'ref-f-nodule', true);
    expect(positive.statusCode).toBe(400);
    expect(positive.json()).toMatchObject({ code: 'input.notNegativeSign', field: 'findingId' });
    expect(positive.json().messages.en).toContain('ref-f-nodule');
    const unknown = await tick('tutor', 'ref-f-unknown', true);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'notFound', field: 'findingId' });
    expect(unknown.json().messages.zh).toContain('ref-f-unknown');
    expect((await send('tutor', { method: 'PUT', url: `${comparisonUrl()}/negatives/ref-f-no-effusion`, payload: { recorded: 'yes' } })).statusCode).toBe(400);
  });

  it('compares again after the reference changed, keeping the ticks that still apply', async () => {
    // The tutor decides the "node" was not one after all, and draws the nodule a little longer.
    const answer = referenceAnswer();
    await setReference({ ...answer, findings: answer.findings.filter(finding => finding.id !== 'ref-f-node') });
    await world.repository.deleteCaseAnnotation('north', world.caseId, 'ref-node', 1);
    await drawReference(length('ref-nodule', [40, 20], [55, 20]), 1);

    const again = await send('tutor', { method: 'POST', url: comparisonUrl() });
    expect(again.statusCode, again.body).toBe(200);
    const recompared = again.json() as StoredSignComparison;
    expect(recompared.computedBy).toBe(world.ids.tutor);
    expect(recompared.caseVersion).toBeGreaterThan(first.caseVersion);
    expect(recompared.result.missed).toEqual([]);
    expect(recompared.result.found).toEqual([expect.objectContaining({ referenceUid: 'ref-nodule', residentUid: 'res-nodule' })]);
    expect(recompared.result.found[0]!.referenceMm).toBeCloseTo(15, 5);
    expect(recompared.result.extra).toEqual(['res-extra']);
    expect(recompared.negativeChecks['ref-f-no-effusion']).toMatchObject({ recorded: true, by: world.ids.tutor });
    expect(await read('tutor')).toEqual(recompared);
  });

  it('drops the tick of a negative sign the reference no longer has', async () => {
    const answer = referenceAnswer();
    await setReference({ ...answer, findings: answer.findings.filter(finding => finding.kind === 'positive' && finding.id !== 'ref-f-node') });
    const again = await send('admin', { method: 'POST', url: comparisonUrl() });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().negativeChecks).toEqual({});
    const gone = await tick('tutor', 'ref-f-no-effusion', true);
    expect(gone.statusCode).toBe(404);
    // Back to the reference with the negative sign, for the tests that follow.
    await setReference({ ...answer, findings: answer.findings.filter(finding => finding.id !== 'ref-f-node') });
    expect((await send('tutor', { method: 'POST', url: comparisonUrl() })).statusCode).toBe(200);
  });

  it('leaves the stored comparison as it was when the case is edited afterwards', async () => {
    const kept = await read('tutor');
    await setReference({ ...referenceAnswer('结核球'), findings: [] });
    await world.repository.deleteCaseAnnotation('north', world.caseId, 'ref-nodule', 2);
    const after = await read('tutor');
    expect(after).toEqual(kept);
    expect(after.reference.diagnosis).toBe('周围型肺癌');
    expect(after.reference.annotations.map(annotation => annotation.uid)).toEqual(['ref-nodule']);
    expect(after.reference.annotations[0]!.annotation).toEqual(length('ref-nodule', [40, 20], [55, 20]));
  });

  it('refuses to compare a case without any reference', async () => {
    const found = (await send('tutor', { method: 'GET', url: `/api/cases/${world.caseId}` })).json();
    const cleared = await send('tutor', { method: 'PUT', url: `/api/cases/${world.caseId}`, payload: { version: found.version, case: caseInput() } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const refused = await send('tutor', { method: 'POST', url: comparisonUrl() });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('state.noReference');
  });

  it('shows the resident the comparison once the session is signed off, and keeps it from changing', async () => {
    const kept = await read('tutor');
    let session = (await current(world.sessionId)).session;
    for (const stage of STAGES) {
      if (session.stages[stage].status === 'draft') {
        await run('resident', world.sessionId, { type: 'saveWork', stage, work: emptyWork()[stage] });
        session = await run('resident', world.sessionId, { type: 'submitStage', stage });
      }
      if (stage === '4.5') session = await run('tutor', world.sessionId, { type: 'evaluateReport', evaluation: fullSheet(session) });
      else session = await run('tutor', world.sessionId, { type: 'evaluateStage', stage, evaluation: fullMarks(session, stage) });
    }
    await run('tutor', world.sessionId, { type: 'signOff' });
    expect(await read('resident')).toEqual(kept);
    const ticked = await tick('tutor', 'ref-f-no-effusion', false);
    expect(ticked.statusCode).toBe(422);
    expect(ticked.json().code).toBe('state.signedOff');
    expect((await send('tutor', { method: 'POST', url: comparisonUrl() })).statusCode).toBe(422);
    expect(await read('tutor')).toEqual(kept);
  });

  it('answers the submission normally when comparing fails, and the tutor can compare afterwards', async () => {
    const opened = await send('tutor', { method: 'POST', url: '/api/sessions', payload: { caseId: world.caseId, residentId: world.ids.resident, plannedAt: '2026-12-09T01:00:00.000Z', place: '阅片室 2' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const sessionId = (secondSession = opened.json().session.id as string);
    await setReference(referenceAnswer());
    await drawReference(REFERENCE_DRAWINGS.nodule);
    await draw('resident', sessionId, length('res-nodule-2', [40.5, 20.5], [54.6, 20.5]));

    const broken = vi.spyOn(world.repository, 'listCaseAnnotations').mockRejectedValueOnce(new Error('the database went away'));
    const submitted = await submitSigns(sessionId);
    expect(broken).toHaveBeenCalled();
    broken.mockRestore();
    expect(submitted.stages['4.3'].status).toBe('submitted');
    expect((await send('tutor', { method: 'GET', url: comparisonUrl(sessionId) })).statusCode).toBe(404);

    const compared = await send('tutor', { method: 'POST', url: comparisonUrl(sessionId) });
    expect(compared.statusCode, compared.body).toBe(200);
    expect(compared.json().result.found).toEqual([expect.objectContaining({ referenceUid: 'ref-nodule', residentUid: 'res-nodule-2' })]);
  });

  it('does not count a reference drawing whose study the PACS no longer has as missed', async () => {
    const sessionId = secondSession;
    world.deps.studies = { missingStudies: async uids => uids.filter(uid => uid === CHEST_CT_STUDY) };
    try {
      const compared = await send('tutor', { method: 'POST', url: comparisonUrl(sessionId) });
      expect(compared.statusCode, compared.body).toBe(200);
      const comparison = compared.json() as StoredSignComparison;
      expect(comparison.result.missed).toEqual([]);
      expect(comparison.result.found).toEqual([]);
      expect(comparison.uncompared).toContainEqual(expect.objectContaining({ uid: 'ref-nodule', owner: 'reference' }));
    } finally {
      delete world.deps.studies;
    }
  });

  it('says so when the PACS cannot be asked, rather than counting its drawings as missed', async () => {
    const before = await read('tutor', secondSession);
    world.deps.studies = {
      missingStudies: async () => {
        throw new StudyDirectoryUnavailable('http://pacs.example/dicom-web: HTTP 502');
      },
    };
    try {
      const refused = await send('tutor', { method: 'POST', url: comparisonUrl(secondSession) });
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({ code: 'pacs.unavailable', messages: { en: expect.stringContaining('HTTP 502') } });
      expect(await read('tutor', secondSession)).toEqual(before);
    } finally {
      delete world.deps.studies;
    }
  });
});
