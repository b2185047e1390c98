import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseReportSheet, DEFAULT_RUBRIC_SET } from '../../../src/core/rubric/defaultRubrics';
import { sessionCreatedEvent } from '../../../src/core/rules/applyCommand';
import { replaySession } from '../../../src/core/rules/replaySession';
import type { SessionEvent } from '../../../src/core/rules/sessionEvent';
import { createSession } from '../../../src/core/session/createSession';
import { CLINICAL_ITEMS } from '../../../src/core/session/stageWork';
import { CHEST_CT_SERIES as SERIES, CHEST_CT_SOP as SOP, CHEST_CT_STUDY as STUDY, storedCase } from '../../fixtures/recordsWorld';
import { hashPassword } from '../../../src/records/auth/passwords';
import { openDatabase, type DatabaseLocation, type Dialect } from '../../../src/records/db/openDatabase';
import type { Account } from '../../../src/records/repository/RecordsRepository';
import { newAccount } from '../../../src/records/repository/newAccount';
import { KyselyRepository } from '../../../src/records/repository/kyselyRepository';
import { testDatabases, type TestDatabases } from '../../support/postgres';
import { startRecordsService, type RunningRecords } from '../../support/recordsProcess';

/**
 * The records service as a department runs it (src/server/recordsMain.ts in a process of its own),
 * killed with SIGKILL in the middle of a burst of autosaves from concurrent clients, then started
 * again on the same database. Every answer a client got is held against what the database kept:
 * acknowledged writes are there, refused ones are not, and the ones that got no answer at all are
 * applied at most once however often they are retried with their Idempotency-Key.
 */

const DEPARTMENT = 'durability';
const PASSWORD = 'durability password';
const RESIDENTS = 6;
/** Each resident has two viewer tabs drawing (three annotations each) and the stage 4.1 form autosaving. */
const DRAWING_TABS = 2;
const UIDS_PER_TAB = 3;
/** The kill comes once this many writes were acknowledged, with every client's next one in flight. */
const KILL_AFTER_ACKS = 400;

// ---------------------------------------------------------------------------------------------
// HTTP over one keep-alive agent per process; no answer (refused connection, reset, cut-off body)
// is a rejection.

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service sent it
  body: any;
}

function call(agent: http.Agent, base: string, method: string, url: string, options: { cookie?: string; key?: string; body?: unknown } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = http.request(
      new URL(url, base),
      {
        method,
        agent,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.key ? { 'idempotency-key': options.key } : {}),
        },
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        // A connection that dies after the status line but before the end of the body is no answer either.
        response.on('close', () => (response.complete ? undefined : reject(new Error('response cut off'))));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          try {
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? JSON.parse(text) : null });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on('error', reject);
    request.setTimeout(15_000, () => request.destroy(new Error('no answer within 15 s')));
    request.end(payload);
  });
}

// ---------------------------------------------------------------------------------------------
// The department, written straight into the database before the service first starts (so nothing
// depends on the demo seed): a tutor, residents, one case and a session per resident.

async function prepareDepartment(location: DatabaseLocation): Promise<{ tutorId: string; residents: Array<{ id: string; sessionId: string }> }> {
  const database = await openDatabase(location);
  const repository = new KyselyRepository(database.db);
  try {
    const at = new Date().toISOString();
    await repository.createDepartment({ id: DEPARTMENT, name: '持久性测试放射科', createdAt: at });
    const passwordHash = await hashPassword(PASSWORD);
    const account = (id: string, role: 'tutor' | 'resident'): Account =>
      newAccount({ id, departmentId: DEPARTMENT, username: id, name: id, role, trainingYear: role === 'resident' ? 2 : null, passwordHash }, at);
    const tutorId = 'tutor-1';
    await repository.createAccount(account(tutorId, 'tutor'));
    const teachingCase = storedCase('case-1', tutorId, at);
    await repository.createCase(DEPARTMENT, teachingCase, at);
    const residents: Array<{ id: string; sessionId: string }> = [];
    for (let index = 1; index <= RESIDENTS; index++) {
      const id = `resident-${index}`;
      await repository.createAccount(account(id, 'resident'));
      const session = createSession({
        id: `session-${index}`,
        teachingCase,
        resident: { id, trainingYear: 2 },
        tutorId,
        stageForm: DEFAULT_RUBRIC_SET.stageForm,
        reportSheet: chooseReportSheet(DEFAULT_RUBRIC_SET.reportSheets, teachingCase.modality),
        schedule: { plannedAt: at, place: '阅片室 1' },
        createdAt: at,
      });
      await repository.createSession(DEPARTMENT, session, sessionCreatedEvent(session, { id: tutorId, role: 'tutor' }, at));
      residents.push({ id, sessionId: session.id });
    }
    return { tutorId, residents };
  } finally {
    await repository.close();
  }
}

async function signIn(agent: http.Agent, base: string, username: string): Promise<string> {
  const answer = await call(agent, base, 'POST', '/api/auth/sign-in', { body: { username, password: PASSWORD } });
  const header = answer.headers['set-cookie']?.[0];
  if (answer.status !== 200 || !header) throw new Error(`${username} could not sign in: ${answer.status} ${JSON.stringify(answer.body)}`);
  return header.split(';')[0]!;
}

// ---------------------------------------------------------------------------------------------
// The burst: every write is logged with what came back.

type Outcome = 'acknowledged' | 'refused' | 'unknown' | 'failed';

interface Write {
  kind: 'annotation' | 'command';
  client: string;
  cookie: string;
  method: 'PUT' | 'POST';
  url: string;
  key: string;
  body: Record<string, unknown>;
  sessionId: string;
  /** The annotation written, or the session for a command. */
  target: string;
  /** The version the write was made on. */
  version: number;
  /** Made to be refused: an out-of-date version, or work the rules refuse. */
  doomed: boolean;
  /** Work that breaks the schema of its stage (the other doomed writes are out of date). */
  invalid?: boolean;
  /** Unique to this write, inside what it writes. */
  marker: string;
  outcome?: Outcome;
  answer?: Answer;
  error?: string;
}

const annotationBody = (uid: string, marker: string, n: number, version: number) => ({
  version,
  studyInstanceUID: STUDY,
  seriesInstanceUID: SERIES,
  sopInstanceUID: SOP,
  frameNumber: null,
  annotation: {
    annotationUID: uid,
    marker,
    metadata: { toolName: 'Length', FrameOfReferenceUID: `${STUDY}.9`, referencedImageId: `wadors:/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${SOP}/frames/1` },
    data: { handles: { points: [[n, 10, 0], [n + 12.5, 24, 0]], activeHandleIndex: null }, cachedStats: { length: 18.4 + n / 100, unit: 'mm' } },
    highlighted: false,
    isLocked: false,
  },
});

/** Stage 4.1 with the marker as its summary; `invalid` breaks a rule of the work's schema. */
const clinicalWork = (marker: string, invalid: boolean) => ({
  items: Object.fromEntries(
    CLINICAL_ITEMS.map(item => [item, invalid && item === 'complaint' ? { status: 'obtained', text: '', from: 'patient' } : { status: 'available', text: `${item} 已知` }]),
  ),
  summary: marker,
});

interface Client {
  name: string;
  cookie: string;
  sessionId: string;
}

async function burst(records: RunningRecords, agent: http.Agent, drawers: Client[], formFillers: Array<Client & { version: number }>) {
  const writes: Write[] = [];
  let acknowledged = 0;
  let killed = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => records.child.once('exit', (code, signal) => resolve({ code, signal })));
  const kill = () => {
    if (killed) return;
    killed = true;
    records.child.kill('SIGKILL');
  };
  // Only if writes stop being acknowledged; the test then fails on the count.
  const deadline = setTimeout(kill, 30_000);

  async function send(write: Write): Promise<Answer | undefined> {
    writes.push(write);
    try {
      const answer = await call(agent, records.url, write.method, write.url, { cookie: write.cookie, key: write.key, body: write.body });
      write.answer = answer;
      write.outcome = answer.status < 300 && answer.body ? 'acknowledged' : answer.status < 500 ? 'refused' : 'failed';
      // A moment after the answer, at no particular point of whatever the service is doing then.
      if (write.outcome === 'acknowledged' && ++acknowledged === KILL_AFTER_ACKS) setTimeout(kill, Math.random() * 3);
      return answer;
    } catch (error) {
      write.outcome = 'unknown';
      write.error = (error as Error).message;
      return undefined;
    }
  }

  async function drawingTab({ name, cookie, sessionId }: Client) {
    const uids = Array.from({ length: UIDS_PER_TAB }, (_, index) => `${name}.${index}`);
    const versions = new Map(uids.map(uid => [uid, 0]));
    for (let n = 0; ; n++) {
      const uid = uids[n % uids.length]!;
      const current = versions.get(uid)!;
      // Now and then a write on the version before: version 0 of one that exists, or one behind.
      const doomed = current > 0 && n % 9 === 8;
      const version = doomed ? current - 1 : current;
      const marker = `${name}#${n}`;
      const answer = await send({
        kind: 'annotation',
        client: name,
        cookie,
        method: 'PUT',
        url: `/api/sessions/${sessionId}/annotations/${uid}`,
        key: randomUUID(),
        body: annotationBody(uid, marker, n, version),
        sessionId,
        target: uid,
        version,
        doomed,
        marker,
      });
      if (!answer) return;
      if (answer.status === 200) versions.set(uid, answer.body.version);
    }
  }

  async function stageForm({ name, cookie, sessionId, version: startVersion }: Client & { version: number }) {
    let current = startVersion;
    for (let n = 0; ; n++) {
      // Now and then a save on the version before the last save, which it collides with, or work
      // that breaks the schema of stage 4.1.
      const stale = current > startVersion && n % 7 === 6;
      const invalid = !stale && n % 11 === 10;
      const version = stale ? current - 1 : current;
      const marker = `${name}#${n}`;
      const answer = await send({
        kind: 'command',
        client: name,
        cookie,
        method: 'POST',
        url: `/api/sessions/${sessionId}/commands`,
        key: randomUUID(),
        body: { version, command: { type: 'saveWork', stage: '4.1', work: clinicalWork(marker, invalid) } },
        sessionId,
        target: sessionId,
        version,
        doomed: stale || invalid,
        invalid,
        marker,
      });
      if (!answer) return;
      if (answer.status === 200) current = answer.body.version;
    }
  }

  await Promise.all([...drawers.map(drawingTab), ...formFillers.map(stageForm)]);
  clearTimeout(deadline);
  kill();
  return { writes, acknowledged, exit: await exited };
}

// ---------------------------------------------------------------------------------------------

/** A write on an out-of-date version is a conflict (409); work that breaks its schema is bad input (400). */
const refusalStatus = (write: Write) => (write.kind === 'command' && write.invalid ? 400 : 409);

/** How many events wrote the marker (the next save's event has it as the value before). */
const occurrences = (events: SessionEvent[], marker: string) =>
  events.filter(event => event.changes.some(change => JSON.stringify(change.after ?? null).includes(JSON.stringify(marker)))).length;

describe.each(['sqlite', 'postgres'] as const)('autosaves on %s when the records process is killed mid-burst', (dialect: Dialect) => {
  let databases: TestDatabases;
  let location: DatabaseLocation;
  let env: Record<string, string>;
  let first: RunningRecords | undefined;
  let second: RunningRecords | undefined;
  const firstAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const secondAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let tutor: { id: string; cookie: string };
  let residents: Array<{ id: string; sessionId: string; cookie: string }>;
  let clients: Client[];
  let result: Awaited<ReturnType<typeof burst>>;
  const api = (method: string, url: string, options?: { cookie?: string; key?: string; body?: unknown }) => call(secondAgent, second!.url, method, url, options);

  beforeAll(async () => {
    databases = testDatabases();
    const dataDir = path.dirname(databases.locations.sqlite.file);
    location = dialect === 'sqlite' ? { kind: 'sqlite', file: path.join(dataDir, 'records.sqlite') } : databases.locations.postgres;
    // Empty values rather than the runner's own, so the service opens exactly the database given.
    env = { TEACHING_DEMO: 'off', OIDC_ISSUER: '', DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_SCHEMA: '' };
    if (location.kind === 'postgres') Object.assign(env, { DATABASE_URL: location.url, DATABASE_SCHEMA: location.schema });
    const department = await prepareDepartment(location);

    first = await startRecordsService(env);
    tutor = { id: department.tutorId, cookie: await signIn(firstAgent, first.url, department.tutorId) };
    residents = [];
    for (const resident of department.residents) residents.push({ ...resident, cookie: await signIn(firstAgent, first.url, resident.id) });
    const formFillers: Array<Client & { version: number }> = [];
    for (const resident of residents) {
      // The session has begun: the tutor starts its clock.
      const started = await call(firstAgent, first.url, 'POST', `/api/sessions/${resident.sessionId}/commands`, {
        cookie: tutor.cookie,
        key: randomUUID(),
        body: { version: 1, command: { type: 'startClock' } },
      });
      if (started.status !== 200) throw new Error(`startClock: ${started.status} ${JSON.stringify(started.body)}`);
      formFillers.push({ name: `${resident.id}.form`, cookie: resident.cookie, sessionId: resident.sessionId, version: started.body.version });
    }
    const drawers: Client[] = residents.flatMap(resident =>
      Array.from({ length: DRAWING_TABS }, (_, tab) => ({ name: `${resident.id}.tab${tab + 1}`, cookie: resident.cookie, sessionId: resident.sessionId })),
    );
    // The tutor draws corrections on the first session meanwhile.
    drawers.push({ name: `${tutor.id}.tab1`, cookie: tutor.cookie, sessionId: residents[0]!.sessionId });
    clients = [...drawers, ...formFillers];

    result = await burst(first, firstAgent, drawers, formFillers);
    firstAgent.destroy();
    second = await startRecordsService(env);
  });

  afterAll(async () => {
    firstAgent.destroy();
    secondAgent.destroy();
    await second?.stop();
    await first?.stop();
    await databases?.cleanup();
  });

  const writesOf = (predicate: (write: Write) => boolean) => result.writes.filter(predicate);

  it('was killed in the middle of the burst, with every client waiting for an answer', () => {
    expect(result.exit.signal).toBe('SIGKILL');
    expect(result.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(writesOf(write => write.outcome === 'failed').map(write => `${write.answer?.status} ${JSON.stringify(write.answer?.body)}`)).toEqual([]);
    // Each client stops at its first write without an answer, so that is its last one.
    for (const client of clients) {
      const own = writesOf(write => write.client === client.name);
      expect(own.filter(write => write.outcome === 'unknown'), client.name).toHaveLength(1);
      expect(own.at(-1)?.outcome, client.name).toBe('unknown');
    }
    console.log(
      `${dialect}: ${result.writes.length} writes from ${clients.length} clients: ${result.acknowledged} acknowledged, ` +
        `${writesOf(write => write.outcome === 'refused').length} refused, ${writesOf(write => write.outcome === 'unknown').length} without an answer`,
    );
  });

  it('refused exactly the writes made to be refused, with the status that says why', () => {
    expect(writesOf(write => !write.doomed && write.outcome === 'refused').map(write => `${write.marker}: ${write.answer?.status} ${JSON.stringify(write.answer?.body)}`)).toEqual([]);
    expect(writesOf(write => write.doomed && write.outcome === 'acknowledged').map(write => write.marker)).toEqual([]);
    const refused = writesOf(write => write.outcome === 'refused');
    expect(refused.length).toBeGreaterThan(0);
    for (const write of refused) expect(write.answer?.status, write.marker).toBe(refusalStatus(write));
  });

  it('after the restart, has every acknowledged annotation at its version, or at the one unanswered write after it', async () => {
    const byUid = new Map<string, { sessionId: string; writes: Write[] }>();
    for (const write of writesOf(write => write.kind === 'annotation')) {
      const entry = byUid.get(write.target) ?? { sessionId: write.sessionId, writes: [] };
      entry.writes.push(write);
      byUid.set(write.target, entry);
    }
    const stored = new Map<string, { uid: string; version: number; annotation: { marker: string } }>();
    for (const resident of residents) {
      // Asked as the tutor, who sees every drawing: the resident sees the tutor's corrections only after sign-off.
      const listed = await api('GET', `/api/sessions/${resident.sessionId}/annotations`, { cookie: tutor.cookie });
      expect(listed.status).toBe(200);
      for (const annotation of listed.body.annotations) stored.set(annotation.uid, annotation);
    }
    expect([...stored.keys()].filter(uid => !byUid.has(uid))).toEqual([]);

    let checked = 0;
    let appliedUnanswered = 0;
    for (const [uid, { writes }] of byUid) {
      const acknowledged = writes.filter(write => write.outcome === 'acknowledged');
      const last = acknowledged.at(-1);
      const unanswered = writes.find(write => write.outcome === 'unknown' && !write.doomed);
      const lastVersion = last?.answer?.body.version ?? 0;
      // What may be there: the last acknowledged write exactly, or the unanswered one made on it.
      const allowed: Array<{ version: number; marker: string } | null> = [last ? { version: lastVersion, marker: last.marker } : null];
      if (unanswered && unanswered.version === lastVersion) allowed.push({ version: lastVersion + 1, marker: unanswered.marker });
      const found = stored.get(uid);
      expect(allowed, uid).toContainEqual(found ? { version: found.version, marker: found.annotation.marker } : null);
      if (last && found?.version === lastVersion) expect(found).toEqual(last.answer?.body);
      // Nothing refused is there.
      const refusedMarkers = writes.filter(write => write.outcome === 'refused').map(write => write.marker);
      if (found) expect(refusedMarkers).not.toContain(found.annotation.marker);
      checked += acknowledged.length;
      if (unanswered && found?.annotation.marker === unanswered.marker) appliedUnanswered++;
    }
    expect(checked).toBeGreaterThan(0);
    console.log(`${dialect}: ${appliedUnanswered} of the annotation writes without an answer had been applied before the kill`);
  });

  it('after the restart, has every acknowledged session command in the history, and nothing refused', async () => {
    let appliedUnanswered = 0;
    for (const resident of residents) {
      const [history, session] = await Promise.all([
        api('GET', `/api/sessions/${resident.sessionId}/events`, { cookie: resident.cookie }),
        api('GET', `/api/sessions/${resident.sessionId}`, { cookie: resident.cookie }),
      ]);
      expect(history.status).toBe(200);
      const events: SessionEvent[] = history.body.events.map((entry: { event: SessionEvent }) => entry.event);
      expect(events.map(event => event.seq)).toEqual(events.map((_, index) => index + 1));
      expect(session.body.version).toBe(events.length);
      const writes = writesOf(write => write.kind === 'command' && write.sessionId === resident.sessionId);
      const acknowledged = writes.filter(write => write.outcome === 'acknowledged');
      for (const write of acknowledged) {
        expect(events[write.answer!.body.version - 1], write.marker).toEqual(write.answer!.body.event);
        expect(occurrences(events, write.marker), write.marker).toBe(1);
      }
      for (const write of writes.filter(write => write.outcome === 'refused')) expect(occurrences(events, write.marker), write.marker).toBe(0);
      for (const write of writes.filter(write => write.outcome === 'unknown')) {
        expect(occurrences(events, write.marker), write.marker).toBeLessThanOrEqual(1);
        appliedUnanswered += occurrences(events, write.marker);
      }
      // At most the one unanswered save came after the last acknowledged one.
      const lastVersion = acknowledged.at(-1)?.answer?.body.version ?? 2;
      expect(events.length - lastVersion).toBeGreaterThanOrEqual(0);
      expect(events.length - lastVersion).toBeLessThanOrEqual(1);
    }
    console.log(`${dialect}: ${appliedUnanswered} of the session commands without an answer had been applied before the kill`);
  });

  it('applies a write retried with its Idempotency-Key at most once, answered or not', async () => {
    const retry = (write: Write) => api(write.method, write.url, { cookie: write.cookie, key: write.key, body: write.body });
    // The unanswered ones: whether or not they were applied before the kill, now they are, once.
    for (const write of writesOf(write => write.outcome === 'unknown')) {
      const again = await retry(write);
      const onceMore = await retry(write);
      if (write.doomed) {
        expect(again.status, write.marker).toBe(refusalStatus(write));
        expect(onceMore.status, write.marker).toBe(refusalStatus(write));
        continue;
      }
      expect(again.status, `${write.marker}: ${JSON.stringify(again.body)}`).toBe(200);
      expect(again.body.version, write.marker).toBe(write.version + 1);
      expect(onceMore.body, write.marker).toEqual(again.body);
    }
    // The answered ones get their first answer again and change nothing.
    for (const write of writesOf(write => write.outcome === 'acknowledged')) {
      const again = await retry(write);
      expect(again.status, write.marker).toBe(200);
      expect(again.body, write.marker).toEqual(write.answer!.body);
    }

    for (const resident of residents) {
      const history = await api('GET', `/api/sessions/${resident.sessionId}/events`, { cookie: resident.cookie });
      const events: SessionEvent[] = history.body.events.map((entry: { event: SessionEvent }) => entry.event);
      for (const write of writesOf(write => write.kind === 'command' && write.sessionId === resident.sessionId)) {
        expect(occurrences(events, write.marker), write.marker).toBe(write.doomed ? 0 : 1);
      }
      // Asked as the tutor, who sees every drawing: the resident sees the tutor's corrections only after sign-off.
      const listed = await api('GET', `/api/sessions/${resident.sessionId}/annotations`, { cookie: tutor.cookie });
      const written = new Set(writesOf(write => write.kind === 'annotation' && write.sessionId === resident.sessionId && !write.doomed).map(write => write.target));
      expect(listed.body.annotations.map((annotation: { uid: string }) => annotation.uid).sort()).toEqual([...written].sort());
      for (const annotation of listed.body.annotations as Array<{ uid: string; version: number; annotation: { marker: string } }>) {
        const writes = writesOf(write => write.kind === 'annotation' && write.target === annotation.uid && !write.doomed);
        // Every write made on the right version was applied now, once: the last one is there.
        expect({ version: annotation.version, marker: annotation.annotation.marker }, annotation.uid).toEqual({ version: writes.at(-1)!.version + 1, marker: writes.at(-1)!.marker });
      }
    }
  });

  it("replays each session's history to the state stored with it", async () => {
    await second?.stop();
    const database = await openDatabase(location);
    const repository = new KyselyRepository(database.db);
    try {
      for (const resident of residents) {
        const stored = await repository.getSession(DEPARTMENT, resident.sessionId);
        const events = (await repository.listEvents(DEPARTMENT, resident.sessionId)).map(entry => entry.event);
        expect(stored?.version).toBe(events.length);
        expect(replaySession(events)).toEqual(stored?.record);
        expect(events.filter(event => event.type === 'saveWork').length).toBeGreaterThan(0);
      }
    } finally {
      await repository.close();
    }
  });
});
