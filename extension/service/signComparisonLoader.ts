import { maySeeComparison } from './comparisonAccess';
import type { SignComparisonView } from './signComparisonView';
import type { TeachingService } from './TeachingService';

export interface SignComparisonLoaderDeps {
  service: Pick<TeachingService, 'subscribe' | 'getState'>;
  /** Loads the view and its overlay on the images (their own chunk) and makes them. */
  load: () => Promise<SignComparisonView>;
}

/**
 * The sign comparison, loaded only once the person may see one here: the tutor (or an
 * administrator) of a session whose 4.3 is handed in, anyone of it once it is signed off. Most
 * visits to the viewer never show one, so the viewer starts without it. Once loaded, the view
 * follows the teaching service by itself, for the rest of the page.
 */
export class SignComparisonLoader {
  private view: SignComparisonView | undefined;
  private loading = false;
  private studyInstanceUID: string | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly stopFollowing: () => void;

  constructor(private readonly deps: SignComparisonLoaderDeps) {
    this.stopFollowing = deps.service.subscribe(() => this.follow());
    this.follow();
  }

  /** The view, once loaded; the panel shows no comparison before. */
  getView = (): SignComparisonView | undefined => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The drawing is shown only for the comparison; nothing is before the view is loaded. */
  holds(uid: string): boolean {
    return this.view?.holds(uid) ?? false;
  }

  /** The viewer opened this study; the view, loaded later, is told too. */
  setStudy(studyInstanceUID: string | undefined): void {
    this.studyInstanceUID = studyInstanceUID;
    this.view?.setStudy(studyInstanceUID);
  }

  private follow(): void {
    const { session, actor, record } = this.deps.service.getState();
    if (this.view || this.loading || session.status !== 'open' || !maySeeComparison(actor, record)) return;
    this.loading = true;
    this.deps.load().then(
      view => {
        this.stopFollowing();
        view.setStudy(this.studyInstanceUID);
        this.view = view;
        this.listeners.forEach(listener => listener());
      },
      // Not loaded (the connection dropped): tried again at the session's next change.
      () => (this.loading = false),
    );
  }
}
