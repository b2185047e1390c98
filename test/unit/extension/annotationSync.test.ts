import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../extension/api/apiRequestError';
import { AnnotationSync, type AnnotationContent, type SaveStatus } from '../../../extension/service/annotationSync';
import type { AnnotationView, PutAnnotationBody } from '../../../src/records/api/annotations';
import { ManualClock, settle } from '../../support/manualClock';

interface Call {
  kind: 'put' | 'delete';
  uid: string;
  key: string;
  version: number;
  label?: string;
  resolve: (view?: Partial<AnnotationView>) => void;
  reject: (error: unknown) => void;
}

/** The server side of the writes: every call waits until the test answers it. */
class FakeWrites {
  calls: Call[] = [];
  save = (uid: string, body: PutAnnotationBody, key: string) =>
    new Promise<AnnotationView>((resolve, reject) => {
      const label = (body.annotation.data as { label: string }).label;
      this.calls.push({
        kind: 'put',
        uid,
        key,
        version: body.version,
        label,
        resolve: view => resolve({ ...view, uid, version: view?.version ?? body.version + 1 } as AnnotationView),
        reject,
      });
    });
  remove = (uid: string, version: number, key: string) =>
    new Promise<void>((resolve, reject) => this.calls.push({ kind: 'delete', uid, key, version, resolve: () => resolve(), reject }));
  last() {
    const call = this.calls.at(-1);
    if (!call) throw new Error('no write was sent');
    return call;
  }
}

const content = (label: string): AnnotationContent => ({
  studyInstanceUID: '1.2',
  seriesInstanceUID: '1.2.3',
  sopInstanceUID: '1.2.3.4',
  frameNumber: null,
  annotation: { annotationUID: 'x', data: { label, handles: { points: [[0, 0, 0], [1, 1, 0]] } }, metadata: { toolName: 'Length' } },
});

const offline = () => new ApiRequestError(0, 'network.offline', { zh: '无法连接教学服务器', en: 'No connection to the teaching server' });
const httpError = (status: number, code = 'server.error', retryAfterMs?: number) =>
  new ApiRequestError(status, code, { zh: `错误 ${status}`, en: `Error ${status}` }, undefined, retryAfterMs);

describe('AnnotationSync', () => {
  let clock: ManualClock;
  let writes: FakeWrites;
  let drawn: Map<string, AnnotationContent>;
  let statuses: SaveStatus[];
  let sync: AnnotationSync;
  let keys: number;

  beforeEach(() => {
    clock = new ManualClock();
    writes = new FakeWrites();
    drawn = new Map();
    statuses = [];
    keys = 0;
    sync = new AnnotationSync({
      writes,
      read: uid => drawn.get(uid),
      timers: clock,
      newKey: () => `key-${++keys}`,
      onStatus: status => statuses.push(status),
      backoffMs: attempt => 1_000 * attempt,
    });
  });

  const draw = (uid: string, label: string) => {
    drawn.set(uid, content(label));
    sync.changed(uid);
  };

  it('creates a new annotation with version 0 at the end of the task, then reports it saved', async () => {
    draw('a', 'Nodule');
    expect(writes.calls).toHaveLength(0);
    await clock.advance(0);
    expect(writes.calls.map(({ kind, uid, version, key }) => ({ kind, uid, version, key }))).toEqual([{ kind: 'put', uid: 'a', version: 0, key: 'key-1' }]);
    expect(sync.getStatus()).toEqual({ state: 'saving', waiting: 1 });
    writes.last().resolve({ version: 1 });
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'saved' });
    expect(statuses.map(status => status.state)).toEqual(['saving', 'saved']);
  });

  it('coalesces a drag: one write in flight, then one with the latest drawing, on the version the first returned', async () => {
    for (let step = 0; step < 50; step++) draw('a', `drag ${step}`);
    await clock.advance(0);
    expect(writes.calls).toHaveLength(1);
    expect(writes.last().label).toBe('drag 49');

    for (let step = 50; step < 80; step++) draw('a', `drag ${step}`);
    await clock.advance(5_000);
    expect(writes.calls).toHaveLength(1);

    writes.last().resolve({ version: 1 });
    await settle();
    expect(writes.calls).toHaveLength(2);
    expect(writes.last()).toMatchObject({ kind: 'put', version: 1, label: 'drag 79', key: 'key-2' });
    writes.last().resolve({ version: 2 });
    await clock.advance(60_000);
    expect(writes.calls).toHaveLength(2);
    expect(sync.getStatus()).toEqual({ state: 'saved' });
  });

  it('sends nothing for a change that changes nothing saved', async () => {
    draw('a', 'Nodule');
    await clock.advance(0);
    writes.last().resolve({ version: 1 });
    await settle();
    sync.changed('a');
    await clock.advance(0);
    expect(writes.calls).toHaveLength(1);
    expect(statuses.map(status => status.state)).toEqual(['saving', 'saved']);
  });

  it('takes a restored annotation as saved at its version: redrawing it sends nothing, moving it replaces that version', async () => {
    drawn.set('r', content('Restored'));
    sync.changed('r');
    sync.adopt('r', 7);
    await clock.advance(0);
    expect(writes.calls).toHaveLength(0);
    expect(statuses).toEqual([]);

    draw('r', 'Moved');
    await clock.advance(0);
    expect(writes.last()).toMatchObject({ kind: 'put', uid: 'r', version: 7, label: 'Moved' });
  });

  it('retries a write that got no answer with the same key and body, and only then sends the newer change', async () => {
    draw('a', 'first');
    await clock.advance(0);
    const first = writes.last();
    first.reject(offline());
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'retrying', waiting: 1 });

    draw('a', 'second');
    await clock.advance(999);
    expect(writes.calls).toHaveLength(1);
    await clock.advance(1);
    expect(writes.calls).toHaveLength(2);
    expect(writes.last()).toMatchObject({ key: first.key, version: 0, label: 'first' });

    writes.last().reject(httpError(503));
    await clock.advance(1_999);
    expect(writes.calls).toHaveLength(2);
    await clock.advance(1);
    expect(writes.last()).toMatchObject({ key: first.key, version: 0, label: 'first' });

    writes.last().resolve({ version: 1 });
    await settle();
    expect(writes.calls).toHaveLength(4);
    expect(writes.last()).toMatchObject({ version: 1, label: 'second', key: 'key-2' });
    expect(sync.getStatus()).toEqual({ state: 'saving', waiting: 1 });
    writes.last().resolve({ version: 2 });
    await settle();
    expect(statuses.map(status => status.state)).toEqual(['saving', 'retrying', 'saving', 'saved']);
  });

  it('says when nothing is left to send: after the end of the task, the retries offline and the newer change', async () => {
    let idle = false;
    expect(sync.unsent()).toBe(false);
    await sync.whenIdle();
    draw('a', 'first');
    expect(sync.unsent()).toBe(true);
    void sync.whenIdle().then(() => (idle = true));
    await clock.advance(0);
    writes.last().reject(offline());
    draw('a', 'second');
    await clock.advance(1_000);
    expect(idle).toBe(false);
    writes.last().resolve({ version: 1 });
    await settle();
    // The first is saved; the newer drawing is on its way now.
    expect(idle).toBe(false);
    writes.last().resolve({ version: 2 });
    await settle();
    expect(idle).toBe(true);
    expect(sync.unsent()).toBe(false);
  });

  it('does not wait for a drawing stopped by a conflict: it cannot be saved by sending it again', async () => {
    let idle = false;
    draw('a', 'mine');
    void sync.whenIdle().then(() => (idle = true));
    await clock.advance(0);
    writes.last().reject(httpError(409, 'conflict'));
    await settle();
    expect(sync.getStatus()).toMatchObject({ state: 'conflict' });
    expect(idle).toBe(true);
  });

  it('waits as long as the server asks when it answers 429', async () => {
    draw('a', 'busy');
    await clock.advance(0);
    writes.last().reject(httpError(429, 'auth.tooManyAttempts', 10_000));
    await clock.advance(9_999);
    expect(writes.calls).toHaveLength(1);
    await clock.advance(1);
    expect(writes.calls).toHaveLength(2);
    expect(writes.last().key).toBe(writes.calls[0]!.key);
  });

  it('counts every annotation waiting while any of them retries', async () => {
    draw('a', 'a');
    draw('b', 'b');
    await clock.advance(0);
    expect(sync.getStatus()).toEqual({ state: 'saving', waiting: 2 });
    writes.calls[0]!.reject(offline());
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'retrying', waiting: 2 });
    writes.calls[1]!.resolve({ version: 1 });
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'retrying', waiting: 1 });
    await clock.advance(1_000);
    writes.last().resolve({ version: 1 });
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'saved' });
  });

  it('shows a conflict and never overwrites the other version', async () => {
    drawn.set('a', content('mine'));
    sync.adopt('a', 3);
    draw('a', 'moved here');
    await clock.advance(0);
    writes.last().reject(new ApiRequestError(409, 'conflict', { zh: '冲突', en: 'conflict' }, null));
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'conflict', uids: ['a'] });

    draw('a', 'moved again');
    sync.removed('a');
    await clock.advance(60_000);
    expect(writes.calls).toHaveLength(1);
    expect(sync.getStatus()).toEqual({ state: 'conflict', uids: ['a'] });
  });

  it('reports a refusal with the server message and stops that annotation only', async () => {
    draw('a', 'a');
    draw('b', 'b');
    await clock.advance(0);
    const refusal = httpError(422, 'state.signedOff');
    writes.calls[0]!.reject(refusal);
    writes.calls[1]!.resolve({ version: 1 });
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'refused', messages: refusal.messages, uids: ['a'] });
    draw('a', 'again');
    draw('b', 'b moved');
    await clock.advance(0);
    expect(writes.calls.slice(2).map(call => call.uid)).toEqual(['b']);
  });

  it('deletes after the create in flight, with the version it returned', async () => {
    draw('a', 'short-lived');
    await clock.advance(0);
    drawn.delete('a');
    sync.removed('a');
    await clock.advance(0);
    expect(writes.calls).toHaveLength(1);
    writes.last().resolve({ version: 1 });
    await settle();
    expect(writes.last()).toMatchObject({ kind: 'delete', uid: 'a', version: 1, key: 'key-2' });
    expect(sync.getStatus()).toEqual({ state: 'saving', waiting: 1 });
    writes.last().resolve();
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'saved' });
  });

  it('sends nothing for an annotation drawn and deleted before it was saved', async () => {
    draw('a', 'oops');
    drawn.delete('a');
    sync.removed('a');
    await clock.advance(0);
    expect(writes.calls).toHaveLength(0);
    expect(statuses).toEqual([]);
  });

  it('creates again an annotation brought back after its deletion (undo)', async () => {
    drawn.set('a', content('kept'));
    sync.adopt('a', 2);
    drawn.delete('a');
    sync.removed('a');
    await clock.advance(0);
    writes.last().resolve();
    await settle();
    draw('a', 'kept');
    await clock.advance(0);
    expect(writes.calls.map(({ kind, version }) => `${kind} ${version}`)).toEqual(['delete 2', 'put 0']);
  });

  it('takes a delete answered 404 as done: it is gone either way', async () => {
    drawn.set('a', content('x'));
    sync.adopt('a', 1);
    drawn.delete('a');
    sync.removed('a');
    await clock.advance(0);
    writes.last().reject(httpError(404, 'notFound'));
    await settle();
    expect(sync.getStatus()).toEqual({ state: 'saved' });
  });

  it('keeps each annotation in order but lets different ones travel together', async () => {
    draw('a', 'a1');
    draw('b', 'b1');
    await clock.advance(0);
    draw('a', 'a2');
    writes.calls[1]!.resolve({ version: 1 });
    await settle();
    draw('b', 'b2');
    await clock.advance(0);
    expect(writes.calls.map(call => `${call.uid}:${call.label}:${call.version}`)).toEqual(['a:a1:0', 'b:b1:0', 'b:b2:1']);
    writes.calls[0]!.resolve({ version: 1 });
    await settle();
    expect(writes.calls.map(call => `${call.uid}:${call.label}:${call.version}`)).toEqual(['a:a1:0', 'b:b1:0', 'b:b2:1', 'a:a2:1']);
  });
});
