import type { Kysely, Migration, MigrationProvider } from 'kysely';

/**
 * The schema's versions, applied in order at start-up by Kysely's migrator. Released migrations are
 * never edited: a change to the schema is a new entry.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-records': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('departments')
        .addColumn('id', 'text', column => column.primaryKey())
        .addColumn('name', 'text', column => column.notNull())
        .addColumn('created_at', 'text', column => column.notNull())
        .execute();

      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', column => column.primaryKey())
        .addColumn('department_id', 'text', column => column.notNull().references('departments.id'))
        .addColumn('username', 'text', column => column.notNull().unique())
        .addColumn('name', 'text', column => column.notNull())
        .addColumn('role', 'text', column => column.notNull())
        .addColumn('training_year', 'integer')
        .addColumn('active', 'integer', column => column.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('external_subject', 'text')
        .addColumn('failed_sign_ins', 'integer', column => column.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('version', 'integer', column => column.notNull())
        .addColumn('created_at', 'text', column => column.notNull())
        .addColumn('updated_at', 'text', column => column.notNull())
        .execute();
      await db.schema.createIndex('accounts_by_department').on('accounts').columns(['department_id', 'role']).execute();
      await db.schema.createIndex('accounts_by_subject').on('accounts').columns(['department_id', 'external_subject']).unique().execute();

      await db.schema
        .createTable('auth_sessions')
        .addColumn('token_hash', 'text', column => column.primaryKey())
        .addColumn('account_id', 'text', column => column.notNull().references('accounts.id'))
        .addColumn('created_at', 'text', column => column.notNull())
        .addColumn('expires_at', 'text', column => column.notNull())
        .execute();
      await db.schema.createIndex('auth_sessions_by_account').on('auth_sessions').column('account_id').execute();

      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', column => column.primaryKey())
        .addColumn('department_id', 'text', column => column.notNull().references('departments.id'))
        .addColumn('training_year', 'integer', column => column.notNull())
        .addColumn('modality', 'text', column => column.notNull())
        .addColumn('category', 'text', column => column.notNull())
        .addColumn('record', 'text', column => column.notNull())
        .addColumn('version', 'integer', column => column.notNull())
        .addColumn('updated_at', 'text', column => column.notNull())
        .execute();
      await db.schema.createIndex('cases_by_department').on('cases').columns(['department_id', 'training_year']).execute();

      await db.schema
        .createTable('teaching_sessions')
        .addColumn('id', 'text', column => column.primaryKey())
        .addColumn('department_id', 'text', column => column.notNull().references('departments.id'))
        .addColumn('case_id', 'text', column => column.notNull().references('cases.id'))
        .addColumn('resident_id', 'text', column => column.notNull().references('accounts.id'))
        .addColumn('tutor_id', 'text', column => column.notNull().references('accounts.id'))
        .addColumn('state', 'text', column => column.notNull())
        .addColumn('version', 'integer', column => column.notNull())
        .addColumn('updated_at', 'text', column => column.notNull())
        .execute();
      await db.schema.createIndex('sessions_by_resident').on('teaching_sessions').columns(['department_id', 'resident_id']).execute();
      await db.schema.createIndex('sessions_by_tutor').on('teaching_sessions').columns(['department_id', 'tutor_id']).execute();

      await db.schema
        .createTable('session_events')
        .addColumn('session_id', 'text', column => column.notNull().references('teaching_sessions.id'))
        .addColumn('seq', 'integer', column => column.notNull())
        .addColumn('at', 'text', column => column.notNull())
        .addColumn('actor_id', 'text', column => column.notNull())
        .addColumn('actor_role', 'text', column => column.notNull())
        .addColumn('type', 'text', column => column.notNull())
        .addColumn('command', 'text')
        .addColumn('event', 'text', column => column.notNull())
        .addPrimaryKeyConstraint('session_events_pk', ['session_id', 'seq'])
        .execute();

      await db.schema
        .createTable('annotations')
        .addColumn('session_id', 'text', column => column.notNull().references('teaching_sessions.id'))
        .addColumn('uid', 'text', column => column.notNull())
        .addColumn('department_id', 'text', column => column.notNull())
        .addColumn('author_id', 'text', column => column.notNull())
        .addColumn('author_role', 'text', column => column.notNull())
        .addColumn('study_uid', 'text', column => column.notNull())
        .addColumn('series_uid', 'text', column => column.notNull())
        .addColumn('sop_uid', 'text', column => column.notNull())
        .addColumn('frame_number', 'integer')
        .addColumn('annotation', 'text', column => column.notNull())
        .addColumn('version', 'integer', column => column.notNull())
        .addColumn('created_at', 'text', column => column.notNull())
        .addColumn('updated_at', 'text', column => column.notNull())
        .addPrimaryKeyConstraint('annotations_pk', ['session_id', 'uid'])
        .execute();

      await db.schema
        .createTable('idempotent_requests')
        .addColumn('account_id', 'text', column => column.notNull())
        .addColumn('key', 'text', column => column.notNull())
        .addColumn('status', 'integer', column => column.notNull())
        .addColumn('body', 'text', column => column.notNull())
        .addColumn('created_at', 'text', column => column.notNull())
        .addPrimaryKeyConstraint('idempotent_requests_pk', ['account_id', 'key'])
        .execute();
    },
  },
  '0002-stand-ins': {
    async up(db: Kysely<unknown>) {
      // A tutor scoring at a workstation where someone else is signed in: it ends with that sign-in.
      await db.schema
        .createTable('stand_ins')
        .addColumn('token_hash', 'text', column => column.primaryKey())
        .addColumn('account_id', 'text', column => column.notNull().references('accounts.id'))
        .addColumn('workstation_token_hash', 'text', column => column.notNull().references('auth_sessions.token_hash').onDelete('cascade'))
        .addColumn('created_at', 'text', column => column.notNull())
        .addColumn('expires_at', 'text', column => column.notNull())
        .execute();
      await db.schema.createIndex('stand_ins_by_account').on('stand_ins').column('account_id').execute();
      await db.schema.createIndex('stand_ins_by_workstation').on('stand_ins').column('workstation_token_hash').execute();
    },
  },
  '0004-sign-comparisons': {
    async up(db: Kysely<unknown>) {
      // Apart from the session's state so that nothing that hands a resident their session can carry it before sign-off.
      await db.schema
        .createTable('sign_comparisons')
        .addColumn('session_id', 'text', column => column.primaryKey().references('teaching_sessions.id'))
        .addColumn('department_id', 'text', column => column.notNull())
        .addColumn('computed_at', 'text', column => column.notNull())
        .addColumn('record', 'text', column => column.notNull())
        .addColumn('version', 'integer', column => column.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
