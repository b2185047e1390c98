import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { categoryFromName } from '../../core/library/categoryFromName';
import { DEFAULT_CATEGORIES } from '../../core/library/defaultCategories';
import { CASE_FROM_V1 } from '../../core/migrations/caseV1';
import { CASE_FROM_V2 } from '../../core/migrations/caseV2';
import { migrateRecord } from '../../core/migrations/migrateRecord';
import { searchable } from './caseColumns';
import { readSession } from '../../core/session/readSession';
import { sessionSummaryColumns } from './sessionColumns';

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
  '0003-case-library': {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<any>;
      await db.schema.alterTable('cases').addColumn('retired', 'integer', column => column.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('cases').addColumn('prepared_by', 'text', column => column.notNull().defaultTo('')).execute();
      await db.schema.alterTable('cases').addColumn('created_at', 'text', column => column.notNull().defaultTo('')).execute();
      await db.schema.alterTable('cases').addColumn('search_text', 'text', column => column.notNull().defaultTo('')).execute();
      await db.schema.createIndex('cases_by_department_created').on('cases').columns(['department_id', 'retired', 'created_at']).execute();
      // The library counts sessions per case in one grouped query.
      await db.schema.createIndex('sessions_by_case').on('teaching_sessions').columns(['department_id', 'case_id']).execute();

      await db.schema
        .createTable('department_categories')
        .addColumn('department_id', 'text', column => column.primaryKey().references('departments.id'))
        .addColumn('categories', 'text', column => column.notNull())
        .addColumn('version', 'integer', column => column.notNull())
        .addColumn('updated_at', 'text', column => column.notNull())
        .execute();

      await db.schema
        .createTable('case_annotations')
        .addColumn('case_id', 'text', column => column.notNull().references('cases.id'))
        .addColumn('uid', 'text', column => column.notNull())
        .addColumn('department_id', 'text', column => column.notNull())
        .addColumn('author_id', 'text', column => column.notNull())
        .addColumn('study_uid', 'text', column => column.notNull())
        .addColumn('series_uid', 'text', column => column.notNull())
        .addColumn('sop_uid', 'text', column => column.notNull())
        .addColumn('frame_number', 'integer')
        .addColumn('annotation', 'text', column => column.notNull())
        .addColumn('version', 'integer', column => column.notNull())
        .addColumn('created_at', 'text', column => column.notNull())
        .addColumn('updated_at', 'text', column => column.notNull())
        .addPrimaryKeyConstraint('case_annotations_pk', ['case_id', 'uid'])
        .execute();

      // Stored cases move to schema 3 (category by id) and fill the library's columns; the free-text
      // categories they used that the default list does not name join their department's list.
      const at = new Date().toISOString();
      const extraCategories = new Map<string, Map<string, ReturnType<typeof categoryFromName>>>();
      const cases: Array<{ id: string; department_id: string; record: string }> = await db.selectFrom('cases').select(['id', 'department_id', 'record']).execute();
      for (const row of cases) {
        const stored = JSON.parse(row.record) as Record<string, unknown>;
        const migrated = migrateRecord(stored, [CASE_FROM_V1, CASE_FROM_V2], 3, { zh: '病例', en: 'case' });
        if (!migrated.ok) continue;
        const record = migrated.value;
        if (typeof stored.category === 'string' && stored.category.trim() !== '') {
          const category = categoryFromName(stored.category);
          if (!DEFAULT_CATEGORIES.some(known => known.id === category.id)) {
            const ofDepartment = extraCategories.get(row.department_id) ?? new Map();
            ofDepartment.set(category.id, category);
            extraCategories.set(row.department_id, ofDepartment);
          }
        }
        const text = (value: unknown) => (typeof value === 'string' ? value : '');
        const objectives = Array.isArray(record.objectives) ? record.objectives.map(text) : [];
        const diagnosis = typeof record.referenceAnswer === 'object' && record.referenceAnswer !== null ? text((record.referenceAnswer as { diagnosis?: unknown }).diagnosis) : '';
        await db
          .updateTable('cases')
          .set({
            record: JSON.stringify(record),
            category: text(record.category),
            prepared_by: text(record.preparedBy),
            created_at: text(record.createdAt),
            search_text: searchable([text(record.title), ...objectives, diagnosis].join('\n')).replace(/\u0000/g, ''),
          })
          .where('id', '=', row.id)
          .execute();
      }
      const departments: Array<{ id: string }> = await db.selectFrom('departments').select('id').execute();
      for (const department of departments) {
        const categories = [...DEFAULT_CATEGORIES, ...(extraCategories.get(department.id)?.values() ?? [])];
        await db.insertInto('department_categories').values({ department_id: department.id, categories: JSON.stringify(categories), version: 1, updated_at: at }).execute();
      }
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
  '0005-session-summaries': {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<any>;
      // A worklist of thousands of sessions filters and sorts on these instead of parsing every state.
      await db.schema.alterTable('teaching_sessions').addColumn('phase', 'text', column => column.notNull().defaultTo('scheduled')).execute();
      await db.schema.alterTable('teaching_sessions').addColumn('clock', 'text', column => column.notNull().defaultTo('notStarted')).execute();
      await db.schema.alterTable('teaching_sessions').addColumn('tutor_turn', 'text').execute();
      await db.schema.alterTable('teaching_sessions').addColumn('planned_at', 'text', column => column.notNull().defaultTo('')).execute();
      await db.schema.alterTable('teaching_sessions').addColumn('scheduled_at', 'text', column => column.notNull().defaultTo('')).execute();
      await db.schema.alterTable('teaching_sessions').addColumn('signed_off_at', 'text').execute();
      await db.schema.alterTable('teaching_sessions').addColumn('summary', 'text', column => column.notNull().defaultTo('{}')).execute();
      // The lists' filters and orders, so that a page of them is read from an index: the summary columns
      // come after the large state in each row, and a scan reaching them reads every state's pages too.
      const indexes: Record<string, string[]> = {
        sessions_by_planned: ['department_id', 'planned_at'],
        sessions_by_phase: ['department_id', 'phase', 'planned_at'],
        sessions_by_tutor_turn: ['department_id', 'tutor_turn', 'planned_at'],
        sessions_by_resident_phase: ['department_id', 'resident_id', 'phase', 'planned_at'],
        sessions_by_tutor_phase: ['department_id', 'tutor_id', 'phase', 'planned_at'],
        sessions_by_tutor_waiting: ['department_id', 'tutor_id', 'tutor_turn', 'planned_at'],
        sessions_by_tutor_resident: ['department_id', 'tutor_id', 'resident_id', 'planned_at'],
      };
      for (const [name, columns] of Object.entries(indexes)) await db.schema.createIndex(name).on('teaching_sessions').columns(columns).execute();

      await db.schema.alterTable('accounts').addColumn('last_sign_in_at', 'text').execute();
      await db.schema.alterTable('accounts').addColumn('previous_sign_in_at', 'text').execute();

      // The stored sessions get their summaries; when each was last scheduled is its creation or its
      // last rescheduling, from the history.
      const sessions: Array<{ id: string; state: string }> = await db.selectFrom('teaching_sessions').select(['id', 'state']).execute();
      for (const row of sessions) {
        const read = readSession(JSON.parse(row.state));
        if (!read.ok) continue;
        const rescheduled: { at: string | null } | undefined = await db
          .selectFrom('session_events')
          .select(eb => eb.fn.max('at').as('at'))
          .where('session_id', '=', row.id)
          .where('type', '=', 'reschedule')
          .executeTakeFirst();
        await db
          .updateTable('teaching_sessions')
          .set({ ...sessionSummaryColumns(read.value), scheduled_at: rescheduled?.at ?? read.value.createdAt })
          .where('id', '=', row.id)
          .execute();
      }
    },
  },
  '0006-case-study': {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<any>;
      // The viewer asks for the cases prepared on the study it shows; the study sits inside the record's JSON.
      await db.schema.alterTable('cases').addColumn('study_uid', 'text', column => column.notNull().defaultTo('')).execute();
      await db.schema.createIndex('cases_by_department_study').on('cases').columns(['department_id', 'study_uid']).execute();
      const cases: Array<{ id: string; record: string }> = await db.selectFrom('cases').select(['id', 'record']).execute();
      for (const row of cases) {
        const { studyInstanceUIDs } = JSON.parse(row.record) as { studyInstanceUIDs?: unknown };
        const study = Array.isArray(studyInstanceUIDs) && typeof studyInstanceUIDs[0] === 'string' ? studyInstanceUIDs[0] : '';
        if (study !== '') await db.updateTable('cases').set({ study_uid: study }).where('id', '=', row.id).execute();
      }
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
