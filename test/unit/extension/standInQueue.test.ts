import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../extension/api/apiRequestError';
import { CommandQueue, STAND_IN_ENDED, type QueueStatus } from '../../../extension/service/commandQueue';
import { memoryDraft } from '../../../extension/service/memoryDraft';
import type { LocalDraft } from '../../../extension/service/localDraft';
import type { SessionCommand } from '../../../src/core/rules/sessionCommand';
import { EVENT_SCHEMA_VERSION } from '../../../src/core/rules/sessionEvent';
import { SESSION_SCHEMA_VERSION } from '../../../src/core/session/session';
import type { CommandResult, SessionView } from '../../../src/records/api/sessions';
import { draftSession } from '../../fixtures/teachingSessions';
import { ManualClock, settle } from '../../support/manualClock';

const SESSION_ID = 'session-takeover';
const RESIDENT_ID = 'resident-li';
const TUTOR_ID = 'tutor-wang';
const VIEW: SessionView = { session: draftSession({ id: SESSION_ID }), version: 3 };

interface Sent {
  command: SessionCommand;
  standIn: string | undefined;
  answer(result: 'ok' | unknown): void;
}

/** The records service: each command waits until the test answers it, and says which token came with it. */
class FakeApi {
  sent: Sent[] = [];
  runCommand = (_sessionId: string, version: number, command: SessionCommand, _key: string, standIn?: string) =>
    new Promise<CommandResult>((resolve, reject) =>
      this.sent.push({
        command,
        standIn,
        answer: result => (result === 'ok' ? resolve(acknowledged(version + 1)) : reject(result)),
      }),
    );
  /** What went, as `type/token`. */
  shown = () => this.sent.map(({ command, standIn }) => `${'stage' in command ? `${command.type} ${command.stage}` : command.type}/${standIn ?? 'cookie'}`);
}

const acknowledged = (version: number): CommandResult => ({
  session: draftSession({ id: SESSION_ID }),
  version,
  event: { schemaVersion: EVENT_SCHEMA_VERSION, sessionSchemaVersion: SESSION_SCHEMA_VERSION, sessionId: SESSION_ID, seq: version, at: '2026-12-01T08:00:00.000Z', actor: { id: RESIDENT_ID, role: 'resident' }, type: 'x', changes: [] },
});

const evaluate = (remark: string): SessionCommand => ({
  type: 'evaluateStage',
  stage: '4.1',
  evaluation: { scores: {}, notApplicable: [], criterionRemarks: {}, remark, feedback: '', guidance: '' },
});

/** Who is at the workstation, as the service tells the queue. */
class Workstation {
  actor = RESIDENT_ID;
  standIn: { tutorId: string; token: string } | undefined;
  takeOver(token = 'token-1') {
    this.standIn = { tutorId: TUTOR_ID, token };
    this.actor = TUTOR_ID;
  }
  handBack() {
    this.standIn = undefined;
    this.actor = RESIDENT_ID;
  }
  sendAs = (madeBy: string | undefined) =>
    madeBy === undefined || madeBy === RESIDENT_ID ? {} : this.standIn && this.standIn.tutorId === madeBy ? { standIn: this.standIn.token } : undefined;
}

describe('the queue during a takeover', () => {
  let api: FakeApi;
  let draft: LocalDraft;
  let workstation: Workstation;
  let keys: number;

  beforeEach(() => {
    api = new FakeApi();
    draft = memoryDraft();
    workstation = new Workstation();
    keys = 0;
  });

  async function open() {
    const queue = await CommandQueue.open({
      sessionId: SESSION_ID,
      view: VIEW,
      api,
      draft,
      timers: new ManualClock(),
      newKey: () => `key-${++keys}`,
      madeBy: () => workstation.actor,
      sendAs: madeBy => workstation.sendAs(madeBy),
    });
    const statuses: QueueStatus[] = [];
    queue.onStatus(status => statuses.push(status));
    return { queue, statuses };
  }

  it("sends the resident's waiting changes as the resident and the tutor's with the token, in order", async () => {
    const { queue } = await open();
    void queue.enqueue({ type: 'saveWork', stage: '4.1', work: { summary: '咳嗽两周' } } as SessionCommand);
    void queue.enqueue({ type: 'submitStage', stage: '4.1' });
    workstation.takeOver();
    void queue.enqueue(evaluate('病史完整'));
    await settle();
    expect((await draft.list(SESSION_ID)).map(entry => entry.madeBy)).toEqual([RESIDENT_ID, RESIDENT_ID, TUTOR_ID]);
    for (let index = 0; index < 3; index++) {
      await settle();
      api.sent[index]!.answer('ok');
    }
    await settle();
    expect(api.shown()).toEqual(['saveWork 4.1/cookie', 'submitStage 4.1/cookie', 'evaluateStage 4.1/token-1']);
    expect(await draft.list(SESSION_ID)).toEqual([]);
  });

  it('keeps the tag in the draft, so that a reload sends each change as its maker', async () => {
    const first = await open();
    workstation.takeOver();
    void first.queue.enqueue(evaluate('初评'));
    await settle();
    // The page reloads before the server answered; the takeover is resumed with its token.
    api = new FakeApi();
    const again = await open();
    await settle();
    expect(api.shown()).toEqual(['evaluateStage 4.1/token-1']);
    api.sent[0]!.answer('ok');
    await settle();
    expect(again.queue.pending()).toEqual([]);
  });

  it("never folds the tutor's change into the resident's unsent one", async () => {
    const { queue } = await open();
    void queue.enqueue({ type: 'startClock' });
    void queue.enqueue({ type: 'saveWork', stage: '4.2', work: { summary: 'a' } } as SessionCommand);
    workstation.takeOver();
    void queue.enqueue({ type: 'saveWork', stage: '4.2', work: { summary: 'b' } } as SessionCommand);
    await settle();
    expect((await draft.list(SESSION_ID)).map(entry => `${entry.command.type}:${entry.madeBy}`)).toEqual([`startClock:${RESIDENT_ID}`, `saveWork:${RESIDENT_ID}`, `saveWork:${TUTOR_ID}`]);
    // The tutor's own newer text still replaces their unsent one.
    void queue.enqueue({ type: 'saveWork', stage: '4.2', work: { summary: 'c' } } as SessionCommand);
    await settle();
    expect(queue.pending().map(command => (command.type === 'saveWork' ? (command.work as { summary: string }).summary : command.type))).toEqual(['startClock', 'a', 'c']);
  });

  it("refuses and reports a tutor's change still waiting after the hand-back, and sends nothing of it as the resident", async () => {
    const { queue, statuses } = await open();
    void queue.enqueue({ type: 'startClock' });
    workstation.takeOver();
    void queue.enqueue(evaluate('未发送'));
    workstation.handBack();
    void queue.enqueue({ type: 'pauseClock' });
    await settle();
    api.sent[0]!.answer('ok');
    await settle();
    await settle();
    expect(api.shown()).toEqual(['startClock/cookie', 'pauseClock/cookie']);
    const refused = statuses.find(status => status.state === 'refused');
    expect(refused).toMatchObject({ state: 'refused', command: { type: 'evaluateStage' }, messages: { zh: expect.stringContaining('交还'), en: expect.stringContaining('handed back') } });
    expect((await draft.list(SESSION_ID)).map(entry => entry.command.type)).toEqual(['pauseClock']);
  });

  it("tells when the tutor's changes have all gone, whatever of the resident's still waits", async () => {
    const { queue } = await open();
    workstation.takeOver();
    void queue.enqueue(evaluate('第一稿'));
    workstation.handBack();
    void queue.enqueue({ type: 'pauseClock' });
    workstation.takeOver();
    let sent = false;
    void queue.whenSentBy(TUTOR_ID).then(() => (sent = true));
    await settle();
    expect(sent).toBe(false);
    api.sent[0]!.answer('ok');
    await settle();
    await settle();
    expect(sent).toBe(true);
    expect(queue.pending().map(command => command.type)).toEqual(['pauseClock']);
    await expect(queue.whenSentBy('nobody')).resolves.toBeUndefined();
  });

  it('refuses a change the server says came after the takeover ended, instead of waiting to send it again', async () => {
    const { queue } = await open();
    workstation.takeOver();
    void queue.enqueue(evaluate('过期'));
    await settle();
    api.sent[0]!.answer(new ApiRequestError(401, STAND_IN_ENDED, { zh: '接管已结束', en: 'The takeover has ended' }));
    await settle();
    expect(queue.getStatus()).toMatchObject({ state: 'refused', messages: { en: 'The takeover has ended' } });
    expect(queue.pending()).toEqual([]);
  });

  it("keeps a resident's change waiting after an ordinary 401 (signed out meanwhile), as before", async () => {
    const { queue } = await open();
    void queue.enqueue({ type: 'startClock' });
    await settle();
    api.sent[0]!.answer(new ApiRequestError(401, 'auth.signInRequired', { zh: '请先登录', en: 'Please sign in first' }));
    await settle();
    expect(queue.getStatus()).toMatchObject({ state: 'offline', waiting: 1 });
  });
});
