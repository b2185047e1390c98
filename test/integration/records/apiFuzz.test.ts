import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaySession } from '../../../src/core/rules/replaySession';
import { readSession } from '../../../src/core/session/readSession';
import { readCase } from '../../../src/core/session/records';
import { annotationView } from '../../../src/records/api/annotations';
import { accountView as accountViewSchema } from '../../../src/records/api/people';
import { hashPassword } from '../../../src/records/auth/passwords';
import { accountView } from '../../../src/records/http/views';
import { CHEST_CT_SERIES, CHEST_CT_SOP, CHEST_CT_STUDY, caseInput, cookieFrom, PEOPLE, recordsWorld, WORLD_PASSWORD, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { testDatabases } from '../../support/postgres';

/**
 * Whatever anyone sends to any operation of the OpenAPI document, signed in or not, the service
 * answers with a 4xx or a success, never a 5xx or a crash, and what it stores stays readable by the
 * core: sessions, their histories, cases, annotations and accounts.
 */

/** The writes that change the world's session and its annotations get more runs: they are what the stored-records check is about. */
const WRITES_TO_THE_SESSION = ['runSessionCommand', 'saveAnnotation', 'deleteAnnotation'];

/** Stands for the version the world's session has when the request is sent. */
const CURRENT_VERSION = -424242;

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 60);

const CALLERS = ['anonymous', 'resident', 'otherResident', 'tutor', 'admin', 'outsider'] as const;
type Caller = (typeof CALLERS)[number];
const SIGNED_IN_CALLERS = CALLERS.filter((caller): caller is Exclude<Caller, 'anonymous'> => caller !== 'anonymous');

interface Operation {
  operationId: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
}

function operationsOf(document: { paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ in: string; name: string }> }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      operationId: operation.operationId,
      method: method.toUpperCase(),
      path,
      pathParams: (operation.parameters ?? []).filter(parameter => parameter.in === 'path').map(parameter => parameter.name),
      queryParams: (operation.parameters ?? []).filter(parameter => parameter.in === 'query').map(parameter => parameter.name),
    })),
  );
}

// ------------------------------------------------------------------------------------------------
// Arbitraries.

const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map(code => String.fromCharCode(code)), minLength: 1, maxLength: 30 });
const nasty = fc.constantFrom(
  '../',
  '../../etc/passwd',
  '..\\..\\windows',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE accounts; --",
  '\u0000',
  'a\u0000b',
  '\ud800',
  '😀👩‍⚕️',
  '右肺上叶结节 <b>粗体</b>',
  '\u202e反转',
  ' ',
  '',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '-1',
  '1e309',
  '0x10',
);
const huge = fc.integer({ min: 1_000, max: 200_000 }).chain(length => fc.constantFrom('x', '中', '😀').map(unit => unit.repeat(length)));
const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 2, arbitrary: chinese }, { weight: 3, arbitrary: nasty }, { weight: 1, arbitrary: huge }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) });
const printableAscii = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map(code => String.fromCharCode(code)), maxLength });

const wrongValue = fc.oneof(
  fc.anything(),
  text,
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e300, true, false, null, [], {}, [1, '2'], { $gt: '' }),
);

/** `arbitrary` in `times` out of `outOf` runs, null otherwise. */
const sometimes = <T>(times: number, outOf: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: outOf - times, arbitrary: fc.constant(null) }, { weight: times, arbitrary });

function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function setAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  const [head, ...rest] = path as [string, ...string[]];
  copy[head] = setAt(copy[head], rest, replacement);
  return copy;
}

/** A valid body with one part replaced by something else, or a key removed, or a key added. */
const mutated = (valid: unknown) =>
  fc.oneof(
    fc.record({ path: fc.constantFrom(...pathsOf(valid)), value: wrongValue }).map(({ path, value }) => setAt(valid, path, value)),
    fc.constantFrom(...pathsOf(valid).filter(path => path.length > 0)).map(path => setAt(valid, path, undefined)),
    fc.record({ key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toJSON')), value: wrongValue }).map(({ key, value }) =>
      typeof valid === 'object' && valid !== null ? { ...(valid as object), [key]: value } : valid,
    ),
  );

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', undefined] as const;

function encodeBody(body: unknown, contentType: string | undefined, raw: string | undefined): string | undefined {
  if (raw !== undefined) return raw;
  if (body === undefined) return undefined;
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    if (typeof body !== 'object' || body === null) return String(body);
    return new URLSearchParams(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value) ?? ''])).toString();
  }
  if (typeof body === 'string' && contentType?.startsWith('text/')) return body;
  return JSON.stringify(body) ?? undefined;
}

/** A lone surrogate cannot be percent-encoded; a browser would send U+FFFD for it. */
function encodePathValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

// ------------------------------------------------------------------------------------------------

const databases = testDatabases();
afterAll(() => databases.cleanup());

let addressCounter = 0;
const freshAddress = () => {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};

/** Accepts the answer as one the API may give: no 5xx, JSON with a message for refusals, HTML only from the sign-in operations, the score sheet and the worklist page. */
function checkAnswer(operation: Operation, response: LightMyRequestResponse, label: string) {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  const type = String(response.headers['content-type'] ?? '');
  if (type.startsWith('text/html')) {
    expect(['signIn', 'signInPage', 'scoreSheet', 'worklistPage'], `${label}: HTML from ${operation.operationId}`).toContain(operation.operationId);
    expect(response.body).toMatch(/^<!doctype html>/);
    if (response.statusCode >= 400) expect(response.body, label).toContain('data-testid="sign-in-error"');
    return;
  }
  if (response.statusCode === 204 || response.statusCode === 303) return;
  expect(type, label).toMatch(/^application\/json/);
  const body = JSON.parse(response.body);
  if (response.statusCode >= 400) {
    expect(typeof body.message, `${label}: ${response.body.slice(0, 300)}`).toBe('string');
    expect(body.message.length).toBeGreaterThan(0);
  }
}

describe.each(['sqlite', 'postgres'] as const)('fuzzing the API on %s', kind => {
  let world: RecordsWorld;
  let operations: Operation[];
  let worldHash: string;
  const cookies = {} as Record<PersonKey, string>;

  async function signIn(person: PersonKey) {
    const response = await world.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: person, password: WORLD_PASSWORD }, remoteAddress: freshAddress() });
    expect(response.statusCode, `sign-in of ${person}: ${response.body}`).toBe(200);
    cookies[person] = cookieFrom(response.headers['set-cookie']);
  }

  /**
   * The fuzzer may sign people out, reset their passwords, deactivate or lock them; it is meant to
   * be able to. Between runs the callers are put back so that every run really is signed in.
   */
  async function restoreCallers() {
    for (const person of SIGNED_IN_CALLERS) {
      const check = await world.app.inject({ method: 'GET', url: '/api/auth/check', headers: { cookie: cookies[person] } });
      if (check.statusCode === 204) continue;
      const department = PEOPLE[person].department;
      const account = (await world.repository.getAccount(department, world.ids[person]))!;
      const restored = await world.repository.updateAccount(department, account.id, account.version, { active: true, passwordHash: worldHash }, new Date().toISOString());
      expect(restored.outcome).toBe('written');
      await signIn(person);
    }
  }

  beforeAll(async () => {
    world = await recordsWorld(databases.locations[kind]);
    Object.assign(cookies, world.cookies);
    worldHash = await hashPassword(WORLD_PASSWORD);
    operations = operationsOf((await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    // Something drawn, so that reads have records to return and writes have versions to hit.
    const drawn = await world.app.inject({
      method: 'PUT',
      url: `/api/sessions/${world.sessionId}/annotations/seed-1`,
      headers: { cookie: cookies.resident },
      payload: { version: 0, studyInstanceUID: CHEST_CT_STUDY, seriesInstanceUID: CHEST_CT_SERIES, sopInstanceUID: CHEST_CT_SOP, frameNumber: 1, annotation: { data: { text: '结节' } } },
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
  });
  afterAll(() => world?.close());

  /** Real ids and versions, so that generated requests also reach past the lookups. */
  function validBodies(): Record<string, unknown> {
    const command = { version: 1, command: { type: 'saveWork', stage: '4.5', work: { examination: '胸部CT平扫', clinicalInformation: '', technique: '', findings: '右肺上叶见一结节', impression: '', recommendations: '' } } };
    return {
      signIn: { username: 'resident', password: 'not the password', returnTo: '/teaching' },
      changePassword: { currentPassword: 'not the password', newPassword: 'another long password' },
      createPerson: { role: 'resident', username: 'fuzzed.person', name: '新住院医师', password: 'long enough password', trainingYear: 1 },
      updatePerson: { version: 1, name: '改名', active: true, trainingYear: 2 },
      resetPassword: { password: 'a brand new password' },
      createCase: caseInput('模糊测试病例'),
      updateCase: { version: 1, case: caseInput('改过的病例') },
      openSession: { caseId: world.caseId, residentId: world.ids.resident, tutorId: world.ids.tutor, plannedAt: '2026-12-09T01:00:00.000Z', place: '阅片室' },
      runSessionCommand: command,
      saveAnnotation: { version: 0, studyInstanceUID: CHEST_CT_STUDY, seriesInstanceUID: CHEST_CT_SERIES, sopInstanceUID: CHEST_CT_SOP, frameNumber: null, annotation: { data: { text: '<script>alert(1)</script>' } } },
    };
  }

  /** Bodies the schemas accept, with any text in them, so that the rules and the storage get to work on them. */
  function validArbitraries(): Record<string, fc.Arbitrary<unknown>> {
    const anyText = fc.oneof(fc.string({ maxLength: 60 }), chinese, nasty, fc.string({ unit: 'grapheme', maxLength: 30 }));
    const stage = fc.constantFrom('4.1', '4.2', '4.3', '4.4', '4.5');
    const clinicalItem = fc.oneof(fc.record({ status: fc.constantFrom('available', 'missing'), text: anyText }), fc.record({ status: fc.constant('obtained'), text: chinese, from: fc.constantFrom('patient', 'referringDoctor') }));
    const reportWork = fc.record({ examination: anyText, clinicalInformation: anyText, technique: anyText, findings: anyText, impression: anyText, recommendations: anyText });
    const command = fc.oneof(
      fc.record({ type: fc.constant('saveWork'), stage: fc.constant('4.5'), work: reportWork }),
      fc.record({
        type: fc.constant('saveWork'),
        stage: fc.constant('4.1'),
        work: fc.record({ items: fc.record({ complaint: clinicalItem, history: clinicalItem, labs: clinicalItem, priorImaging: clinicalItem, examReason: clinicalItem, examPurpose: clinicalItem }), summary: anyText }),
      }),
      fc.record({ type: fc.constant('saveWork'), stage, work: fc.anything() }),
      fc.record({ type: fc.constant('savePreparation'), checklist: fc.record({ qualityStandard: fc.boolean(), writingNorms: fc.boolean(), examNorms: fc.boolean(), radiationProtection: fc.boolean() }) }),
      fc.record({ type: fc.constant('askQuestion'), stage, questionId: fc.constantFrom('q1', 'q2'), question: anyText }),
      fc.record({ type: fc.constant('answerQuestion'), stage, questionId: fc.constantFrom('q1', 'q2'), answer: anyText }),
      fc.record({ type: fc.constant('removeQuestion'), stage, questionId: fc.constantFrom('q1', 'q2') }),
      fc.record({ type: fc.constant('reschedule'), schedule: fc.record({ plannedAt: fc.constantFrom('2026-12-10T01:00:00.000Z', '2026-12-10T09:00:00+08:00'), place: anyText }) }),
      fc.record({ type: fc.constant('returnStage'), stage, reason: anyText }),
      fc.record({ type: fc.constant('acceptYearMismatch'), reason: anyText }),
      fc.record({ type: fc.constantFrom('notifyResident', 'startClock', 'pauseClock', 'resumeClock', 'endClock', 'signOff', 'recordPatientInformed') }),
      fc.record({ type: fc.constant('submitStage'), stage }),
      fc.record({
        type: fc.constant('evaluateStage'),
        stage,
        evaluation: fc.record({ scores: fc.dictionary(fc.stringMatching(/^[a-z-]{1,20}$/), fc.oneof(fc.integer({ min: -1, max: 30 }), fc.double())), notApplicable: fc.constant([]), criterionRemarks: fc.constant({}), remark: anyText, feedback: anyText, guidance: anyText }),
      }),
    );
    return {
      // A version of the moment's session is put in before sending (see below).
      runSessionCommand: fc.record({ version: fc.constant(CURRENT_VERSION), command }),
      saveAnnotation: fc.record({
        version: fc.constantFrom(0, 0, 1, 2),
        studyInstanceUID: fc.constantFrom(CHEST_CT_STUDY, '1.2.3'),
        seriesInstanceUID: fc.constant(CHEST_CT_SERIES),
        sopInstanceUID: fc.constant(CHEST_CT_SOP),
        frameNumber: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 500 })),
        annotation: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
      }),
      createCase: fc.record({ ...Object.fromEntries(Object.entries(caseInput()).map(([key, value]) => [key, fc.constant(value)])), title: fc.oneof(chinese, nasty.filter(value => value.trim() !== '')), category: fc.oneof(fc.constantFrom('respiratory', 'neuro', 'breast'), chinese, fc.constant('a\u0000b')) }),
      updatePerson: fc.record({ version: fc.constantFrom(1, 2, 3), name: fc.oneof(chinese, fc.constant('😀 <b>名</b>')) }, { requiredKeys: ['version'] }),
    };
  }

  function requestArbitrary(operation: Operation) {
    const realIds = [world.sessionId, world.caseId, ...Object.values(world.ids), 'seed-1'];
    // Mostly the id the parameter names, so that requests get past the lookups; sometimes any id or anything at all.
    const likely: Record<string, fc.Arbitrary<string>> = {
      sessionId: fc.constant(world.sessionId),
      caseId: fc.constant(world.caseId),
      personId: fc.constantFrom(...Object.values(world.ids)),
      annotationUid: fc.oneof(fc.constant('seed-1'), fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/)),
    };
    const pathValue = (name: string) =>
      fc.oneof({ weight: 4, arbitrary: likely[name] ?? fc.constantFrom(...realIds) }, { weight: 1, arbitrary: fc.constantFrom(...realIds) }, { weight: 2, arbitrary: text });
    const pathParams = fc.record(Object.fromEntries(operation.pathParams.map(name => [name, pathValue(name)])) as Record<string, fc.Arbitrary<string>>);
    const rawPath = sometimes(1, 12, fc.constantFrom('/../', '/..', '/%2e%2e/', '/./', '//', '/%00', '/%E0%A4%A', '?', '#x'));
    const date = fc.oneof(
      fc.constantFrom('2026-01-01', '2026-12-31', '0001-01-01', '1899-12-31', '9999-12-31', '2026-02-29', '2024-02-29'),
      fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map(value => value.toISOString().slice(0, 10)),
    );
    const queryValue = fc.oneof(
      { weight: 2, arbitrary: text },
      { weight: 3, arbitrary: date },
      { weight: 2, arbitrary: fc.constantFrom('1', '2', '0', '-1', '2147483648', '9007199254740993', 'true', 'false', 'CT', '呼吸系统', CHEST_CT_STUDY, world.ids.resident) },
      { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
    );
    const declared = operation.queryParams.length
      ? fc.record(Object.fromEntries(operation.queryParams.map(name => [name, queryValue])) as Record<string, fc.Arbitrary<string | string[]>>, { requiredKeys: [] })
      : fc.constant({});
    const extra = fc.dictionary(fc.string({ maxLength: 10 }), queryValue, { maxKeys: 2 });
    const query = fc.tuple(declared, extra).map(([known, unknown]) => ({ ...unknown, ...known }) as Record<string, string | string[]>);
    const valid = validBodies()[operation.operationId];
    const wellFormed = validArbitraries()[operation.operationId];
    const body = fc.oneof(
      { weight: 1, arbitrary: fc.anything() },
      { weight: 1, arbitrary: fc.object() },
      { weight: 1, arbitrary: fc.jsonValue() },
      { weight: 1, arbitrary: huge },
      { weight: 1, arbitrary: fc.constant(undefined) },
      ...(valid === undefined ? [] : [{ weight: 1, arbitrary: fc.constant(valid) }, { weight: 5, arbitrary: mutated(valid) }]),
      ...(wellFormed === undefined ? [] : [{ weight: 5, arbitrary: wellFormed }]),
    );
    const raw = sometimes(1, 10, fc.oneof(fc.string(), fc.constantFrom('{', '{"a":', '[1,2', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', 'null', '""', '\u0000')));
    const caller = fc.oneof({ weight: 1, arbitrary: fc.constant<Caller>('anonymous') }, { weight: 5, arbitrary: fc.constantFrom(...SIGNED_IN_CALLERS) });
    const contentType = fc.oneof(
      { weight: 6, arbitrary: fc.constant<string | undefined>('application/json') },
      { weight: 4, arbitrary: fc.constantFrom<string | undefined>(...CONTENT_TYPES) },
    );
    const language = fc.constantFrom(undefined, 'en', 'zh-CN', 'fr', 'en-US,en;q=0.9', '*');
    const idempotencyKey = sometimes(1, 3, printableAscii(140));
    const version = sometimes(1, 2, fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constantFrom(2 ** 31, 2 ** 53)));
    // Anything in any part of the request …
    const wild = fc.record({ caller, pathParams, rawPath, query, body, raw, contentType, language, idempotencyKey, version });
    // … or a signed-in JSON request to the real records where only the body (and query) is arbitrary,
    // so that the rules and the storage see plenty of requests too, not only the schemas.
    const likelyParams = fc.record(Object.fromEntries(operation.pathParams.map(name => [name, likely[name] ?? fc.constantFrom(...realIds)])) as Record<string, fc.Arbitrary<string>>);
    const cleanBody = fc.oneof(
      ...(wellFormed === undefined ? [] : [{ weight: 3, arbitrary: wellFormed }]),
      ...(valid === undefined ? [] : [{ weight: 2, arbitrary: mutated(valid) }]),
      { weight: 1, arbitrary: fc.jsonValue() },
    );
    const clean = fc.record({
      // The session's own people most, so that the rules accept a fair share of the writes.
      caller: fc.oneof({ weight: 3, arbitrary: fc.constantFrom<Caller>('resident', 'tutor') }, { weight: 2, arbitrary: fc.constantFrom(...SIGNED_IN_CALLERS) }),
      pathParams: likelyParams,
      rawPath: fc.constant(null),
      query,
      body: cleanBody,
      raw: fc.constant(null),
      contentType: fc.constant<string | undefined>('application/json'),
      language,
      idempotencyKey: sometimes(1, 3, fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map(code => String.fromCharCode(code)), minLength: 8, maxLength: 64 })),
      version,
    });
    return fc.oneof({ weight: 3, arbitrary: wild }, { weight: 2, arbitrary: clean });
  }

  it('answers every operation of the OpenAPI document with no 5xx, whoever sends whatever', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    // Every operation is fuzzed even when an earlier one fails, so that one run reports them all.
    const failures: string[] = [];
    const stats = new Map<string, number>();
    for (const operation of operations.filter(each => !process.env.FUZZ_ONLY || each.operationId === process.env.FUZZ_ONLY)) {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation), async input => {
          let path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodePathValue(input.pathParams[name] ?? ''));
          if (input.rawPath) path = operation.pathParams.length ? path.replace(/\/[^/]*$/, input.rawPath) : `${path}${input.rawPath}`;
          const params = new URLSearchParams();
          for (const [key, value] of Object.entries(input.query)) for (const each of Array.isArray(value) ? value : [value]) params.append(key, each);
          if (input.version !== null) params.set('version', String(input.version));
          const search = params.toString();
          // Commands carry the version of the moment's session, so that they get as far as the rules.
          const bodyValue =
            typeof input.body === 'object' && input.body !== null && (input.body as { version?: unknown }).version === CURRENT_VERSION
              ? { ...input.body, version: (await world.repository.getSession('north', world.sessionId))!.version }
              : input.body;
          const payload = ['GET', 'HEAD'].includes(operation.method) ? undefined : encodeBody(bodyValue, input.contentType, input.raw ?? undefined);
          const headers: Record<string, string> = {};
          if (input.caller !== 'anonymous') headers.cookie = cookies[input.caller];
          if (payload !== undefined && input.contentType) headers['content-type'] = input.contentType;
          if (input.language) headers['accept-language'] = input.language;
          if (input.idempotencyKey !== null) headers['idempotency-key'] = input.idempotencyKey;
          const request: InjectOptions = {
            method: operation.method as InjectOptions['method'],
            url: `${path}${search ? `${path.includes('?') ? '&' : '?'}${search}` : ''}`,
            headers,
            remoteAddress: freshAddress(),
            ...(payload !== undefined ? { payload } : {}),
          };
          const response = await world.app.inject(request);
          if (process.env.FUZZ_STATS) {
            const code = /^application\/json/.test(String(response.headers['content-type'])) && response.statusCode >= 300 ? String(response.json().code) : '';
            const key = `${operation.operationId} ${response.statusCode} ${code}`;
            stats.set(key, (stats.get(key) ?? 0) + 1);
          }
          checkAnswer(operation, response, `${operation.operationId} ${request.method} ${String(request.url).slice(0, 200)} as ${input.caller}`);
          if (['signOut', 'changePassword', 'updatePerson', 'resetPassword', 'signIn'].includes(operation.operationId)) await restoreCallers();
        }),
        { numRuns: RUNS_PER_OPERATION * (WRITES_TO_THE_SESSION.includes(operation.operationId) ? 3 : 1), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      ).catch((error: Error) => {
        const summary = error.message.split('\n').filter(line => /^(Counterexample|\{ seed)/.test(line)).join('\n');
        failures.push(`${operation.operationId}: ${summary}\n${String((error.cause as Error | undefined)?.message ?? '').slice(0, 800)}`.slice(0, 2500));
      });
    }
    if (process.env.FUZZ_STATS) console.log([...stats].sort().map(([key, count]) => `${key}: ${count}`).join('\n'));
    expect(failures, failures.join('\n\n')).toEqual([]);

    // Still up.
    expect((await world.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('leaves every stored record readable by the core, each session equal to the replay of its history', async () => {
    let sessions = 0;
    for (const department of ['north', 'south']) {
      for (const { record, version } of await world.repository.listSessions(department, {})) {
        sessions += 1;
        const read = readSession(record);
        expect(read.ok, `session ${record.id}: ${read.ok ? '' : read.problem.message.en}`).toBe(true);
        const events = await world.repository.listEvents(department, record.id);
        expect(events.map(({ event }) => event.seq)).toEqual(events.map((_event, index) => index + 1));
        expect(events.length).toBe(version);
        expect(replaySession(events.map(({ event }) => event))).toEqual(record);
        for (const annotation of await world.repository.listAnnotations(department, record.id)) {
          const { sessionId: _session, ...view } = annotation;
          expect(annotationView.safeParse(view).success, JSON.stringify(view).slice(0, 300)).toBe(true);
        }
      }
      for (const { record } of await world.repository.listCases(department, {})) {
        const read = readCase(record);
        expect(read.ok, `case ${record.id}: ${read.ok ? '' : read.problem.message.en}`).toBe(true);
      }
      for (const account of await world.repository.listAccounts(department)) {
        expect(accountViewSchema.safeParse(accountView(account)).success, account.id).toBe(true);
      }
    }
    expect(sessions).toBeGreaterThan(0);
  });

  it('answers what the databases cannot hold alike, with a 4xx naming the field (these were 500s on PostgreSQL)', async () => {
    const nul = 'a\u0000b';
    const big = 99_999_999_999;
    const seedAnnotation = `/api/sessions/${world.sessionId}/annotations/regression-1`;
    const annotation = validBodies().saveAnnotation as Record<string, unknown>;
    const drawn = await world.app.inject({ method: 'PUT', url: seedAnnotation, headers: { cookie: cookies.resident }, payload: annotation });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const caseVersion = (await world.repository.getCase('north', world.caseId))!.version;
    const personVersion = (await world.repository.getAccount('north', world.ids.otherResident))!.version;
    const checks: Array<{ person?: PersonKey; request: InjectOptions; status: number; field?: string; code?: string }> = [
      { request: { method: 'POST', url: '/api/auth/sign-in', payload: { username: nul, password: 'whatever it is' }, remoteAddress: freshAddress() }, status: 401, code: 'auth.wrongCredentials' },
      { person: 'tutor', request: { method: 'POST', url: '/api/cases', payload: { ...caseInput(), category: nul } }, status: 400, field: 'category' },
      { person: 'tutor', request: { method: 'PUT', url: `/api/cases/${world.caseId}`, payload: { version: caseVersion, case: { ...caseInput(), category: nul } } }, status: 400, field: 'case.category' },
      { person: 'tutor', request: { method: 'PUT', url: `/api/cases/${world.caseId}`, payload: { version: big, case: caseInput() } }, status: 409, code: 'conflict' },
      { person: 'tutor', request: { method: 'GET', url: '/api/cases?category=%00' }, status: 400, field: 'category' },
      { person: 'resident', request: { method: 'GET', url: '/api/cases?modality=C%00' }, status: 400, field: 'modality' },
      { person: 'admin', request: { method: 'POST', url: '/api/people', payload: { role: 'tutor', username: 'nul.name', name: nul, password: 'long enough password' } }, status: 400, field: 'name' },
      { person: 'admin', request: { method: 'PATCH', url: `/api/people/${world.ids.otherResident}`, payload: { version: personVersion, name: nul } }, status: 400, field: 'name' },
      { person: 'admin', request: { method: 'PATCH', url: `/api/people/${world.ids.otherResident}`, payload: { version: big, name: '陈静' } }, status: 409, code: 'conflict' },
      { person: 'resident', request: { method: 'PUT', url: `/api/sessions/${world.sessionId}/annotations/huge-frame`, payload: { ...annotation, frameNumber: big } }, status: 400, field: 'frameNumber' },
      { person: 'resident', request: { method: 'PUT', url: seedAnnotation, payload: { ...annotation, version: Number.MAX_SAFE_INTEGER } }, status: 409, code: 'conflict' },
      { person: 'resident', request: { method: 'DELETE', url: `${seedAnnotation}?version=${big}` }, status: 409, code: 'conflict' },
      { person: 'resident', request: { method: 'GET', url: `/api/residents/${world.ids.resident}/progress?from=2026-12-31&to=2026-01-01` }, status: 400, field: 'to' },
      { person: 'resident', request: { method: 'GET', url: `/api/residents/${world.ids.resident}/progress?from=0001-01-01&to=9999-12-31` }, status: 400, field: 'from' },
      { person: 'resident', request: { method: 'GET', url: `/api/residents/${world.ids.resident}/progress?from=2000-01-01&to=2026-12-31` }, status: 400, field: 'to' },
    ];
    const casesBefore = (await world.repository.listCases('north', {})).length;
    for (const { person, request, status, field, code } of checks) {
      const response = await world.app.inject({ ...request, headers: person ? { cookie: cookies[person] } : {} });
      const label = `${request.method} ${request.url}`;
      expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
      const body = response.json();
      if (field) expect(body, label).toMatchObject({ code: 'input.invalid', field, message: expect.stringContaining(field) });
      if (code) expect(body.code, label).toBe(code);
    }
    expect((await world.repository.listCases('north', {})).length).toBe(casesBefore);
    expect(await world.repository.findAccountByUsername('nul.name')).toBeUndefined();
    expect((await world.repository.getAnnotation('north', world.sessionId, 'regression-1'))?.version).toBe(1);
  });

  it('answers a 2 MiB body with 413 input.tooLarge', async () => {
    const big = JSON.stringify({ version: 1, command: { type: 'saveWork', stage: '4.1', work: { summary: 'x'.repeat(2 * 1024 * 1024) } } });
    for (const url of [`/api/sessions/${world.sessionId}/commands`, '/api/cases']) {
      const response = await world.app.inject({ method: 'POST', url, headers: { cookie: cookies.resident, 'content-type': 'application/json' }, payload: big });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'input.tooLarge', message: '请求内容过大', messages: { en: 'The request is too large' } });
    }
    const english = await world.app.inject({
      method: 'PUT',
      url: `/api/sessions/${world.sessionId}/annotations/big-one`,
      headers: { cookie: cookies.resident, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ ...validBodies().saveAnnotation as object, annotation: { data: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(english.statusCode).toBe(413);
    expect(english.json()).toMatchObject({ code: 'input.tooLarge', message: 'The request is too large' });
  });

  it('names the wrongly typed field, in Chinese by default and in English when asked', async () => {
    // `translated`: the detail is zod's own wording, which must come in Chinese too (the schemas' own messages are as written).
    const cases: Array<{ request: InjectOptions; field: string; translated?: boolean }> = [
      { request: { method: 'POST', url: `/api/sessions/${world.sessionId}/commands`, payload: { version: '1', command: { type: 'notifyResident' } } }, field: 'version', translated: true },
      { request: { method: 'POST', url: `/api/sessions/${world.sessionId}/commands`, payload: { version: 1, command: { type: 'saveWork', stage: 4.1, work: {} } } }, field: 'command.stage', translated: true },
      {
        request: { method: 'PUT', url: `/api/sessions/${world.sessionId}/annotations/typed`, payload: { ...(validBodies().saveAnnotation as object), frameNumber: '一' } },
        field: 'frameNumber',
        translated: true,
      },
      { request: { method: 'GET', url: `/api/residents/${world.ids.resident}/progress?from=2026-13-01&to=2026-12-31` }, field: 'from' },
      { request: { method: 'POST', url: '/api/cases', payload: { ...caseInput(), trainingYear: '二' } }, field: 'trainingYear' },
    ];
    for (const { request, field, translated } of cases) {
      // Residents do not prepare cases; a tutor sends those.
      const cookie = String(request.url).startsWith('/api/cases') ? cookies.tutor : cookies.resident;
      const zh = await world.app.inject({ ...request, headers: { cookie } });
      expect(zh.statusCode, zh.body).toBe(400);
      const zhBody = zh.json();
      expect(zhBody.code).toBe('input.invalid');
      expect(zhBody.field).toBe(field);
      expect(zhBody.message).toContain(field);
      expect(zhBody.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(zhBody.message).toBe(zhBody.messages.zh);
      if (translated) expect(zhBody.message, zhBody.message).not.toMatch(/Invalid|expected|received/);

      const en = await world.app.inject({ ...request, headers: { cookie, 'accept-language': 'en-GB,en;q=0.9' } });
      const enBody = en.json();
      expect(en.statusCode).toBe(400);
      expect(enBody.field).toBe(field);
      expect(enBody.message).toMatch(new RegExp(`^Invalid (body|query|path) field ${field.replace('.', '\\.')}: `));
      expect(enBody.message).toBe(enBody.messages.en);
    }
  });
});
