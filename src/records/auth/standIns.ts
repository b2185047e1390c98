import type { RecordsRepository } from '../repository/RecordsRepository';
import { fail } from '../http/apiFailure';
import type { Principal } from './principal';
import { hashSessionToken } from './sessionTokens';

/**
 * A tutor scoring at the resident's workstation (the guide's one-on-one teaching) signs in for this
 * tab only: the panel sends the token in this header beside the resident's cookie, so the scores
 * are the tutor's while the browser stays signed in as the resident.
 */
export const STAND_IN_HEADER = 'x-teaching-stand-in';

/** A takeover is one teaching sitting, not a working day: it ends by itself after this long. */
export const STAND_IN_MS = 4 * 60 * 60 * 1000;

export const standInEnded = () =>
  fail(401, 'auth.standInEnded', '指导医师的接管已结束（已交还、已过期或本工作站已退出登录），请重新接管', "The tutor's takeover has ended (handed back, expired, or this workstation signed out); take over again");

export const standInNeedsCookie = () =>
  fail(401, 'auth.standInNeedsSignIn', '接管评分须在已登录的工作站上进行', 'A takeover works only at a workstation where someone is signed in');

/**
 * The principal of a request that carries a stand-in token beside a workstation's sign-in: the
 * tutor, in the workstation's department. A token that is not good for this very sign-in is
 * refused rather than ignored, so that a tutor's change is never recorded as the resident's.
 */
export async function standInPrincipal(repository: RecordsRepository, workstation: Principal, token: string, now: Date): Promise<Principal> {
  const tokenHash = hashSessionToken(token);
  const found = await repository.findStandIn(tokenHash);
  if (!found || !workstation.sessionTokenHash || found.workstationTokenHash !== workstation.sessionTokenHash) throw standInEnded();
  const tutor = found.account;
  if (Date.parse(found.expiresAt) <= now.getTime() || !tutor.active || tutor.role !== 'tutor' || tutor.departmentId !== workstation.department.id) {
    await repository.deleteStandIn(tokenHash);
    throw standInEnded();
  }
  return { ...workstation, account: tutor, standIn: { tokenHash, workstation: workstation.account, expiresAt: found.expiresAt } };
}
