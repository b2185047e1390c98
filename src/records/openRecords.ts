import { createAuthenticator } from './auth/authenticate';
import { createOidcVerifier } from './auth/oidcVerifier';
import type { RecordsConfig } from './config';
import { openDatabase } from './db/openDatabase';
import type { RecordsDeps } from './http/context';
import { KyselyRepository } from './repository/kyselyRepository';
import { seedDemoDepartment } from './seed/demoDepartment';

export interface OpenRecords extends RecordsDeps {
  /** Whether this start seeded the demo department (it is seeded into an empty database once). */
  seededDemo: boolean;
  close(): Promise<void>;
}

/** Opens the records database (migrating it), the identity provider's verifier, and seeds the demo department once. */
export async function openRecords(config: RecordsConfig, now: () => Date = () => new Date()): Promise<OpenRecords> {
  const database = await openDatabase(config.database);
  const repository = new KyselyRepository(database.db);
  const oidc = config.oidc ? createOidcVerifier(config.oidc) : undefined;
  const seededDemo = config.demo.enabled ? (await seedDemoDepartment(repository, config.demo.password, now())).seeded : false;
  return {
    repository,
    authenticator: createAuthenticator(repository, oidc, now),
    language: config.language,
    now,
    signTolerances: config.signTolerances,
    viewerPath: config.viewerPath,
    seededDemo,
    close: () => repository.close(),
  };
}
