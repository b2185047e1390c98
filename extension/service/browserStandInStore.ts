import type { StandInStore } from './TeachingService';

const KEY = 'ohif-teaching.stand-in';

/**
 * Keeps a tutor's takeover for this tab only (sessionStorage): a reload goes on with it, another tab
 * or a browser opened later does not. Storage may be unavailable (private mode).
 */
export const browserStandInStore: StandInStore = {
  load() {
    try {
      return window.sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  save(token) {
    try {
      window.sessionStorage.setItem(KEY, token);
    } catch {
      // The takeover holds until the tab reloads.
    }
  },
  clear() {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch {
      // Nothing was kept.
    }
  },
};
