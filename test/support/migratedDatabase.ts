import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { expect } from 'vitest';
import { migrationProvider } from '../../src/records/db/migrations';
import type { DatabaseLocation } from '../../src/records/db/openDatabase';

/** The database as an earlier release left it: migrated up to `migration` only, for a test to store what that release stored. */
export async function databaseMigratedTo(location: DatabaseLocation, migration: string): Promise<Kysely<any>> {
  if (location.kind === 'sqlite') {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(location.file) }) });
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(migration)).error).toBeUndefined();
    return db;
  }
  const admin = new pg.Client({ connectionString: location.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS "${location.schema}"`);
  await admin.end();
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, options: `-c search_path="${location.schema}"` }) }) });
  expect((await new Migrator({ db, provider: migrationProvider, migrationTableSchema: location.schema }).migrateTo(migration)).error).toBeUndefined();
  return db;
}
