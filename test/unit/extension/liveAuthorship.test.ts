import { describe, expect, it } from 'vitest';
import type { TeachingApi } from '../../../extension/api/teachingApi';
import type { AnnotationChange, RestoreOptions, ViewerAnnotations } from '../../../extension/host/viewerAnnotations';
import type { AnnotationContent } from '../../../extension/service/annotationSync';
import { memoryDraft } from '../../../extension/service/memoryDraft';
import { FOLLOW_INTERVAL_MS, type PageVisibility } from '../../../extension/service/sessionFollower';
import { TeachingService } from '../../../extension/service/TeachingService';
import type { AnnotationView } from '../../../src/records/api/annotations';
import type { WhoAmI } from '../../../src/records/api/auth';
import type { TeachingSession } from '../../../src/core/session/session';
import { newSession } from '../../fixtures/sessionRules';
import { ManualClock } from '../../support/manualClock';

const STUDY = '1.2.840.1';
const content = (label: string): AnnotationContent => ({
  studyInstanceUID: STUDY,
  seriesInstanceUID: '1.2.840.1.1',
  sopInstanceUID: '1.2.840.1.1.1',
  frameNumber: null,
  annotation: { data: { label }, metadata: { toolName: 'Length' } },
});

/** The host as the service drives it: restoring and removing announce themselves as the host does, at once. */
class HostDouble implements ViewerAnnotations {
  calls: string[] = [];
  drawn = new Map<string, AnnotationContent>();
  private listener: ((change: AnnotationChange) => void) | undefined;
  list = () => [];
  watch(onChange: (change: AnnotationChange) => void) {
    this.listener = onChange;
    return () => (this.listener = undefined);
  }
  /** The person draws or changes a line with the mouse. */
  draw(uid: string, label: string) {
    this.drawn.set(uid, content(label));
    this.listener?.({ type: 'upsert', annotation: { uid, toolName: 'Length', label, values: ['10 mm'] } });
  }
  jumpTo = () => undefined;
  rename = () => undefined;
  remove = (uid: string) => {
    this.calls.push(`remove ${uid}`);
    this.drawn.delete(uid);
    this.listener?.({ type: 'remove', uid });
  };
  rawAnnotation = (uid: string) => this.drawn.get(uid);
  paint = (uid: string, author: string) => void this.calls.push(`paint ${uid} ${author}`);
  lock = (uid: string) => void this.calls.push(`lock ${uid}`);
  async restore(annotations: readonly AnnotationView[], options: RestoreOptions) {
    if (annotations.length === 0) return { restored: [], unplaced: [] };
    this.calls.push(`restore ${annotations.map(item => item.uid).join(',')} locked ${[...options.locked].join(',')}`);
    for (const item of annotations) {
      this.drawn.set(item.uid, content(String((item.annotation.data as { label: string }).label)));
      this.listener?.({ type: 'upsert', annotation: { uid: item.uid, toolName: 'Length', label: String((item.annotation.data as { label: string }).label), values: [] } });
    }
    return { restored: annotations.map(item => item.uid), unplaced: [] };
  }
}

const person = (id: string, role: 'resident' | 'tutor', name: string): WhoAmI => ({
  account: { id, username: id, name, role, trainingYear: role === 'resident' ? 2 : null, active: true, version: 1 },
  department: { id: 'dept', name: '放射科' },
  via: 'cookie',
});
const TUTOR = person('tutor-1', 'tutor', '王建华');
const RESIDENT = person('resident-1', 'resident', '李明轩');

/** The server as another workstation changes it, and what this one asked of it. */
class Server {
  session: TeachingSession = { ...newSession(), id: 'session-1', residentId: 'resident-1', tutorId: 'tutor-1' };
  version = 1;
  annotations: AnnotationView[] = [];
  writes: string[] = [];
  looks = 0;
  /** Commands get no answer yet: what the person typed is still on its way. */
  holdCommands = false;
  constructor(private readonly me: WhoAmI) {}
  put(uid: string, authorId: string, label: string, version: number) {
    const annotation: AnnotationView = {
      uid,
      authorId,
      authorRole: authorId.startsWith('tutor') ? 'tutor' : 'resident',
      ...content(label),
      version,
      updatedAt: new Date(Date.UTC(2026, 11, 1, 8, version)).toISOString(),
    };
    this.annotations = [...this.annotations.filter(item => item.uid !== uid), annotation];
  }
  api = {
    whoAmI: async () => this.me,
    signOut: async () => undefined,
    findOpenSession: async () => ({ session: this.session, version: this.version }),
    listAnnotations: async () => this.annotations,
    getSession: async () => {
      this.looks++;
      return { session: this.session, version: this.version };
    },
    saveAnnotation: async (_session: string, uid: string, body: { version: number }) => {
      this.writes.push(`put ${uid} v${body.version}`);
      return { ...this.annotations[0]!, uid, authorId: this.me.account.id, version: body.version + 1 };
    },
    deleteAnnotation: async (_session: string, uid: string) => void this.writes.push(`delete ${uid}`),
    runCommand: async (_session: string, version: number, command: { type: string }) => {
      this.writes.push(`command v${version} ${command.type}`);
      if (this.holdCommands) await new Promise(() => undefined);
      this.version++;
      return { session: this.session, version: this.version, event: {} };
    },
  } as unknown as TeachingApi;
}

class Page implements PageVisibility {
  shown = true;
  private listener: (() => void) | undefined;
  visible = () => this.shown;
  onChange(listener: () => void) {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  set(shown: boolean) {
    this.shown = shown;
    this.listener?.();
  }
}

async function workstation(me: WhoAmI) {
  const server = new Server(me);
  const clock = new ManualClock();
  const page = new Page();
  const online: Array<() => void> = [];
  const service = new TeachingService('zh-CN', {
    languageStore: { load: () => null, save: () => undefined },
    api: async () => server.api,
    signInUrl: '/api/auth/sign-in',
    page: { assign: () => undefined, reload: () => undefined },
    timers: clock,
    newKey: () => Math.random().toString(16).slice(2).padEnd(12, '0'),
    localDraft: async () => memoryDraft(),
    onOnline: listener => void online.push(listener),
    visibility: page,
  });
  const host = new HostDouble();
  service.attach(host, STUDY);
  await clock.advance(0);
  expect(service.getState().session).toMatchObject({ status: 'open' });
  return { server, clock, page, service, host, online: () => online.forEach(listener => listener()) };
}

const uids = (service: TeachingService) => service.getState().annotations.map(item => item.uid);

describe("the other workstation's drawings, without a reload", () => {
  it("draws the resident's new drawing at the tutor's locked, redraws it when changed, takes it off when deleted, and saves none of it", async () => {
    const { server, clock, service, host } = await workstation(TUTOR);
    server.put('r1', 'resident-1', '结节', 1);
    await clock.advance(FOLLOW_INTERVAL_MS);
    expect(host.calls).toEqual(['restore r1 locked r1']);
    expect(uids(service)).toEqual(['r1']);
    expect(service.getState().readOnly.get('r1')).toBe('resident');
    expect(service.getState().authors.get('r1')).toBe('resident');

    // Nothing changed: nothing is drawn again.
    await clock.advance(FOLLOW_INTERVAL_MS * 3);
    expect(host.calls).toEqual(['restore r1 locked r1']);

    server.put('r1', 'resident-1', '实性结节', 2);
    await clock.advance(FOLLOW_INTERVAL_MS);
    expect(host.calls.slice(1)).toEqual(['remove r1', 'restore r1 locked r1']);
    expect(service.getState().annotations.find(item => item.uid === 'r1')?.label).toBe('实性结节');

    server.annotations = [];
    await clock.advance(FOLLOW_INTERVAL_MS);
    expect(host.calls.slice(3)).toEqual(['remove r1']);
    expect(uids(service)).toEqual([]);
    expect(service.getState().readOnly.has('r1')).toBe(false);
    await clock.advance(FOLLOW_INTERVAL_MS);
    expect(server.writes).toEqual([]);
  });

  it("draws the tutor's own new drawing in the tutor's colour at once and saves it as theirs", async () => {
    const { server, clock, service, host } = await workstation(TUTOR);
    server.put('r1', 'resident-1', '结节', 1);
    host.draw('t1', '漏诊：胸腔积液');
    await clock.advance(0);
    expect(host.calls).toEqual(['paint t1 tutor']);
    expect(service.getState().authors.get('t1')).toBe('tutor');
    expect(server.writes).toEqual(['put t1 v0']);
    // The tutor's own drawing, listed by the server, is not drawn a second time.
    server.put('t1', 'tutor-1', '漏诊：胸腔积液', 1);
    await clock.advance(FOLLOW_INTERVAL_MS);
    expect(host.calls).toEqual(['paint t1 tutor', 'restore r1 locked r1']);
  });

  it('shows a stage the resident handed in, and keeps on top what the tutor is typing', async () => {
    const { server, clock, service } = await workstation(TUTOR);
    server.holdCommands = true;
    service.editEvaluation('4.1', { scores: {}, notApplicable: [], criterionRemarks: {}, remark: '正在写的评语', feedback: '', guidance: '' });
    server.session = { ...server.session, stages: { ...server.session.stages, '4.1': { ...server.session.stages['4.1'], status: 'submitted' } } };
    server.version = 7;
    await clock.advance(FOLLOW_INTERVAL_MS);
    expect(service.getState().record?.version).toBe(7);
    expect(service.getState().record?.session.stages['4.1'].status).toBe('submitted');
    expect(service.getState().evaluations['4.1']?.remark).toBe('正在写的评语');
    expect(server.writes).toEqual(['command v1 evaluateStage']);
  });

  it('looks only while the page is on screen, and at once when it comes back or the network does', async () => {
    const { server, clock, page, online } = await workstation(TUTOR);
    page.set(false);
    await clock.advance(FOLLOW_INTERVAL_MS * 10);
    expect(server.looks).toBe(0);
    page.set(true);
    await clock.advance(0);
    expect(server.looks).toBe(1);
    online();
    await clock.advance(0);
    expect(server.looks).toBe(2);
  });

  it('locks every drawing, the person’s own too, once the session is signed off, and changes none from the panel', async () => {
    const { server, clock, service, host } = await workstation(RESIDENT);
    host.draw('mine', '结节');
    await clock.advance(0);
    server.put('mine', 'resident-1', '结节', 1);
    // Signed off at the tutor's workstation: the tutor's corrections now come in too.
    server.session = { ...server.session, signOff: { at: '2026-12-01T09:00:00.000Z', by: 'tutor-1', stages: server.session.stages } };
    server.version = 30;
    server.put('t1', 'tutor-1', '漏诊：胸腔积液', 1);
    await clock.advance(FOLLOW_INTERVAL_MS);
    expect(host.calls).toEqual(['paint mine resident', 'lock mine', 'restore t1 locked t1']);
    expect(service.getState().authors.get('t1')).toBe('tutor');
    // Later looks at the signed session change nothing on the images.
    await clock.advance(FOLLOW_INTERVAL_MS * 3);
    expect(host.calls).toHaveLength(3);
    service.remove('mine');
    service.startRename('mine');
    expect(host.calls).not.toContain('remove mine');
    expect(service.getState().renaming).toBeUndefined();
  });
});
