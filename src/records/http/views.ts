import type { Account } from '../repository/RecordsRepository';
import type { AccountView } from '../api/people';

export const accountView = (account: Account): AccountView => ({
  id: account.id,
  username: account.username,
  name: account.name,
  role: account.role,
  trainingYear: account.trainingYear,
  active: account.active,
  version: account.version,
});
