import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chooseReportSheet, DEFAULT_RUBRIC_SET } from '../src/core/rubric/defaultRubrics';
import { sessionCreatedEvent } from '../src/core/rules/applyCommand';
import { createSession } from '../src/core/session/createSession';
import { CHEST_CT_SERIES as SERIES, CHEST_CT_SOP as SOP, CHEST_CT_STUDY as STUDY, storedCase } from '../test/fixtures/recordsWorld';
import { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_IDLE_MS } from '../src/records/auth/sessionTokens';
import { openDatabase, type DatabaseLocation } from '../src/records/db/openDatabase';
import { KyselyRepository } from '../src/records/repository/kyselyRepository';
import { newAccount } from '../src/records/repository/newAccount';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../test/support/postgres';
import { startRecordsService, type RunningRecords } from '../test/support/recordsProcess';

// 50 viewers autosaving at once, each drawing on its own session; 300 writes/s is six saves a second
// from every one of them, far above what people drawing produce, so it is the busy department's peak.
const CLIENTS = Number(process.env.BENCH_AUTOSAVE_CLIENTS ?? 50);
const RATE = Number(process.env.BENCH_AUTOSAVE_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_AUTOSAVE_SECONDS ?? 10);
const WARM_UP_WRITES = 20;
const P99_TARGET_MS = 15;

const DEPARTMENT = 'bench';

interface Client {
  cookie: string;
  sessionId: string;
  uid: string;
  version: number;
}

/**
 * A department of CLIENTS residents, each with a session of their own and already signed in: the
 * sign-in tokens are written with the accounts, since the sign-in route allows 20 a minute.
 */
async function prepareDepartment(location: DatabaseLocation): Promise<Client[]> {
  const database = await openDatabase(location);
  const repository = new KyselyRepository(database.db);
  try {
    const now = new Date();
    const at = now.toISOString();
    const expires = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
    await repository.createDepartment({ id: DEPARTMENT, name: '基准测试放射科', createdAt: at });
    const account = (id: string, role: 'tutor' | 'resident') =>
      newAccount({ id, departmentId: DEPARTMENT, username: id, name: id, role, trainingYear: role === 'resident' ? 2 : null, passwordHash: null }, at);
    await repository.createAccount(account('tutor', 'tutor'));
    const teachingCase = storedCase('bench-case', 'tutor', at);
    await repository.createCase(DEPARTMENT, teachingCase, at);
    const clients: Client[] = [];
    for (let index = 1; index <= CLIENTS; index++) {
      const id = `resident-${index}`;
      await repository.createAccount(account(id, 'resident'));
      const session = createSession({
        id: `session-${index}`,
        teachingCase,
        resident: { id, trainingYear: 2 },
        tutorId: 'tutor',
        stageForm: DEFAULT_RUBRIC_SET.stageForm,
        reportSheet: chooseReportSheet(DEFAULT_RUBRIC_SET.reportSheets, teachingCase.modality),
        schedule: { plannedAt: at, place: '阅片室 1' },
        createdAt: at,
      });
      await repository.createSession(DEPARTMENT, session, sessionCreatedEvent(session, { id: 'tutor', role: 'tutor' }, at));
      const token = newSessionToken();
      await repository.createAuthSession(hashSessionToken(token), id, at, expires);
      clients.push({ cookie: `${SESSION_COOKIE}=${token}`, sessionId: session.id, uid: randomUUID(), version: 0 });
    }
    return clients;
  } finally {
    await repository.close();
  }
}

/** A Length measurement as cornerstoneTools serialises it, about 700 bytes. */
const annotationBody = (client: Client, n: number) => ({
  version: client.version,
  studyInstanceUID: STUDY,
  seriesInstanceUID: SERIES,
  sopInstanceUID: SOP,
  frameNumber: null,
  annotation: {
    annotationUID: client.uid,
    highlighted: false,
    isLocked: false,
    invalidated: false,
    metadata: {
      toolName: 'Length',
      FrameOfReferenceUID: `${STUDY}.9`,
      referencedImageId: `wadors:/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${SOP}/frames/1`,
      viewPlaneNormal: [0, 0, -1],
      viewUp: [0, -1, 0],
      cameraFocalPoint: [0.5, 0.5, -121.25],
    },
    data: {
      handles: { points: [[-41.2 + n / 10, 12.6, -121.25], [-23.9, 30.1 + n / 10, -121.25]], activeHandleIndex: null, textBox: { hasMoved: false, worldPosition: [-23.9, 30.1, -121.25] } },
      label: '',
      cachedStats: { [`imageId:wadors:/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${SOP}/frames/1`]: { length: 24.61 + n / 100, unit: 'mm' } },
    },
  },
});

/** One autosave; resolves with its latency in ms and whether it was saved (200 with the next version). */
function autosave(agent: http.Agent, base: string, client: Client, n: number): Promise<{ ms: number; ok: boolean }> {
  const payload = JSON.stringify(annotationBody(client, n));
  const started = performance.now();
  return new Promise(resolve => {
    const done = (ok: boolean) => resolve({ ms: performance.now() - started, ok });
    const request = http.request(
      new URL(`/api/sessions/${client.sessionId}/annotations/${client.uid}`, base),
      {
        method: 'PUT',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), cookie: client.cookie, 'idempotency-key': randomUUID() },
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => done(false));
        response.on('end', () => {
          if (response.statusCode !== 200) return done(false);
          client.version = (JSON.parse(Buffer.concat(chunks).toString()) as { version: number }).version;
          done(true);
        });
      },
    );
    request.on('error', () => done(false));
    request.setTimeout(10_000, () => request.destroy(new Error('timed out')));
    request.end(payload);
  });
}

interface RunFigures {
  latencies: number[];
  errors: number;
  seconds: number;
  /** Paced runs: writes that went out more than 5 ms after their turn because the one before was still waiting. */
  late: number;
}

/** Every client at its own fixed rate, staggered, so the total is `rate`; or, without a rate, each as fast as its answers come. */
async function run(agent: http.Agent, base: string, clients: Client[], seconds: number, rate?: number): Promise<RunFigures> {
  const figures: RunFigures = { latencies: [], errors: 0, seconds, late: 0 };
  const start = performance.now();
  const end = start + seconds * 1000;
  const interval = rate ? (clients.length / rate) * 1000 : 0;
  let n = 0;
  await Promise.all(
    clients.map(async (client, index) => {
      for (let turn = 0; ; turn++) {
        const due = start + (interval * index) / clients.length + turn * interval;
        if ((rate ? due : performance.now()) >= end) return;
        const wait = due - performance.now();
        if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
        else if (rate && wait < -5) figures.late++;
        const { ms, ok } = await autosave(agent, base, client, n++);
        figures.latencies.push(ms);
        if (!ok) figures.errors++;
      }
    }),
  );
  figures.seconds = (performance.now() - start) / 1000;
  return figures;
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : NaN;
}

function report(label: string, figures: RunFigures, target: 'target' | 'reference' | 'none'): void {
  const sorted = [...figures.latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
  const p99 = percentile(sorted, 0.99);
  const throughput = figures.latencies.length / figures.seconds;
  let line =
    `   ${label.padEnd(30)} p50 ${ms(percentile(sorted, 0.5))}  p95 ${ms(percentile(sorted, 0.95))}  p99 ${ms(p99)}  max ${ms(sorted.at(-1) ?? NaN)}` +
    `   ${throughput.toFixed(1).padStart(7)} writes/s   ${figures.errors} errors`;
  if (figures.late) line += `, ${figures.late} late`;
  if (target !== 'none') {
    const ratio = p99 / P99_TARGET_MS;
    line += `   p99 / ${P99_TARGET_MS} ms: ${ratio.toFixed(2)}${target === 'target' ? ` (target ≤ 1) ${ratio <= 1 ? 'OK' : 'OVER TARGET'}` : ' (the target is set for SQLite)'}`;
  }
  console.log(line);
}

async function benchOne(name: string, location: DatabaseLocation, env: Record<string, string>, target: 'target' | 'reference'): Promise<void> {
  const clients = await prepareDepartment(location);
  let records: RunningRecords | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients.length });
  try {
    records = await startRecordsService({ TEACHING_DEMO: 'off', OIDC_ISSUER: '', DATABASE_URL: '', DATABASE_SCHEMA: '', ...env });
    // Warm-up: every annotation created, connections open, the server's code paths compiled.
    await Promise.all(clients.map(async client => {
      for (let n = 0; n < WARM_UP_WRITES; n++) await autosave(agent, records!.url, client, n);
    }));
    report(`${name} paced ${RATE}/s × ${SECONDS} s`, await run(agent, records.url, clients, SECONDS, RATE), target);
    report(`${name} unpaced × ${SECONDS} s`, await run(agent, records.url, clients, SECONDS), 'none');
  } finally {
    agent.destroy();
    await records?.stop();
  }
}

export async function benchAutosave(): Promise<void> {
  console.log(`\n3. Autosave: PUT of an annotation with an Idempotency-Key, ${CLIENTS} concurrent keep-alive clients, each its own session and annotation, records service in its own process`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-bench-records-'));
  try {
    await benchOne('SQLite', { kind: 'sqlite', file: path.join(dataDir, 'records.sqlite') }, { DATA_DIR: dataDir }, 'target');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const schema = freshSchemaName();
  try {
    await benchOne('PostgreSQL', { kind: 'postgres', url: TEST_DATABASE_URL, schema }, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }, 'reference');
  } catch (error) {
    console.log(`   PostgreSQL                     not measured: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await dropSchema(TEST_DATABASE_URL, schema).catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await benchAutosave();
