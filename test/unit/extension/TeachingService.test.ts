import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationChange, ViewerAnnotations } from '../../../extension/host/viewerAnnotations';
import type { DrawnAnnotation } from '../../../extension/service/drawnAnnotation';
import { TeachingService, type LanguageStore } from '../../../extension/service/TeachingService';

/** A viewer double that records what the service asked the host to do. */
class FakeViewer implements ViewerAnnotations {
  calls: string[] = [];
  private listener: ((change: AnnotationChange) => void) | undefined;
  constructor(private readonly initial: DrawnAnnotation[] = []) {}
  list = () => this.initial;
  watch(onChange: (change: AnnotationChange) => void) {
    this.listener = onChange;
    return () => {
      this.listener = undefined;
    };
  }
  emit(change: AnnotationChange) {
    this.listener?.(change);
  }
  get watching() {
    return this.listener !== undefined;
  }
  jumpTo = (uid: string) => void this.calls.push(`jump ${uid}`);
  rename = (uid: string, label: string) => void this.calls.push(`rename ${uid} ${label}`);
  remove = (uid: string) => void this.calls.push(`remove ${uid}`);
}

const annotation = (uid: string, label = ''): DrawnAnnotation => ({ uid, toolName: 'Length', label, values: ['10 mm'] });

function memoryStore(saved: string | null = null): LanguageStore & { saved: string | null } {
  return {
    saved,
    load() {
      return this.saved;
    },
    save(language) {
      this.saved = language;
    },
  };
}

const flush = () => new Promise<void>(resolve => queueMicrotask(resolve));

describe('TeachingService', () => {
  let service: TeachingService;
  let viewer: FakeViewer;

  beforeEach(() => {
    service = new TeachingService('zh-CN', memoryStore());
    viewer = new FakeViewer([annotation('a', 'Nodule')]);
    service.attach(viewer);
  });

  it('takes in what was already drawn and follows additions, updates and removals in order', () => {
    viewer.emit({ type: 'upsert', annotation: annotation('b') });
    viewer.emit({ type: 'upsert', annotation: annotation('c') });
    viewer.emit({ type: 'upsert', annotation: annotation('b', 'Vessel') });
    viewer.emit({ type: 'remove', uid: 'a' });
    expect(service.getState().annotations.map(item => `${item.uid}:${item.label}`)).toEqual(['b:Vessel', 'c:']);
    viewer.emit({ type: 'clear' });
    expect(service.getState().annotations).toEqual([]);
  });

  it('hands out a new snapshot on change and the same one otherwise', () => {
    const before = service.getState();
    expect(service.getState()).toBe(before);
    viewer.emit({ type: 'upsert', annotation: annotation('b') });
    expect(service.getState()).not.toBe(before);
  });

  it('notifies listeners once for a burst of host events', async () => {
    let notified = 0;
    service.subscribe(() => notified++);
    for (let i = 0; i < 20; i++) viewer.emit({ type: 'upsert', annotation: annotation('a', `drag ${i}`) });
    await flush();
    expect(notified).toBe(1);
  });

  it('selecting a row jumps the viewer there', () => {
    service.select('a');
    expect(service.getState().selectedUid).toBe('a');
    expect(viewer.calls).toEqual(['jump a']);
  });

  it('keeps a half-typed rename in the service and sends only a real change', () => {
    service.startRename('a');
    service.editRename('  Solid nodule ');
    expect(service.getState().renaming).toEqual({ uid: 'a', text: '  Solid nodule ' });
    service.commitRename();
    expect(viewer.calls).toEqual(['rename a Solid nodule']);
    expect(service.getState().renaming).toBeUndefined();

    service.startRename('a');
    service.commitRename();
    expect(viewer.calls).toHaveLength(1);
  });

  it('cancelling a rename changes nothing', () => {
    service.startRename('a');
    service.editRename('Other');
    service.cancelRename();
    expect(viewer.calls).toEqual([]);
    expect(service.getState().renaming).toBeUndefined();
  });

  it('ignores a rename of something that is not listed', () => {
    service.startRename('nope');
    expect(service.getState().renaming).toBeUndefined();
  });

  it('deleting asks the viewer, and the row goes when the viewer confirms', () => {
    service.remove('a');
    expect(viewer.calls).toEqual(['remove a']);
    expect(service.getState().annotations).toHaveLength(1);
    viewer.emit({ type: 'remove', uid: 'a' });
    expect(service.getState().annotations).toHaveLength(0);
  });

  it('forgets selection and rename of an annotation removed on the image', () => {
    service.select('a');
    service.startRename('a');
    viewer.emit({ type: 'remove', uid: 'a' });
    expect(service.getState().selectedUid).toBeUndefined();
    expect(service.getState().renaming).toBeUndefined();
  });

  it('stops following the viewer when detached', () => {
    service.detach();
    expect(viewer.watching).toBe(false);
    service.select('a');
    expect(viewer.calls).toEqual([]);
  });

  it('remembers the chosen language and starts in it next time', () => {
    const store = memoryStore();
    const first = new TeachingService('zh-CN', store);
    expect(first.getState().language).toBe('zh-CN');
    first.setLanguage('en');
    expect(new TeachingService('zh-CN', store).getState().language).toBe('en');
    expect(new TeachingService('zh-CN', memoryStore('klingon')).getState().language).toBe('zh-CN');
  });
});
