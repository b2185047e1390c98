import type { CaseDraft, CaseDrafts, DraftEntry, LocalDraft } from './localDraft';

/**
 * Where changes wait when the browser offers no IndexedDB (a private window may refuse it): they
 * are still sent in order, but a reload before the server has them loses them.
 */
export function memoryDraft(): LocalDraft {
  const entries = new Map<string, DraftEntry>();
  const key = (sessionId: string, seq: number) => `${sessionId}\u0000${seq}`;
  return {
    async put(entry) {
      entries.set(key(entry.sessionId, entry.seq), entry);
    },
    async list(sessionId) {
      return [...entries.values()].filter(entry => entry.sessionId === sessionId).sort((a, b) => a.seq - b.seq);
    },
    async remove(sessionId, seq, rebased) {
      entries.delete(key(sessionId, seq));
      if (rebased) entries.set(key(rebased.sessionId, rebased.seq), rebased);
    },
  };
}

/** Case drafts when the browser offers no IndexedDB: kept while the page is open only. */
export function memoryCaseDrafts(): CaseDrafts {
  const drafts = new Map<string, CaseDraft>();
  return {
    get: async key => drafts.get(key),
    put: async draft => void drafts.set(draft.key, structuredClone(draft)),
    remove: async key => void drafts.delete(key),
  };
}
