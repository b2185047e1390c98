import { mkdirSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import type { Tables } from './tables';

export type DatabaseLocation =
  | { kind: 'sqlite'; file: string }
  /** `schema` keeps several departments' installations, or several test runs, apart in one database. */
  | { kind: 'postgres'; url: string; schema: string };

export type Dialect = DatabaseLocation['kind'];

export interface OpenDatabase {
  db: Kysely<Tables>;
  dialect: Dialect;
  close(): Promise<void>;
}

/** A start-up problem an operator can act on, said in one line. */
export class DatabaseStartError extends Error {}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function describeLocation(location: DatabaseLocation): string {
  if (location.kind === 'sqlite') return `SQLite ${location.file}`;
  const url = new URL(location.url);
  url.password = url.password ? '***' : '';
  return `PostgreSQL ${url.toString()} (schema ${location.schema})`;
}

function openSqlite(file: string): Kysely<Tables> {
  const folder = path.dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new DatabaseStartError(`Cannot write the data folder ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set DATA_DIR to a folder this user may write.`);
  }
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(file);
    // WAL lets readers go on while one write commits; NORMAL sync keeps every committed write across a
    // crash of the process (only a power cut can lose the last ones), at a fraction of FULL's cost.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new DatabaseStartError(`Cannot open the records database ${file}: ${(error as Error).message}`);
  }
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
}

async function openPostgres(url: string, schema: string): Promise<Kysely<Tables>> {
  if (!SCHEMA_NAME.test(schema)) throw new DatabaseStartError(`DATABASE_SCHEMA "${schema}" must be lower-case letters, digits and _ (at most 63).`);
  const where = describeLocation({ kind: 'postgres', url, schema });
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // The server's own words ('database "x" does not exist', 'password authentication failed …') say
    // what to fix; its SQLSTATE code alone ('3D000') does not. The code is only the fallback for an
    // error that comes without a message.
    const cause = (error as Error).message?.replace(/\s+/g, ' ').trim() || ((error as NodeJS.ErrnoException).code ?? String(error));
    throw new DatabaseStartError(`Cannot reach the records database at ${where}: ${cause}. Check DATABASE_URL and that PostgreSQL is running.`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000, options: `-c search_path="${schema}"` });
  // An idle connection dropped by the server must not take the process down with it.
  pool.on('error', () => undefined);
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the records database and brings its schema up to date before anything reads it. */
export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  const db = location.kind === 'sqlite' ? openSqlite(location.file) : await openPostgres(location.url, location.schema);
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Without a schema, Kysely's "does the migration table exist?" matches kysely_migration in any
    // schema of the database, so a second installation (or test run) beside the first skipped creating
    // its own and then failed on "relation kysely_migration_lock does not exist".
    ...(location.kind === 'postgres' ? { migrationTableSchema: location.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find(result => result.status === 'Error')?.migrationName;
    throw new DatabaseStartError(`Migrating ${describeLocation(location)} failed${failed ? ` at ${failed}` : ''}: ${(error as Error).message}`);
  }
  return { db, dialect: location.kind, close: () => db.destroy() };
}
