import { describe, expect, it } from 'vitest';
import { hostAuthorization, openedStudyInstanceUID } from '../../../extension/host/hostSession';
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
