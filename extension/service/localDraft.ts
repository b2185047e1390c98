import { openDB, type DBSchema } from 'idb';
import type { SessionCommand } from '../../src/core/rules/sessionCommand';
import type { AnnotationContent } from './annotationSync';
import type { CaseForm } from './caseForm';

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
const CASE_STORE = 'caseDrafts';

interface DraftSchema extends DBSchema {
  [STORE]: { key: [string, number]; value: DraftEntry };
  [CASE_STORE]: { key: string; value: CaseDraft };
}

// A finished transaction is held by the browser process, so a crash of the tab cannot lose it.
// 'strict' would also wait for the disk to flush on every keystroke (in bench/draftKeystroke.ts it
// triples p99; one flush of a spinning disk alone takes longer than a frame) to cover only a power
// cut within the next moments.
const WRITE = { durability: 'relaxed' } as const;

/** The browser's database of everything not yet acknowledged, sessions' changes and cases' edits alike. */
function openDraftDatabase() {
  const opened = openDB<DraftSchema>(DATABASE, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore(STORE, { keyPath: ['sessionId', 'seq'] });
      if (oldVersion < 2) database.createObjectStore(CASE_STORE, { keyPath: 'key' });
    },
    // A tab with a newer version of this page waits until every older one lets go; from then on
    // this tab's changes are kept in memory only, until they are acknowledged.
    blocking() {
      void opened.then(db => db.close());
    },
  });
  return opened;
}

/** The local draft in the browser's IndexedDB. */
export async function openLocalDraft(): Promise<LocalDraft> {
  const db = await openDraftDatabase();

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

/**
 * A case's preparation that the server does not hold yet: the form as the tutor left it, and, for a
 * case not yet saved (it has no id to save drawings under), the reference drawings made on it.
 */
export interface CaseDraft {
  /** `caseDraftKey`: the case's id, or the study a new case is prepared from. */
  key: string;
  form: CaseForm;
  /** The case version the form was edited from; 0 for a new case. */
  version: number;
  /** Drawn before the case was first saved, by annotation UID. */
  drawings: Record<string, AnnotationContent>;
}

/** Where a case's preparation is kept, by case, or by study while it is a new case. */
export const caseDraftKey = (caseId: string | undefined, studyInstanceUID: string) => (caseId ? `case:${caseId}` : `new:${studyInstanceUID}`);

/** Where a case's unsaved preparation waits, surviving a reload of the tab. */
export interface CaseDrafts {
  get(key: string): Promise<CaseDraft | undefined>;
  put(draft: CaseDraft): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The case drafts in the browser's IndexedDB, beside the sessions' local draft. */
export async function openCaseDrafts(): Promise<CaseDrafts> {
  const db = await openDraftDatabase();
  return {
    get: key => db.get(CASE_STORE, key),
    async put(draft) {
      const tx = db.transaction(CASE_STORE, 'readwrite', WRITE);
      await Promise.all([tx.store.put(draft), tx.done]);
    },
    async remove(key) {
      const tx = db.transaction(CASE_STORE, 'readwrite', WRITE);
      await Promise.all([tx.store.delete(key), tx.done]);
    },
  };
}
