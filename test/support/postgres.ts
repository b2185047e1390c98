import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseLocation, Dialect } from '../../src/records/db/openDatabase';

/** The PostgreSQL database tests may create schemas in; CI points this elsewhere. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type SqliteLocation = Extract<DatabaseLocation, { kind: 'sqlite' }>;
export type PostgresLocation = Extract<DatabaseLocation, { kind: 'postgres' }>;

/**
 * A schema name no other run uses: runs share one database, possibly at the same time, and must
 * never see each other's rows. The pid tells whose leftovers a crashed run left behind.
 */
export function freshSchemaName(): string {
  return `t_${process.pid}_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  // The name goes into SQL as an identifier, which cannot be a bound parameter.
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Refusing to drop schema "${schema}": not a plain lower-case name`);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export interface TestDatabases {
  /** One location of each kind, for a suite that runs the same tests against both. */
  locations: { sqlite: SqliteLocation; postgres: PostgresLocation };
  /** A further, empty location of that kind, removed by `cleanup` as well. */
  fresh(kind: Dialect): DatabaseLocation;
  /** Deletes the SQLite folder and drops every schema handed out; close the databases first. */
  cleanup(): Promise<void>;
}

export function testDatabases(): TestDatabases {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-records-'));
  const schemas: string[] = [];
  let files = 0;
  const sqlite = (): SqliteLocation => ({ kind: 'sqlite', file: path.join(folder, `records-${++files}.sqlite`) });
  const postgres = (): PostgresLocation => {
    const schema = freshSchemaName();
    schemas.push(schema);
    return { kind: 'postgres', url: TEST_DATABASE_URL, schema };
  };
  return {
    locations: { sqlite: sqlite(), postgres: postgres() },
    fresh: kind => (kind === 'sqlite' ? sqlite() : postgres()),
    async cleanup() {
      rmSync(folder, { recursive: true, force: true });
      // Every schema is attempted even if one fails, so one problem does not leave the rest behind.
      const failures = (await Promise.allSettled(schemas.map(schema => dropSchema(TEST_DATABASE_URL, schema)))).filter(result => result.status === 'rejected');
      if (failures.length) throw new AggregateError(failures.map(failure => failure.reason), `Could not drop ${failures.length} test schema(s) in ${TEST_DATABASE_URL}`);
    },
  };
}
