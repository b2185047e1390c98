import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLocalDraft, type DraftEntry } from '../../../extension/service/localDraft';

const entry = (seq: number, text: string, sessionId = 'session-1'): DraftEntry => ({
  sessionId,
  seq,
  command: { type: 'saveWork', stage: '4.1', work: { summary: text, items: { history: text } } },
  idempotencyKey: `key-${sessionId}-${seq}`,
  version: 3,
});

describe('the local draft in IndexedDB', () => {
  beforeEach(() => {
    // A browser profile of its own for every test.
    vi.stubGlobal('indexedDB', new IDBFactory());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives back what was put, with its idempotency key and version', async () => {
    const draft = await openLocalDraft();
    await draft.put(entry(1, '咳嗽两周'));
    expect(await draft.list('session-1')).toEqual([entry(1, '咳嗽两周')]);
  });

  it("lists a session's entries in seq order, and only that session's", async () => {
    const draft = await openLocalDraft();
    for (const [seq, sessionId] of [[30, 'session-1'], [2, 'session-10'], [10, 'session-1'], [20, 'session-1'], [5, 'session-0']] as const) await draft.put(entry(seq, `at ${seq}`, sessionId));
    expect((await draft.list('session-1')).map(({ seq }) => seq)).toEqual([10, 20, 30]);
    expect((await draft.list('session-10')).map(({ seq }) => seq)).toEqual([2]);
    expect(await draft.list('session-2')).toEqual([]);
  });

  it('replaces the entry of the same session and seq', async () => {
    const draft = await openLocalDraft();
    await draft.put(entry(1, 'first'));
    await draft.put({ ...entry(1, 'newer'), idempotencyKey: 'key-newer' });
    expect(await draft.list('session-1')).toEqual([{ ...entry(1, 'newer'), idempotencyKey: 'key-newer' }]);
  });

  it('removes one entry, writing the next one rebased in the same go', async () => {
    const draft = await openLocalDraft();
    await Promise.all([draft.put(entry(1, 'a')), draft.put(entry(2, 'b')), draft.put(entry(3, 'c'))]);
    await draft.remove('session-1', 1, { ...entry(2, 'b'), version: 4 });
    expect(await draft.list('session-1')).toEqual([{ ...entry(2, 'b'), version: 4 }, entry(3, 'c')]);
    await draft.remove('session-1', 3);
    await draft.remove('session-1', 99);
    expect((await draft.list('session-1')).map(({ seq }) => seq)).toEqual([2]);
  });

  it('keeps writes made one after another in that order, as a newer keystroke must win', async () => {
    const draft = await openLocalDraft();
    await Promise.all(['a', 'ab', 'abc'].map(text => draft.put(entry(1, text))));
    expect(await draft.list('session-1')).toEqual([entry(1, 'abc')]);
  });

  it('still holds everything when the database is opened again, as after a reload', async () => {
    const before = await openLocalDraft();
    const big = { ...entry(7, 'x'.repeat(5_000)), command: { type: 'saveWork' as const, stage: '4.3' as const, work: { findings: [{ uid: '1.2.3', text: 'y'.repeat(5_000) }] } } };
    await before.put(big);
    await before.put(entry(8, 'after'));
    const after = await openLocalDraft();
    expect(await after.list('session-1')).toEqual([big, entry(8, 'after')]);
  });
});
