import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../extension/api/apiRequestError';
import { CommandQueue, type CommandQueueOptions, type QueueStatus } from '../../../extension/service/commandQueue';
import type { DraftEntry, LocalDraft } from '../../../extension/service/localDraft';
import type { StageId } from '../../../src/core/rubric/rubricSchema';
import type { SessionCommand } from '../../../src/core/rules/sessionCommand';
import { EVENT_SCHEMA_VERSION } from '../../../src/core/rules/sessionEvent';
import { SESSION_SCHEMA_VERSION } from '../../../src/core/session/session';
import type { CommandResult, SessionView } from '../../../src/records/api/sessions';
import { draftSession, RESIDENT } from '../../fixtures/teachingSessions';
import { ManualClock, settle } from '../../support/manualClock';

/** The browser's IndexedDB, in memory: writes apply in the order they were made, and can be held back or made to fail. */
class MemoryDraft implements LocalDraft {
  readonly entries = new Map<string, DraftEntry>();
  failing = false;
  private held: Array<() => void> | undefined;

  async put(entry: DraftEntry) {
    await this.gate();
    if (this.failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.entries.set(`${entry.sessionId}|${entry.seq}`, structuredClone(entry));
  }
  async list(sessionId: string) {
    return [...this.entries.values()].filter(entry => entry.sessionId === sessionId).sort((a, b) => a.seq - b.seq);
  }
  async remove(sessionId: string, seq: number, rebased?: DraftEntry) {
    await this.gate();
    this.entries.delete(`${sessionId}|${seq}`);
    if (rebased) this.entries.set(`${rebased.sessionId}|${rebased.seq}`, structuredClone(rebased));
  }
  hold() {
    this.held = [];
  }
  release() {
    const held = this.held ?? [];
    this.held = undefined;
    for (const resume of held) resume();
  }
  /** What it holds, as the panel's words: the command's type, and the text of work. */
  async shown(sessionId = SESSION_ID) {
    return (await this.list(sessionId)).map(({ command, version }) => `${describeCommand(command)}@${version}`);
  }
  private gate() {
    const held = this.held;
    return held ? new Promise<void>(resume => held.push(resume)) : Promise.resolve();
  }
}

interface Call {
  version: number;
  command: SessionCommand;
  key: string;
  /** Answers as the server would: the next version, unless told which. */
  ok(version?: number): void;
  fail(error: unknown): void;
}

const SESSION_ID = 'session-1';

const result = (version: number): CommandResult => ({
  session: draftSession({ id: SESSION_ID }),
  version,
  event: {
    schemaVersion: EVENT_SCHEMA_VERSION,
    sessionSchemaVersion: SESSION_SCHEMA_VERSION,
    sessionId: SESSION_ID,
    seq: version,
    at: '2026-12-01T08:00:00.000Z',
    actor: { id: RESIDENT.id, role: 'resident' },
    type: 'saveWork',
    changes: [],
  },
});

/** The records service: every command waits until the test answers it. */
class FakeApi {
  calls: Call[] = [];
  runCommand = (sessionId: string, version: number, command: SessionCommand, key: string) => {
    expect(sessionId).toBe(SESSION_ID);
    return new Promise<CommandResult>((resolve, reject) =>
      this.calls.push({ version, command, key, ok: answered => resolve(result(answered ?? version + 1)), fail: reject }),
    );
  };
  last(): Call {
    const call = this.calls.at(-1);
    if (!call) throw new Error('nothing was sent');
    return call;
  }
  /** What was sent, as `command@version`. */
  sent(): string[] {
    return this.calls.map(({ command, version }) => `${describeCommand(command)}@${version}`);
  }
}

const describeCommand = (command: SessionCommand) =>
  command.type === 'saveWork' ? `${command.stage}:${(command.work as { summary: string }).summary}` : 'stage' in command ? `${command.type} ${command.stage}` : command.type;

const work = (stage: StageId, summary: string): SessionCommand => ({ type: 'saveWork', stage, work: { summary, items: {} } });

const offline = () => new ApiRequestError(0, 'network.offline', { zh: '无法连接教学服务器', en: 'No connection to the teaching server' });
const httpError = (status: number, code: string, retryAfterMs?: number) =>
  new ApiRequestError(status, code, { zh: `错误 ${status}`, en: `Error ${status}` }, undefined, retryAfterMs);
const conflict = (current: SessionView) =>
  new ApiRequestError(409, 'conflict', { zh: '该教学活动已被修改', en: 'The session was changed meanwhile' }, current);

const VIEW: SessionView = { session: draftSession({ id: SESSION_ID }), version: 5 };

describe('CommandQueue', () => {
  let clock: ManualClock;
  let api: FakeApi;
  let draft: MemoryDraft;
  let keys: number;

  beforeEach(() => {
    clock = new ManualClock();
    api = new FakeApi();
    draft = new MemoryDraft();
    keys = 0;
  });

  async function open(options: { view?: SessionView; api?: FakeApi; clock?: ManualClock; awaitDrawings?: CommandQueueOptions['awaitDrawings'] } = {}) {
    const queue = await CommandQueue.open({
      sessionId: SESSION_ID,
      view: options.view ?? VIEW,
      api: options.api ?? api,
      draft,
      timers: options.clock ?? clock,
      newKey: () => `key-${++keys}`,
      backoffMs: attempt => 1_000 * attempt,
      awaitDrawings: options.awaitDrawings,
    });
    const statuses: QueueStatus[] = [];
    const sessions: SessionView[] = [];
    queue.onStatus(status => statuses.push(status));
    queue.onSession(view => sessions.push(view));
    return { queue, statuses, sessions };
  }

  it('keeps a change in the draft before it sends it', async () => {
    const { queue } = await open();
    draft.hold();
    const kept = queue.enqueue({ type: 'startClock' });
    await settle();
    expect(api.calls).toHaveLength(0);
    expect(queue.getStatus()).toEqual({ state: 'saving', waiting: 1 });
    draft.release();
    expect(await kept).toBe(true);
    await settle();
    expect(api.sent()).toEqual(['startClock@5']);
    expect(await draft.shown()).toEqual(['startClock@5']);
  });

  it('sends only the newest work of a stage typed while the draft was still writing the first', async () => {
    const { queue } = await open();
    draft.hold();
    const first = queue.enqueue(work('4.1', 'c'));
    const newest = queue.enqueue(work('4.1', 'co'));
    await settle();
    draft.release();
    expect([await first, await newest]).toEqual([true, true]);
    await settle();
    expect(api.sent()).toEqual(['4.1:co@5']);
    expect(await draft.shown()).toEqual(['4.1:co@5']);
  });

  it('sends in order, one at a time, each on the version the one before was acknowledged at', async () => {
    const { queue, statuses, sessions } = await open();
    void queue.enqueue({ type: 'startClock' });
    void queue.enqueue(work('4.1', 'cough'));
    void queue.enqueue({ type: 'submitStage', stage: '4.1' });
    await settle();
    expect(api.sent()).toEqual(['startClock@5']);
    api.last().ok();
    await settle();
    expect(api.sent()).toEqual(['startClock@5', '4.1:cough@6']);
    api.last().ok();
    await settle();
    api.last().ok();
    await settle();
    expect(api.sent()).toEqual(['startClock@5', '4.1:cough@6', 'submitStage 4.1@7']);
    expect(statuses).toEqual([{ state: 'saving', waiting: 1 }, { state: 'saving', waiting: 2 }, { state: 'saving', waiting: 3 }, { state: 'saving', waiting: 2 }, { state: 'saving', waiting: 1 }, { state: 'saved' }]);
    expect(sessions.map(({ version }) => version)).toEqual([6, 7, 8]);
    expect(queue.getSession().version).toBe(8);
    expect(draft.entries.size).toBe(0);
  });

  it("clears from the draft only the change acknowledged, and moves the next one's version on with it", async () => {
    const { queue } = await open();
    void queue.enqueue({ type: 'startClock' });
    void queue.enqueue(work('4.1', 'cough'));
    await settle();
    expect(await draft.shown()).toEqual(['startClock@5', '4.1:cough@5']);
    api.last().ok(9);
    await settle();
    expect(await draft.shown()).toEqual(['4.1:cough@9']);
    expect(api.sent()).toEqual(['startClock@5', '4.1:cough@9']);
  });

  it("replaces a stage's work not yet sent with the newer one, in the draft too, and never one already sent", async () => {
    const { queue } = await open();
    void queue.enqueue(work('4.1', 'c'));
    await settle();
    for (const text of ['co', 'cou']) void queue.enqueue(work('4.1', text));
    void queue.enqueue(work('4.3', 'nodule'));
    void queue.enqueue(work('4.1', 'cough'));
    void queue.enqueue(work('4.3', 'nodule 8 mm'));
    await settle();
    expect(api.sent()).toEqual(['4.1:c@5']);
    expect(queue.pending().map(describeCommand)).toEqual(['4.1:c', '4.1:cough', '4.3:nodule 8 mm']);
    expect(await draft.shown()).toEqual(['4.1:c@5', '4.1:cough@5', '4.3:nodule 8 mm@5']);
    expect(queue.getStatus()).toEqual({ state: 'saving', waiting: 3 });

    api.last().ok();
    await settle();
    api.last().ok();
    await settle();
    api.last().ok();
    await settle();
    expect(api.sent()).toEqual(['4.1:c@5', '4.1:cough@6', '4.3:nodule 8 mm@7']);
    expect(new Set(api.calls.map(({ key }) => key)).size).toBe(3);
  });

  it('replaces the unsent wording of one question, its answer or the report sheet, never another question or a sign-off', async () => {
    const { queue } = await open();
    void queue.enqueue({ type: 'startClock' });
    const ask = (questionId: string, question: string): SessionCommand => ({ type: 'askQuestion', stage: '4.3', questionId, question });
    const sheet = (mainProblems: string): SessionCommand => ({
      type: 'evaluateReport',
      evaluation: { sheet: { items: {}, notApplicable: [], vetoes: [], itemRemarks: {}, mainProblems }, remark: '', feedback: '', guidance: '' },
    });
    for (const text of ['W', 'Wh', 'Why?']) void queue.enqueue(ask('q1', text));
    void queue.enqueue(ask('q2', 'And?'));
    void queue.enqueue(ask('q1', 'Why so?'));
    void queue.enqueue(sheet('a'));
    void queue.enqueue(sheet('ab'));
    void queue.enqueue({ type: 'signOff' });
    void queue.enqueue(sheet('abc'));
    await settle();
    const shown = queue.pending().map(command =>
      command.type === 'askQuestion' ? `${command.questionId}:${command.question}` : command.type === 'evaluateReport' ? `sheet:${command.evaluation.sheet.mainProblems}` : command.type,
    );
    expect(shown).toEqual(['startClock', 'q1:Why so?', 'q2:And?', 'sheet:ab', 'signOff', 'sheet:abc']);
  });

  it("bases what the person does next on a newer session the page showed them, and ignores an older one", async () => {
    const { queue } = await open();
    queue.observe({ ...VIEW, version: 9 });
    queue.observe({ ...VIEW, version: 7 });
    queue.observe({ session: draftSession({ id: 'another-session' }), version: 30 });
    void queue.enqueue(work('4.1', 'cough'));
    await settle();
    expect(api.sent()).toEqual(['4.1:cough@9']);
    expect(queue.getSession().version).toBe(9);
  });

  it('sends a change that must wait for the drawings only once they are saved, saying so, keeping it and what follows in the draft, in order', async () => {
    let drawingsSaved = () => undefined as void;
    const drawings = new Promise<void>(resolve => (drawingsSaved = resolve));
    const asked: string[] = [];
    const { queue, statuses } = await open({
      awaitDrawings: command => {
        asked.push(describeCommand(command));
        return command.type === 'submitStage' ? drawings : undefined;
      },
    });
    void queue.enqueue(work('4.3', 'nodule'));
    void queue.enqueue({ type: 'submitStage', stage: '4.3' });
    void queue.enqueue({ type: 'pauseClock' });
    await settle();
    api.last().ok();
    await settle();
    expect(api.sent()).toEqual(['4.3:nodule@5']);
    expect(queue.getStatus()).toEqual({ state: 'awaitingDrawings', waiting: 2 });
    expect(await draft.shown()).toEqual(['submitStage 4.3@6', 'pauseClock@5']);

    drawingsSaved();
    await settle();
    expect(api.sent()).toEqual(['4.3:nodule@5', 'submitStage 4.3@6']);
    expect(queue.getStatus()).toEqual({ state: 'saving', waiting: 2 });
    api.last().ok();
    await settle();
    api.last().ok();
    await settle();
    expect(api.sent()).toEqual(['4.3:nodule@5', 'submitStage 4.3@6', 'pauseClock@7']);
    expect(asked).toEqual(['4.3:nodule', 'submitStage 4.3', 'pauseClock']);
    expect(statuses.map(status => status.state)).toEqual(['saving', 'saving', 'saving', 'awaitingDrawings', 'saving', 'saving', 'saved']);
  });

  it('never moves work past a change of another kind: work typed after a submit stays after it', async () => {
    const { queue } = await open();
    void queue.enqueue({ type: 'startClock' });
    void queue.enqueue(work('4.1', 'cough'));
    void queue.enqueue({ type: 'submitStage', stage: '4.1' });
    void queue.enqueue(work('4.1', 'cough, fever'));
    void queue.enqueue(work('4.1', 'cough, fever, 3 days'));
    await settle();
    expect(queue.pending().map(describeCommand)).toEqual(['startClock', '4.1:cough', 'submitStage 4.1', '4.1:cough, fever, 3 days']);
  });

  it('while offline, keeps everything, says how many changes wait, and drains them in order once the server answers', async () => {
    const { queue, statuses } = await open();
    void queue.enqueue({ type: 'startClock' });
    await settle();
    api.last().fail(offline());
    await settle();
    expect(queue.getStatus()).toEqual({ state: 'offline', waiting: 1, messages: offline().messages });
    void queue.enqueue(work('4.1', 'cough'));
    void queue.enqueue({ type: 'submitStage', stage: '4.1' });
    await settle();
    expect(queue.getStatus()).toMatchObject({ state: 'offline', waiting: 3 });
    expect(draft.entries.size).toBe(3);

    await clock.advance(1_000);
    expect(api.calls).toHaveLength(2);
    api.last().fail(httpError(503, 'server.unavailable'));
    await clock.advance(1_999);
    expect(api.calls).toHaveLength(2);
    await clock.advance(1);
    expect(api.calls.map(({ key }) => key)).toEqual(['key-1', 'key-1', 'key-1']);
    // The words of each failure may differ; the person is told again only when they do.
    expect(statuses.filter(status => status.state === 'offline').map(status => 'messages' in status && status.messages.en)).toEqual([
      'No connection to the teaching server',
      'No connection to the teaching server',
      'No connection to the teaching server',
      'Error 503',
    ]);

    api.last().ok();
    await settle();
    api.last().ok();
    await settle();
    api.last().ok();
    await settle();
    expect(api.sent()).toEqual(['startClock@5', 'startClock@5', 'startClock@5', '4.1:cough@6', 'submitStage 4.1@7']);
    expect(queue.getStatus()).toEqual({ state: 'saved' });
    expect(draft.entries.size).toBe(0);
  });

  it('waits as long as the server asks on a 429, and sends at once when told the browser is online again', async () => {
    const { queue } = await open();
    void queue.enqueue({ type: 'startClock' });
    await settle();
    api.last().fail(httpError(429, 'rate.limited', 10_000));
    await clock.advance(9_999);
    expect(api.calls).toHaveLength(1);
    await clock.advance(1);
    expect(api.calls).toHaveLength(2);
    api.last().fail(offline());
    await settle();
    queue.retryNow();
    await settle();
    expect(api.calls.map(({ key }) => key)).toEqual(['key-1', 'key-1', 'key-1']);
    api.last().ok();
    // The retry that was scheduled is not sent as well.
    await clock.advance(60_000);
    expect(api.calls).toHaveLength(3);
    expect(queue.getStatus()).toEqual({ state: 'saved' });
  });

  it('keeps changes made while signed out until the person signs in again', async () => {
    const { queue } = await open();
    void queue.enqueue(work('4.1', 'cough'));
    await settle();
    api.last().fail(httpError(401, 'auth.signInRequired'));
    await settle();
    expect(queue.getStatus()).toMatchObject({ state: 'offline', waiting: 1, messages: { en: 'Error 401' } });
    expect(draft.entries.size).toBe(1);
    await clock.advance(1_000);
    api.last().ok();
    await settle();
    expect(queue.getStatus()).toEqual({ state: 'saved' });
  });

  it('after a reload, sends what the draft still holds first, with the same keys and versions, then what is typed now', async () => {
    const before = await open({ clock: new ManualClock() });
    void before.queue.enqueue({ type: 'startClock' });
    void before.queue.enqueue(work('4.1', 'cough'));
    void before.queue.enqueue({ type: 'submitStage', stage: '4.1' });
    await settle();
    api.last().ok();
    await settle();
    const firstKeys = api.calls.map(({ key }) => key);
    // The tab dies with the work sent and unanswered: the server may hold it.
    expect(api.sent()).toEqual(['startClock@5', '4.1:cough@6']);

    const server = new FakeApi();
    const after = await open({ api: server, view: { ...VIEW, version: 7 } });
    expect(after.queue.getStatus()).toEqual({ state: 'saving', waiting: 2 });
    expect(after.queue.pending().map(describeCommand)).toEqual(['4.1:cough', 'submitStage 4.1']);
    void after.queue.enqueue(work('4.1', 'cough, fever'));
    await settle();
    expect(server.sent()).toEqual(['4.1:cough@6']);
    expect(server.last().key).toBe(firstKeys[1]);
    // The server answers as it did the first time.
    server.last().ok(7);
    await settle();
    server.last().ok();
    await settle();
    server.last().ok();
    await settle();
    expect(server.sent()).toEqual(['4.1:cough@6', 'submitStage 4.1@7', '4.1:cough, fever@8']);
    expect(after.queue.getStatus()).toEqual({ state: 'saved' });
    expect(after.sessions.map(({ version }) => version)).toEqual([8, 9]);
    expect(draft.entries.size).toBe(0);
  });

  it('after a reload, sends the next change on the version its predecessor was acknowledged at, not the one it was typed on', async () => {
    const before = await open({ clock: new ManualClock() });
    void before.queue.enqueue({ type: 'startClock' });
    void before.queue.enqueue(work('4.1', 'cough'));
    await settle();
    api.last().ok();
    await settle();
    api.last().fail(offline());
    await settle();

    const server = new FakeApi();
    const after = await open({ api: server });
    // It may have reached the server before the reload, so newer work goes after it rather than in its place.
    void after.queue.enqueue(work('4.1', 'cough, fever'));
    await settle();
    expect(server.sent()).toEqual(['4.1:cough@6']);
    expect(after.queue.pending().map(describeCommand)).toEqual(['4.1:cough', '4.1:cough, fever']);
  });

  it('shows a conflict with the session as it is now, sends nothing more and drops nothing until the person chooses', async () => {
    const { queue, sessions } = await open();
    void queue.enqueue(work('4.1', 'cough'));
    await settle();
    const current = { session: draftSession({ id: SESSION_ID }), version: 8 };
    api.last().fail(conflict(current));
    await settle();
    void queue.enqueue(work('4.3', 'nodule'));
    void queue.enqueue(work('4.3', 'nodule 8 mm'));
    await clock.advance(60_000);
    expect(api.calls).toHaveLength(1);
    expect(queue.getStatus()).toEqual({ state: 'conflict', waiting: 2, command: work('4.1', 'cough'), current, messages: conflict(current).messages });
    expect(await draft.shown()).toEqual(['4.1:cough@5', '4.3:nodule 8 mm@5']);
    expect(sessions).toEqual([]);

    queue.keepMine();
    await settle();
    expect(sessions).toEqual([current]);
    expect(api.sent()).toEqual(['4.1:cough@5', '4.1:cough@8']);
    expect(api.calls.map(({ key }) => key)).toEqual(['key-1', 'key-4']);
    expect(await draft.shown()).toEqual(['4.1:cough@8', '4.3:nodule 8 mm@5']);
    api.last().ok();
    await settle();
    api.last().ok();
    await settle();
    expect(api.sent()).toEqual(['4.1:cough@5', '4.1:cough@8', '4.3:nodule 8 mm@9']);
    expect(queue.getStatus()).toEqual({ state: 'saved' });
  });

  it("on taking the other side, discards the person's work on that stage only, and goes on from the session as it is now", async () => {
    const { queue, sessions } = await open();
    void queue.enqueue(work('4.1', 'cough'));
    await settle();
    void queue.enqueue({ type: 'answerQuestion', stage: '4.1', questionId: 'q1', answer: 'left' });
    void queue.enqueue(work('4.1', 'cough, fever'));
    void queue.enqueue(work('4.3', 'nodule'));
    const current = { session: draftSession({ id: SESSION_ID }), version: 8 };
    api.last().fail(conflict(current));
    await settle();
    expect(queue.getStatus()).toMatchObject({ state: 'conflict', waiting: 4 });

    queue.takeTheirs();
    await settle();
    expect(sessions).toEqual([current]);
    expect(queue.pending().map(describeCommand)).toEqual(['answerQuestion 4.1', '4.3:nodule']);
    expect(await draft.shown()).toEqual(['answerQuestion 4.1@8', '4.3:nodule@5']);
    expect(api.sent()).toEqual(['4.1:cough@5', 'answerQuestion 4.1@8']);
    api.last().ok();
    await settle();
    api.last().ok();
    await settle();
    expect(api.sent()).toEqual(['4.1:cough@5', 'answerQuestion 4.1@8', '4.3:nodule@9']);
    expect(queue.getStatus()).toEqual({ state: 'saved' });
  });

  it("reports a change the rules refused, takes it out of the draft since it can never succeed, and sends the rest", async () => {
    const { queue, statuses } = await open();
    void queue.enqueue({ type: 'submitStage', stage: '4.1' });
    void queue.enqueue(work('4.3', 'nodule'));
    await settle();
    const refusal = httpError(422, 'state.incompleteWork');
    api.last().fail(refusal);
    await settle();
    expect(queue.getStatus()).toEqual({ state: 'refused', waiting: 1, command: { type: 'submitStage', stage: '4.1' }, messages: refusal.messages });
    expect(await draft.shown()).toEqual(['4.3:nodule@5']);
    expect(api.sent()).toEqual(['submitStage 4.1@5', '4.3:nodule@5']);
    api.last().ok();
    await settle();
    expect(queue.getStatus()).toMatchObject({ state: 'refused', waiting: 0 });
    queue.dismissRefusal();
    expect(queue.getStatus()).toEqual({ state: 'saved' });
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
  });

  it('no longer says offline once the server answers, even with a refusal', async () => {
    const { queue } = await open();
    void queue.enqueue({ type: 'submitStage', stage: '4.1' });
    void queue.enqueue(work('4.3', 'nodule'));
    await settle();
    api.last().fail(offline());
    await clock.advance(1_000);
    api.last().fail(httpError(422, 'state.incompleteWork'));
    await settle();
    queue.dismissRefusal();
    expect(queue.getStatus()).toEqual({ state: 'saving', waiting: 1 });
    api.last().fail(offline());
    await settle();
    // Its first retry, not the third: the wait starts over for each change.
    await clock.advance(1_000);
    expect(api.sent()).toEqual(['submitStage 4.1@5', 'submitStage 4.1@5', '4.3:nodule@5', '4.3:nodule@5']);
  });

  it('sends a change the browser would not keep, and says it was not kept', async () => {
    const { queue } = await open();
    draft.failing = true;
    const kept = queue.enqueue(work('4.1', 'cough'));
    expect(await kept).toBe(false);
    await settle();
    expect(api.sent()).toEqual(['4.1:cough@5']);
    api.last().ok();
    await settle();
    expect(queue.getStatus()).toEqual({ state: 'saved' });
  });

  it('starts empty when the draft cannot be read at all', async () => {
    draft.list = () => Promise.reject(new DOMException('The database connection is closing.', 'InvalidStateError'));
    const { queue } = await open();
    expect(queue.getStatus()).toEqual({ state: 'saved' });
    void queue.enqueue({ type: 'startClock' });
    await settle();
    expect(api.sent()).toEqual(['startClock@5']);
  });

  it("leaves another session's changes in the draft alone", async () => {
    await draft.put({ sessionId: 'session-2', seq: 1, command: { type: 'startClock' }, idempotencyKey: 'key-other', version: 2 });
    const { queue } = await open();
    expect(queue.pending()).toEqual([]);
    void queue.enqueue({ type: 'startClock' });
    await settle();
    api.last().ok();
    await settle();
    expect(await draft.shown('session-2')).toEqual(['startClock@2']);
  });

  it('ignores an answer older than the state it already showed, as a retry answered from the first attempt can be', async () => {
    const { queue, sessions } = await open({ view: { ...VIEW, version: 12 } });
    void queue.enqueue({ type: 'startClock' });
    await settle();
    api.last().ok(9);
    await settle();
    expect(sessions).toEqual([]);
    expect(queue.getSession().version).toBe(12);
    void queue.enqueue({ type: 'pauseClock' });
    await settle();
    expect(api.sent()).toEqual(['startClock@12', 'pauseClock@12']);
  });

  it('stops telling a listener once it unsubscribed', async () => {
    const { queue } = await open();
    const heard: QueueStatus[] = [];
    const stop = queue.onStatus(status => heard.push(status));
    void queue.enqueue({ type: 'startClock' });
    stop();
    await settle();
    api.last().ok();
    await settle();
    expect(heard).toEqual([{ state: 'saving', waiting: 1 }]);
  });
});
