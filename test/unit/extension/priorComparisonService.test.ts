import { describe, expect, it } from 'vitest';
import type { TeachingApi } from '../../../extension/api/teachingApi';
import type { PriorComparison } from '../../../extension/host/priorComparison';
import type { ViewerAnnotations } from '../../../extension/host/viewerAnnotations';
import { memoryDraft } from '../../../extension/service/memoryDraft';
import { TeachingService } from '../../../extension/service/TeachingService';
import type { TeachingCase } from '../../../src/core/session/teachingCase';
import type { WhoAmI } from '../../../src/records/api/auth';
import { newSession } from '../../fixtures/sessionRules';

const CURRENT = '1.2.840.1';
const PRIOR = '1.2.840.0';
const SESSION = { ...newSession(), id: 'session-1' };

// An administrator looking on: the session opens read-only, with no queue, which is all 4.4's prior needs.
const ADMIN: WhoAmI = {
  account: { id: 'admin-1', username: 'admin', name: '管理员', role: 'admin', trainingYear: null, active: true, version: 1 },
  department: { id: 'dept', name: '放射科' },
  via: 'cookie',
};

const viewer: ViewerAnnotations = {
  list: () => [],
  watch: () => () => undefined,
  jumpTo: () => undefined,
  rename: () => undefined,
  remove: () => undefined,
  rawAnnotation: () => undefined,
  restore: async () => ({ restored: [], unplaced: [] }),
  paint: () => undefined,
  lock: () => undefined,
};

function setUp(studyInstanceUIDs: string[], comparison: Partial<PriorComparison> = {}) {
  const calls: string[] = [];
  const teachingCase = { id: SESSION.caseId, studyInstanceUIDs } as TeachingCase;
  const api = {
    whoAmI: async () => ADMIN,
    findOpenSession: async () => ({ session: SESSION, version: 3 }),
    listAnnotations: async () => [],
    getCase: async (caseId: string) => {
      calls.push(`getCase ${caseId}`);
      return { case: teachingCase, version: 1 };
    },
  } as unknown as TeachingApi;
  const priorComparison: PriorComparison = {
    describe: async uid => {
      calls.push(`describe ${uid}`);
      return { studyInstanceUID: uid, date: '2026-04-15', description: 'CT Chest without contrast' };
    },
    open: async (current, prior) => {
      calls.push(`open ${current} ${prior}`);
      return { kind: 'approximate', anchor: 'headEnd', translationMm: [0, 0, 0], shiftMm: 0 };
    },
    close: async () => void calls.push('close'),
    ...comparison,
  };
  const service = new TeachingService('zh-CN', {
    languageStore: { load: () => null, save: () => undefined },
    api: async () => api,
    signInUrl: '/api/auth/sign-in',
    page: { assign: () => undefined, reload: () => undefined },
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms) },
    newKey: () => 'key-000000000001',
    localDraft: async () => memoryDraft(),
    priorComparison,
  });
  service.attach(viewer, CURRENT);
  return { service, calls };
}

const opened = async (service: TeachingService) => {
  for (let i = 0; i < 20 && !service.getState().record; i++) await new Promise(resolve => setTimeout(resolve, 0));
  expect(service.getState().record).toBeDefined();
};

describe('the prior study in 4.4', () => {
  it('finds the case’s prior, the study after the one read, and names it once per session', async () => {
    const { service, calls } = setUp([CURRENT, PRIOR]);
    await opened(service);
    await service.loadPrior();
    await service.loadPrior();
    expect(service.getState().prior.study).toEqual({ studyInstanceUID: PRIOR, date: '2026-04-15', description: 'CT Chest without contrast' });
    expect(calls).toEqual([`getCase ${SESSION.caseId}`, `describe ${PRIOR}`]);
  });

  it('offers nothing when the case has no prior', async () => {
    const { service, calls } = setUp([CURRENT]);
    await opened(service);
    await service.loadPrior();
    expect(service.getState().prior.study).toBeUndefined();
    expect(calls).toEqual([`getCase ${SESSION.caseId}`]);
  });

  it('still offers the prior when the PACS cannot name it', async () => {
    const { service } = setUp([CURRENT, PRIOR], { describe: async () => Promise.reject(new Error('QIDO down')) });
    await opened(service);
    await service.loadPrior();
    expect(service.getState().prior.study).toEqual({ studyInstanceUID: PRIOR, date: undefined, description: undefined });
  });

  it('opens the prior beside the current study with its alignment, then closes back', async () => {
    const { service, calls } = setUp([CURRENT, PRIOR]);
    await opened(service);
    await service.loadPrior();
    const opening = service.togglePriorComparison();
    expect(service.getState().prior.comparison).toBe('opening');
    // A second click while it opens does nothing.
    await service.togglePriorComparison();
    await opening;
    expect(service.getState().prior).toMatchObject({ comparison: 'open', alignment: { kind: 'approximate', anchor: 'headEnd' }, error: undefined });
    await service.togglePriorComparison();
    expect(service.getState().prior).toMatchObject({ comparison: 'closed', alignment: undefined });
    expect(calls.slice(2)).toEqual([`open ${CURRENT} ${PRIOR}`, 'close']);
  });

  it('says why opening failed and leaves the way back open', async () => {
    const { service, calls } = setUp([CURRENT, PRIOR], { open: async () => Promise.reject(new Error('timed out waiting for the prior study to render')) });
    await opened(service);
    await service.loadPrior();
    await service.togglePriorComparison();
    expect(service.getState().prior).toMatchObject({ comparison: 'open', alignment: undefined, error: 'timed out waiting for the prior study to render' });
    await service.togglePriorComparison();
    expect(service.getState().prior).toMatchObject({ comparison: 'closed', error: undefined });
    expect(calls).toContain('close');
  });
});
