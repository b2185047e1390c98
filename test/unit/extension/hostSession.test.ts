import { describe, expect, it } from 'vitest';
import { hostAuthorization, openedStudyInstanceUID, requestedPreparation, withPreparation } from '../../../extension/host/hostSession';
import type { ServicesManager } from '../../../extension/host/ohifTypes';

describe('the study a session is opened for', () => {
  it('is the first of the URL, however the host spells the parameter', () => {
    expect(openedStudyInstanceUID('?StudyInstanceUIDs=1.2.3')).toBe('1.2.3');
    expect(openedStudyInstanceUID('?studyInstanceUIDs=1.2.3,4.5.6&hangingProtocolId=x')).toBe('1.2.3');
    expect(openedStudyInstanceUID('?other=1')).toBeUndefined();
    expect(openedStudyInstanceUID('?StudyInstanceUIDs=')).toBeUndefined();
  });
});

describe("the host's authorization", () => {
  it('is asked for at every call, and is nothing without OIDC', () => {
    let header: Record<string, string> | undefined = { Authorization: 'Bearer one' };
    const services = { userAuthenticationService: { getAuthorizationHeader: () => header } } as unknown as ServicesManager['services'];
    const authorization = hostAuthorization({ services } as ServicesManager);
    expect(authorization()).toEqual({ Authorization: 'Bearer one' });
    header = { Authorization: 'Bearer two' };
    expect(authorization()).toEqual({ Authorization: 'Bearer two' });
    header = undefined;
    expect(authorization()).toBeUndefined();
    expect(hostAuthorization({ services: {} } as ServicesManager)()).toBeUndefined();
  });
});

describe('the case the URL asks to prepare', () => {
  it('is new or a case id, and nothing when the parameter is missing or empty', () => {
    expect(requestedPreparation('?StudyInstanceUIDs=1.2.3&prepareCase=new')).toBe('new');
    expect(requestedPreparation('?prepareCase=case-7&StudyInstanceUIDs=1.2.3')).toBe('case-7');
    expect(requestedPreparation('?StudyInstanceUIDs=1.2.3')).toBeUndefined();
    expect(requestedPreparation('?prepareCase=')).toBeUndefined();
  });

  it('is replaced by the saved case, keeping every other parameter', () => {
    const next = withPreparation('?StudyInstanceUIDs=1.2.3&prepareCase=new&lng=en', 'case-7');
    expect(requestedPreparation(next)).toBe('case-7');
    expect(openedStudyInstanceUID(next)).toBe('1.2.3');
    expect(new URLSearchParams(next).get('lng')).toBe('en');
  });
});
