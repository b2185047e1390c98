import { openDB, type DBSchema } from 'idb';
import type { SessionCommand } from '../../src/core/rules/sessionCommand';

/** One change of a session that the server has not acknowledged yet. */
export interface DraftEntry {
  sessionId: string;
  /**
   * Order within the session. Tabs of one browser share the database, so it is drawn from the
   * clock rather than counted from what a tab has seen: two tabs typing at once never take the
   * same key and overwrite each other's entries.
   */
  seq: number;
  command: SessionCommand;
  /** Sent with every attempt, across reloads too, so that the server applies the change once. */
  idempotencyKey: string;
  /** The session version the change is sent with: the one its tab last saw acknowledged before it. */
  version: number;
  /**
   * The account that made the change: the person signed in here, or the tutor who took over scoring
   * at this workstation. It goes as that person or not at all. Absent in entries kept before
   * takeovers existed, which are the signed-in person's.
   */
  madeBy?: string;
}

/** Where a session's changes wait, surviving a reload or a crash of the tab, until the server has them. */
export interface LocalDraft {
  /** Adds an entry, or replaces the one with the same session and seq. */
  put(entry: DraftEntry): Promise<void>;
  /** The session's entries in seq order. */
  list(sessionId: string): Promise<DraftEntry[]>;
  /**
   * Takes an entry out; `rebased`, the entry after it with its version moved on, is written in the
   * same transaction, so that a reload in between cannot send that one on the older version.
   */
  remove(sessionId: string, seq: number, rebased?: DraftEntry): Promise<void>;
}

const DATABASE = 'ohif-teaching';
const STORE = 'commands';

interface DraftSchema extends DBSchema {
  [STORE]: { key: [string, number]; value: DraftEntry };
}

// A finished transaction is held by the browser process, so a crash of the tab cannot lose it.
// 'strict' would also wait for the disk to flush on every keystroke (in bench/draftKeystroke.ts it
// triples p99; one flush of a spinning disk alone takes longer than a frame) to cover only a power
// cut within the next moments.
const WRITE = { durability: 'relaxed' } as const;

/** The local draft in the browser's IndexedDB. */
export async function openLocalDraft(): Promise<LocalDraft> {
  const db = await openDB<DraftSchema>(DATABASE, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: ['sessionId', 'seq'] });
    },
    // A tab with a newer version of this page waits until every older one lets go; from then on
    // this tab's changes are kept in memory only, until they are acknowledged.
    blocking() {
      db.close();
    },
  });

  return {
    async put(entry) {
      const tx = db.transaction(STORE, 'readwrite', WRITE);
      await Promise.all([tx.store.put(entry), tx.done]);
    },

    list: sessionId => db.getAll(STORE, IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity])),

    async remove(sessionId, seq, rebased) {
      const tx = db.transaction(STORE, 'readwrite', WRITE);
      await Promise.all([tx.store.delete([sessionId, seq]), rebased && tx.store.put(rebased), tx.done]);
    },
  };
}
