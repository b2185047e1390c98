import { isLanguage, type Language } from '../../src/core/i18n';
import type { AnnotationChange, ViewerAnnotations } from '../host/viewerAnnotations';
import type { DrawnAnnotation } from './drawnAnnotation';

export interface RenameDraft {
  uid: string;
  text: string;
}

/** One immutable snapshot of everything the panel renders; a new object on every change. */
export interface TeachingState {
  language: Language;
  annotations: readonly DrawnAnnotation[];
  selectedUid: string | undefined;
  renaming: RenameDraft | undefined;
}

export interface LanguageStore {
  load(): string | null;
  save(language: Language): void;
}

/**
 * The teaching session's state on the client. It lives outside React so that closing the panel,
 * switching tabs or re-rendering loses nothing, including a half-typed rename.
 */
export class TeachingService {
  private state: TeachingState;
  private readonly listeners = new Set<() => void>();
  private viewer: ViewerAnnotations | undefined;
  private stopWatching: (() => void) | undefined;
  private notifyScheduled = false;

  constructor(
    defaultLanguage: Language,
    private readonly languageStore: LanguageStore,
  ) {
    const saved = languageStore.load();
    this.state = {
      language: isLanguage(saved) ? saved : defaultLanguage,
      annotations: [],
      selectedUid: undefined,
      renaming: undefined,
    };
  }

  /** Starts following the viewer's annotations, taking in those already drawn. */
  attach(viewer: ViewerAnnotations): void {
    this.detach();
    this.viewer = viewer;
    this.update({ annotations: viewer.list(), selectedUid: undefined, renaming: undefined });
    this.stopWatching = viewer.watch(change => this.apply(change));
  }

  detach(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.viewer = undefined;
  }

  getState = (): TeachingState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setLanguage(language: Language): void {
    this.languageStore.save(language);
    this.update({ language });
  }

  select(uid: string): void {
    this.update({ selectedUid: uid });
    this.viewer?.jumpTo(uid);
  }

  startRename(uid: string): void {
    const annotation = this.state.annotations.find(item => item.uid === uid);
    if (annotation) this.update({ renaming: { uid, text: annotation.label } });
  }

  editRename(text: string): void {
    if (this.state.renaming) this.update({ renaming: { ...this.state.renaming, text } });
  }

  cancelRename(): void {
    this.update({ renaming: undefined });
  }

  commitRename(): void {
    const draft = this.state.renaming;
    if (!draft) return;
    this.update({ renaming: undefined });
    const label = draft.text.trim();
    const current = this.state.annotations.find(item => item.uid === draft.uid);
    if (current && current.label !== label) this.viewer?.rename(draft.uid, label);
  }

  remove(uid: string): void {
    this.viewer?.remove(uid);
  }

  private apply(change: AnnotationChange): void {
    const { annotations, selectedUid, renaming } = this.state;
    switch (change.type) {
      case 'upsert': {
        const index = annotations.findIndex(item => item.uid === change.annotation.uid);
        const next = [...annotations];
        if (index === -1) next.push(change.annotation);
        else next[index] = change.annotation;
        this.update({ annotations: next });
        return;
      }
      case 'remove':
        this.update({
          annotations: annotations.filter(item => item.uid !== change.uid),
          selectedUid: selectedUid === change.uid ? undefined : selectedUid,
          renaming: renaming?.uid === change.uid ? undefined : renaming,
        });
        return;
      case 'clear':
        this.update({ annotations: [], selectedUid: undefined, renaming: undefined });
        return;
    }
  }

  private update(patch: Partial<TeachingState>): void {
    this.state = { ...this.state, ...patch };
    // A drag fires many host updates per frame; listeners hear about them once per microtask.
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      this.listeners.forEach(listener => listener());
    });
  }
}
