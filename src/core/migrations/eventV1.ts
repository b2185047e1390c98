import type { Migration } from './migrateRecord';

/** Version 1 events were all written against version 1 sessions; version 2 says so on each event. */
export const EVENT_FROM_V1: Migration = {
  from: 1,
  migrate: record => ({ ...record, schemaVersion: 2, sessionSchemaVersion: 1 }),
};
