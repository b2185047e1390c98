import type { Account } from './RecordsRepository';

export type NewAccount = Pick<Account, 'id' | 'departmentId' | 'username' | 'name' | 'role' | 'trainingYear' | 'passwordHash'> & Partial<Pick<Account, 'externalSubject'>>;

/** An account as it is first stored: active, never failed a sign-in, version 1. */
export function newAccount(fields: NewAccount, at: string): Account {
  return { externalSubject: null, ...fields, active: true, failedSignIns: 0, lockedUntil: null, version: 1, createdAt: at, updatedAt: at };
}
