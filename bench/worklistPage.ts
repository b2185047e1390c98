import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chooseReportSheet, DEFAULT_RUBRIC_SET } from '../src/core/rubric/defaultRubrics';
import { STAGES } from '../src/core/rubric/rubricSchema';
import { applyCommand, sessionCreatedEvent } from '../src/core/rules/applyCommand';
import { criteriaFor } from '../src/core/scoring/stageResult';
import { createSession } from '../src/core/session/createSession';
import type { Actor } from '../src/core/session/people';
import type { TeachingSession } from '../src/core/session/session';
import { emptyWork } from '../src/core/session/stageWork';
import { CASE_SCHEMA_VERSION, type TeachingCase } from '../src/core/session/teachingCase';
import { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_IDLE_MS } from '../src/records/auth/sessionTokens';
import { openDatabase, type DatabaseLocation } from '../src/records/db/openDatabase';
import { KyselyRepository } from '../src/records/repository/kyselyRepository';
import { newAccount } from '../src/records/repository/newAccount';
import { launchBrowser } from '../test/support/browser';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../test/support/postgres';
import { startRecordsService, type RunningRecords } from '../test/support/recordsProcess';

const SESSIONS = 5_000;
const CASES = 1_000;
const TUTORS = 20;
const RESIDENTS = 200;
const RUNS = Number(process.env.BENCH_WORKLIST_RUNS ?? 15);
const TARGET_MS = 300;
const DEPARTMENT = 'bench';
const MODALITIES = ['CT', 'MR', 'DX', 'US'];
const CATEGORIES = ['respiratory', 'cardiovascular', 'digestive', 'neuro', 'musculoskeletal'];

const tutorId = (n: number) => `tutor-${n}`;
const residentId = (n: number) => `resident-${n}`;

/** Runs commands as the rules would from the API, failing loudly if the seed's script is refused. */
function run(session: TeachingSession, steps: Array<[unknown, Actor]>, at: Date): TeachingSession {
  let current = session;
  steps.forEach(([command, actor], index) => {
    const applied = applyCommand(current, command, actor, new Date(at.getTime() + index * 60_000).toISOString(), index + 2);
    if (!applied.ok) throw new Error(`bench seed refused ${JSON.stringify(command).slice(0, 60)}: ${applied.problem.message.en}`);
    current = applied.value.session;
  });
  return current;
}

/** A session at one of the points a department's sessions stand at: scheduled, under way with 4.1 handed in, or signed off with the whole sheet. */
function sessionAt(index: number, teachingCase: TeachingCase, now: Date): TeachingSession {
  const tutor: Actor = { id: tutorId(index % TUTORS), role: 'tutor' };
  const resident: Actor = { id: residentId(index % RESIDENTS), role: 'resident' };
  const planned = new Date(now.getTime() + (index - SESSIONS * 0.8) * 3_600_000);
  const scheduled = createSession({
    id: `session-${index}`,
    teachingCase,
    resident: { id: resident.id, trainingYear: teachingCase.trainingYear },
    tutorId: tutor.id,
    stageForm: DEFAULT_RUBRIC_SET.stageForm,
    reportSheet: chooseReportSheet(DEFAULT_RUBRIC_SET.reportSheets, teachingCase.modality),
    schedule: { plannedAt: planned.toISOString(), place: `阅片室 ${index % 6}` },
    createdAt: new Date(planned.getTime() - 7 * 86_400_000).toISOString(),
  });
  const kind = index % 10;
  if (kind >= 8) return scheduled;
  const work = emptyWork();
  if (kind >= 6) return run(scheduled, [[{ type: 'startClock' }, tutor], [{ type: 'saveWork', stage: '4.1', work: work['4.1'] }, resident], [{ type: 'submitStage', stage: '4.1' }, resident]], planned);
  const steps: Array<[unknown, Actor]> = [[{ type: 'startClock' }, tutor]];
  for (const stage of STAGES) {
    steps.push([{ type: 'saveWork', stage, work: work[stage] }, resident], [{ type: 'submitStage', stage }, resident]);
    if (stage === '4.5') {
      const items = Object.fromEntries(scheduled.reportSheet.sections.flatMap(section => section.items).map(item => [item.id, scheduled.reportSheet.scoring === 'award' ? Math.max(0, item.points - (index % 3)) : Math.min(item.points, index % 3)]));
      steps.push([{ type: 'evaluateReport', evaluation: { sheet: { items, notApplicable: [], itemRemarks: {}, vetoes: [], mainProblems: '' }, remark: '', feedback: '', guidance: '' } }, tutor]);
    } else {
      const scores = Object.fromEntries(criteriaFor(scheduled.stageForm, stage, scheduled.realTime).map(criterion => [criterion.id, criterion.kind === 'points' ? criterion.max : criterion.levels[0]!.id]));
      steps.push([{ type: 'evaluateStage', stage, evaluation: { scores, notApplicable: [], criterionRemarks: {}, remark: '', feedback: '', guidance: '' } }, tutor]);
    }
  }
  steps.push([{ type: 'signOff' }, tutor]);
  return run(scheduled, steps, planned);
}

/** The department, seeded through the repository; returns the cookies of a tutor and the administrator. */
async function seed(location: DatabaseLocation): Promise<{ tutor: string; admin: string }> {
  const database = await openDatabase(location);
  const repository = new KyselyRepository(database.db);
  try {
    const now = new Date();
    const at = now.toISOString();
    await repository.createDepartment({ id: DEPARTMENT, name: '基准测试放射科', createdAt: at });
    const account = (id: string, role: 'tutor' | 'resident' | 'admin', name: string) =>
      newAccount({ id, departmentId: DEPARTMENT, username: id, name, role, trainingYear: role === 'resident' ? (((Number(id.split('-')[1]) % 3) + 1) as 1 | 2 | 3) : null, passwordHash: null }, at);
    await repository.createAccount(account('admin', 'admin', '科室管理员'));
    for (let n = 0; n < TUTORS; n++) await repository.createAccount(account(tutorId(n), 'tutor', `指导医师 ${n}`));
    for (let n = 0; n < RESIDENTS; n++) await repository.createAccount(account(residentId(n), 'resident', `住院医师 ${n}`));
    const cases: TeachingCase[] = [];
    for (let n = 0; n < CASES; n++) {
      const teachingCase: TeachingCase = {
        schemaVersion: CASE_SCHEMA_VERSION,
        id: `case-${n}`,
        title: `病例 ${n}：${['右肺上叶结节', '脑膜瘤', '肝血管瘤', '股骨颈骨折'][n % 4]}`,
        studyInstanceUIDs: [`1.2.826.0.1.3680043.8.498.${n + 1}`],
        modality: MODALITIES[n % MODALITIES.length]!,
        bodyPart: '胸部',
        category: CATEGORIES[n % CATEGORIES.length]!,
        trainingYear: ((n % 3) + 1) as 1 | 2 | 3,
        realTime: false,
        objectives: ['识别主要征象，描述其部位、大小、形态与密度', '写出规范的诊断报告'],
        referenceAnswer: { findings: [], diagnosis: '参考诊断', report: { examination: 'CT', clinicalInformation: '', technique: '', findings: '所见'.repeat(100), impression: '印象', recommendations: '' } },
        preparedBy: tutorId(n % TUTORS),
        createdAt: new Date(now.getTime() - (CASES - n) * 86_400_000).toISOString(),
      };
      cases.push(teachingCase);
      await repository.createCase(DEPARTMENT, teachingCase, teachingCase.createdAt);
    }
    // A few writers at once, as many people saving would; each session with its creation event.
    for (let start = 0; start < SESSIONS; start += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, SESSIONS - start) }, async (_, offset) => {
          const index = start + offset;
          const session = sessionAt(index, cases[index % CASES]!, now);
          await repository.createSession(DEPARTMENT, session, sessionCreatedEvent(session, { id: session.tutorId, role: 'tutor' }, session.createdAt));
        }),
      );
    }
    const cookie = async (id: string) => {
      const token = newSessionToken();
      await repository.createAuthSession(hashSessionToken(token), id, at, new Date(now.getTime() + SESSION_IDLE_MS).toISOString());
      return `${SESSION_COOKIE}=${token}`;
    };
    return { tutor: await cookie(tutorId(0)), admin: await cookie('admin') };
  } finally {
    await repository.close();
  }
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/**
 * One page load: from the navigation's start to the page's script having run (it marks the page
 * ready as its last step), as the browser's own navigation timing records it, plus the document's size.
 */
async function pageLoads(browser: Browser, base: string, cookie: string): Promise<{ ms: number[]; firstByte: number[]; bytes: number }> {
  const context = await browser.newContext();
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const ms: number[] = [];
  const firstByte: number[] = [];
  let bytes = 0;
  try {
    for (let run = 0; run <= RUNS; run++) {
      const response = await page.goto(`${base}/api/worklist`, { waitUntil: 'domcontentloaded' });
      if (response?.status() !== 200) throw new Error(`the worklist answered ${response?.status()}`);
      await page.waitForSelector('html[data-ready="true"]');
      const timing = await page.evaluate(() => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { interactive: entry.domInteractive - entry.startTime, firstByte: entry.responseStart - entry.startTime, bytes: entry.decodedBodySize };
      });
      bytes = timing.bytes;
      // The first load warms the server's code and the database's caches.
      if (run > 0) {
        ms.push(timing.interactive);
        firstByte.push(timing.firstByte);
      }
    }
  } finally {
    await context.close();
  }
  return { ms, firstByte, bytes };
}

async function benchOne(name: string, location: DatabaseLocation, env: Record<string, string>, browser: Browser): Promise<void> {
  const cookies = await seed(location);
  let records: RunningRecords | undefined;
  try {
    records = await startRecordsService({ TEACHING_DEMO: 'off', OIDC_ISSUER: '', DATABASE_URL: '', DATABASE_SCHEMA: '', ...env });
    for (const [who, cookie] of [['tutor', cookies.tutor], ['administrator', cookies.admin]] as const) {
      const { ms, firstByte, bytes } = await pageLoads(browser, records.url, cookie);
      const sorted = [...ms].sort((a, b) => a - b);
      const median = percentile(sorted, 0.5);
      const p95 = percentile(sorted, 0.95);
      const ratio = p95 / TARGET_MS;
      console.log(
        `   ${`${name}, ${who}`.padEnd(26)} median ${median.toFixed(0).padStart(4)} ms   p95 ${p95.toFixed(0).padStart(4)} ms   (first byte: median ${percentile([...firstByte].sort((a, b) => a - b), 0.5).toFixed(0)} ms)   page ${(bytes / 1024).toFixed(0).padStart(4)} KB` +
          `   p95 / ${TARGET_MS} ms: ${ratio.toFixed(2)} (target ≤ 1) ${ratio <= 1 ? 'OK' : 'OVER TARGET'}`,
      );
    }
  } finally {
    await records?.stop();
  }
}

export async function benchWorklistPage(): Promise<void> {
  console.log(`\n8. Worklist page with ${SESSIONS.toLocaleString('en')} sessions and ${CASES.toLocaleString('en')} cases, navigation to the page's script having run (domInteractive) in Chromium, ${RUNS} loads each after one to warm up`);
  const browser = await launchBrowser();
  try {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-bench-worklist-'));
    try {
      await benchOne('SQLite', { kind: 'sqlite', file: path.join(dataDir, 'records.sqlite') }, { DATA_DIR: dataDir }, browser);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const schema = freshSchemaName();
    try {
      await benchOne('PostgreSQL', { kind: 'postgres', url: TEST_DATABASE_URL, schema }, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }, browser);
    } catch (error) {
      console.log(`   PostgreSQL                 not measured: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      await dropSchema(TEST_DATABASE_URL, schema).catch(() => undefined);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await benchWorklistPage();
