import type { Actor } from '../../core/session/people';
import type { Account, Department } from '../repository/RecordsRepository';

/** Who is making a request, established by the cookie or the identity provider's token. */
export interface Principal {
  account: Account;
  department: Department;
  via: 'cookie' | 'bearer';
  /** Present for cookie sign-ins: the hashed token, to sign out this browser only. */
  sessionTokenHash?: string;
}

export const actorOf = (principal: Principal): Actor => ({ id: principal.account.id, role: principal.account.role });
