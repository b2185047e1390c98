import type { Actor } from '../../core/session/people';
import type { Account, Department } from '../repository/RecordsRepository';

/** Who is making a request, established by the cookie or the identity provider's token. */
export interface Principal {
  account: Account;
  department: Department;
  via: 'cookie' | 'bearer';
  /** Present for cookie sign-ins: the hashed token, to sign out this browser only. */
  sessionTokenHash?: string;
  /**
   * Present while a tutor scores at a workstation where someone else is signed in: `account` is then
   * the tutor, and every change is theirs; `workstation` is who is signed in with the cookie.
   */
  standIn?: { tokenHash: string; workstation: Account; expiresAt: string };
}

export const actorOf = (principal: Principal): Actor => ({ id: principal.account.id, role: principal.account.role });
