import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { DEFAULT_CATEGORIES } from '../../core/library/defaultCategories';
import type { DepartmentCategory } from '../../core/library/departmentCategory';
import type { StoredSignComparison } from '../../core/comparison/signComparison';
import type { SessionEvent } from '../../core/rules/sessionEvent';
import type { Role } from '../../core/session/people';
import type { TeachingSession } from '../../core/session/session';
import type { ClockStatus } from '../../core/session/sessionClock';
import type { SessionPhase, TutorTurn } from '../../core/session/sessionSummary';
import type { TeachingCase } from '../../core/session/teachingCase';
import type { TrainingYear } from '../../core/schema/common';
import { caseColumns, searchable } from '../db/caseColumns';
import { sessionSummaryColumns, type StoredSummaryDetails } from '../db/sessionColumns';
import type { Tables } from '../db/tables';
import type {
  Account,
  AccountChange,
  CaseFilter,
  Idempotency,
  IdempotentResponse,
  RecordsRepository,
  SessionFilter,
  SessionListing,
  SessionListingQuery,
  StoredAnnotation,
  StoredCaseAnnotation,
  StoredStandIn,
  Versioned,
  WriteResult,
} from './RecordsRepository';
import { isUniqueViolation } from './uniqueViolation';

type Db = Kysely<Tables> | Transaction<Tables>;

const toAccount = (row: Selectable<Tables['accounts']>): Account => ({
  id: row.id,
  departmentId: row.department_id,
  username: row.username,
  name: row.name,
  role: row.role as Role,
  trainingYear: row.training_year as TrainingYear | null,
  active: Number(row.active) === 1,
  passwordHash: row.password_hash,
  externalSubject: row.external_subject,
  failedSignIns: Number(row.failed_sign_ins),
  lockedUntil: row.locked_until,
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toAnnotation = (row: Selectable<Tables['annotations']>): StoredAnnotation => ({
  sessionId: row.session_id,
  uid: row.uid,
  authorId: row.author_id,
  authorRole: row.author_role as Role,
  studyInstanceUID: row.study_uid,
  seriesInstanceUID: row.series_uid,
  sopInstanceUID: row.sop_uid,
  frameNumber: row.frame_number === null ? null : Number(row.frame_number),
  annotation: JSON.parse(row.annotation),
  version: Number(row.version),
  updatedAt: row.updated_at,
});

const toCaseAnnotation = (row: Selectable<Tables['case_annotations']>): StoredCaseAnnotation => ({
  caseId: row.case_id,
  uid: row.uid,
  authorId: row.author_id,
  studyInstanceUID: row.study_uid,
  seriesInstanceUID: row.series_uid,
  sopInstanceUID: row.sop_uid,
  frameNumber: row.frame_number === null ? null : Number(row.frame_number),
  annotation: JSON.parse(row.annotation),
  version: Number(row.version),
  updatedAt: row.updated_at,
});

/** LIKE's own characters (and the escape character) in a searched text stand for themselves. */
const likePattern = (text: string) => `%${searchable(text).replace(/[\\%_]/g, character => `\\${character}`)}%`;

const LISTING_COLUMNS = ['id', 'case_id', 'resident_id', 'tutor_id', 'version', 'updated_at', 'scheduled_at', 'phase', 'clock', 'tutor_turn', 'planned_at', 'signed_off_at', 'summary'] as const;

type ListingRow = Pick<Selectable<Tables['teaching_sessions']>, (typeof LISTING_COLUMNS)[number]>;

const toListing = (row: ListingRow): SessionListing => {
  const details = JSON.parse(row.summary) as StoredSummaryDetails;
  return {
    id: row.id,
    caseId: row.case_id,
    residentId: row.resident_id,
    tutorId: row.tutor_id,
    version: Number(row.version),
    updatedAt: row.updated_at,
    scheduledAt: row.scheduled_at,
    summary: {
      phase: row.phase as SessionPhase,
      clock: row.clock as ClockStatus,
      tutorTurn: row.tutor_turn as TutorTurn | null,
      plannedAt: row.planned_at,
      signedOffAt: row.signed_off_at,
      place: details.place,
      waitingStages: details.waitingStages,
      sheet: details.sheet,
    },
  };
};

/** Thrown inside a transaction to roll it back with an outcome that is not an error. */
class Rollback {
  constructor(readonly result: WriteResult<never>) {}
}

/**
 * The one implementation of the repository, for SQLite and PostgreSQL alike: Kysely writes each
 * query in the dialect of the database it was opened on.
 */
export class KyselyRepository implements RecordsRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  close(): Promise<void> {
    return this.db.destroy();
  }

  /**
   * Runs a write and keeps its response under the idempotency key in the same transaction, so the
   * write and the memory of it commit together or not at all. A key seen before answers with the
   * response it got then.
   */
  private async write<T>(idempotency: Idempotency | undefined, at: string, body: (trx: Transaction<Tables>) => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
    if (idempotency) {
      const seen = await this.findIdempotentResponse(idempotency.accountId, idempotency.key);
      if (seen) return { outcome: 'repeated', response: seen };
    }
    try {
      return await this.db.transaction().execute(async trx => {
        const result = await body(trx);
        if (result.outcome !== 'written') throw new Rollback(result as WriteResult<never>);
        if (!idempotency) return result;
        const response = idempotency.response(result.value);
        await trx
          .insertInto('idempotent_requests')
          .values({ account_id: idempotency.accountId, key: idempotency.key, status: response.status, body: JSON.stringify(response.body), created_at: at })
          .execute();
        return { ...result, response };
      });
    } catch (error) {
      if (error instanceof Rollback) {
        // A retry that raced its own original past the check above lost to it on the version; it is
        // the same request, so it gets the original's response rather than a conflict.
        const seen = error.result.outcome === 'conflict' && idempotency && (await this.findIdempotentResponse(idempotency.accountId, idempotency.key));
        return seen ? { outcome: 'repeated', response: seen } : error.result;
      }
      if (isUniqueViolation(error)) {
        // Two requests raced: the same key again, or someone else's write took this version first.
        const seen = idempotency && (await this.findIdempotentResponse(idempotency.accountId, idempotency.key));
        return seen ? { outcome: 'repeated', response: seen } : { outcome: 'conflict' };
      }
      throw error;
    }
  }

  async findIdempotentResponse(accountId: string, key: string): Promise<IdempotentResponse | undefined> {
    const row = await this.db.selectFrom('idempotent_requests').select(['status', 'body']).where('account_id', '=', accountId).where('key', '=', key).executeTakeFirst();
    return row ? { status: Number(row.status), body: JSON.parse(row.body) } : undefined;
  }

  async findDepartment(id: string) {
    const row = await this.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, name: row.name, createdAt: row.created_at } : undefined;
  }

  async createDepartment(department: { id: string; name: string; createdAt: string }) {
    await this.db.transaction().execute(async trx => {
      await trx.insertInto('departments').values({ id: department.id, name: department.name, created_at: department.createdAt }).execute();
      await trx
        .insertInto('department_categories')
        .values({ department_id: department.id, categories: JSON.stringify(DEFAULT_CATEGORIES), version: 1, updated_at: department.createdAt })
        .execute();
    });
  }

  async findAccountByUsername(username: string) {
    const row = await this.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
    return row && toAccount(row);
  }

  async findAccountBySubject(departmentId: string, subject: string) {
    const row = await this.db.selectFrom('accounts').selectAll().where('department_id', '=', departmentId).where('external_subject', '=', subject).executeTakeFirst();
    return row && toAccount(row);
  }

  async getAccount(departmentId: string, id: string) {
    const row = await this.db.selectFrom('accounts').selectAll().where('department_id', '=', departmentId).where('id', '=', id).executeTakeFirst();
    return row && toAccount(row);
  }

  async listAccounts(departmentId: string) {
    const rows = await this.db.selectFrom('accounts').selectAll().where('department_id', '=', departmentId).orderBy('username').execute();
    return rows.map(toAccount);
  }

  async createAccount(account: Account) {
    try {
      await this.db
        .insertInto('accounts')
        .values({
          id: account.id,
          department_id: account.departmentId,
          username: account.username,
          name: account.name,
          role: account.role,
          training_year: account.trainingYear,
          active: account.active ? 1 : 0,
          password_hash: account.passwordHash,
          external_subject: account.externalSubject,
          failed_sign_ins: 0,
          locked_until: null,
          version: account.version,
          created_at: account.createdAt,
          updated_at: account.updatedAt,
        })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async updateAccount(departmentId: string, id: string, expectedVersion: number, change: AccountChange, at: string): Promise<WriteResult<Account>> {
    return this.write<Account>(undefined, at, async trx => {
      const set: Partial<Tables['accounts']> = { version: expectedVersion + 1, updated_at: at };
      if (change.name !== undefined) set.name = change.name;
      if (change.trainingYear !== undefined) set.training_year = change.trainingYear;
      if (change.active !== undefined) set.active = change.active ? 1 : 0;
      if (change.passwordHash !== undefined) Object.assign(set, { password_hash: change.passwordHash, failed_sign_ins: 0, locked_until: null });
      const updated = await trx.updateTable('accounts').set(set).where('department_id', '=', departmentId).where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst();
      if (updated) return { outcome: 'written', value: toAccount(updated) };
      return (await this.getAccountIn(trx, departmentId, id)) ? { outcome: 'conflict' } : { outcome: 'notFound' };
    });
  }

  private async getAccountIn(db: Db, departmentId: string, id: string) {
    return db.selectFrom('accounts').select('id').where('department_id', '=', departmentId).where('id', '=', id).executeTakeFirst();
  }

  async recordSignInFailure(id: string, lockedUntil: string | null) {
    await this.db
      .updateTable('accounts')
      .set(eb => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1), locked_until: lockedUntil }))
      .where('id', '=', id)
      .execute();
  }

  async clearSignInFailures(id: string) {
    await this.db.updateTable('accounts').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', id).execute();
  }

  async createAuthSession(tokenHash: string, accountId: string, createdAt: string, expiresAt: string) {
    await this.db.insertInto('auth_sessions').values({ token_hash: tokenHash, account_id: accountId, created_at: createdAt, expires_at: expiresAt }).execute();
  }

  async findAuthSession(tokenHash: string) {
    const row = await this.db
      .selectFrom('auth_sessions')
      .innerJoin('accounts', 'accounts.id', 'auth_sessions.account_id')
      .selectAll('accounts')
      .select('auth_sessions.expires_at')
      .where('auth_sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const { expires_at, ...account } = row;
    return { account: toAccount(account), expiresAt: expires_at };
  }

  async extendAuthSession(tokenHash: string, expiresAt: string) {
    await this.db.updateTable('auth_sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
  }

  async deleteAuthSession(tokenHash: string) {
    await this.db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteAuthSessionsOf(accountId: string) {
    // Whatever ends a person's sign-ins (a new password, deactivation) ends their standing in elsewhere too.
    await this.db.deleteFrom('stand_ins').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('auth_sessions').where('account_id', '=', accountId).execute();
  }

  async createStandIn(standIn: StoredStandIn) {
    await this.db
      .insertInto('stand_ins')
      .values({ token_hash: standIn.tokenHash, account_id: standIn.accountId, workstation_token_hash: standIn.workstationTokenHash, created_at: standIn.createdAt, expires_at: standIn.expiresAt })
      .execute();
  }

  async findStandIn(tokenHash: string) {
    const row = await this.db
      .selectFrom('stand_ins')
      .innerJoin('accounts', 'accounts.id', 'stand_ins.account_id')
      .selectAll('accounts')
      .select(['stand_ins.expires_at', 'stand_ins.workstation_token_hash'])
      .where('stand_ins.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const { expires_at, workstation_token_hash, ...account } = row;
    return { account: toAccount(account), workstationTokenHash: workstation_token_hash, expiresAt: expires_at };
  }

  async deleteStandIn(tokenHash: string) {
    await this.db.deleteFrom('stand_ins').where('token_hash', '=', tokenHash).execute();
  }

  async createCase(departmentId: string, teachingCase: TeachingCase, at: string) {
    await this.db
      .insertInto('cases')
      .values({ id: teachingCase.id, department_id: departmentId, ...caseColumns(teachingCase), version: 1, updated_at: at })
      .execute();
  }

  async getCase(departmentId: string, id: string) {
    const row = await this.db.selectFrom('cases').select(['record', 'version']).where('department_id', '=', departmentId).where('id', '=', id).executeTakeFirst();
    return row && { record: JSON.parse(row.record) as TeachingCase, version: Number(row.version) };
  }

  async listCases(departmentId: string, filter: CaseFilter) {
    if (filter.ids && filter.ids.length === 0) return [];
    let query = this.db.selectFrom('cases').select(['record', 'version']).where('department_id', '=', departmentId);
    if (filter.trainingYear !== undefined) query = query.where('training_year', '=', filter.trainingYear);
    if (filter.category !== undefined) query = query.where('category', '=', filter.category);
    if (filter.modality !== undefined) query = query.where('modality', '=', filter.modality);
    if (filter.ids) query = query.where('id', 'in', filter.ids);
    if (filter.preparedBy !== undefined) query = query.where('prepared_by', '=', filter.preparedBy);
    if (filter.retired !== undefined && filter.retired !== 'all') query = query.where('retired', '=', filter.retired ? 1 : 0);
    if (filter.q !== undefined && filter.q.trim() !== '') query = query.where(sql<boolean>`search_text like ${likePattern(filter.q.trim())} escape '\\'`);
    if (filter.studyInstanceUID !== undefined) query = query.where('study_uid', '=', filter.studyInstanceUID);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(row => ({ record: JSON.parse(row.record) as TeachingCase, version: Number(row.version) }));
  }

  async updateCase(departmentId: string, id: string, expectedVersion: number, teachingCase: TeachingCase, at: string) {
    return this.write<Versioned<TeachingCase>>(undefined, at, async trx => {
      const updated = await trx
        .updateTable('cases')
        .set({ ...caseColumns(teachingCase), version: expectedVersion + 1, updated_at: at })
        .where('department_id', '=', departmentId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1) return { outcome: 'written', value: { record: teachingCase, version: expectedVersion + 1 } };
      const exists = await trx.selectFrom('cases').select('id').where('department_id', '=', departmentId).where('id', '=', id).executeTakeFirst();
      return exists ? { outcome: 'conflict' } : { outcome: 'notFound' };
    });
  }

  async createSession(departmentId: string, session: TeachingSession, created: SessionEvent) {
    await this.db.transaction().execute(async trx => {
      await trx
        .insertInto('teaching_sessions')
        .values({
          id: session.id,
          department_id: departmentId,
          case_id: session.caseId,
          resident_id: session.residentId,
          tutor_id: session.tutorId,
          state: JSON.stringify(session),
          version: created.seq,
          updated_at: created.at,
          ...sessionSummaryColumns(session),
          scheduled_at: created.at,
        })
        .execute();
      await this.insertEvent(trx, created, null);
    });
  }

  private async insertEvent(trx: Db, event: SessionEvent, command: unknown) {
    await trx
      .insertInto('session_events')
      .values({
        session_id: event.sessionId,
        seq: event.seq,
        at: event.at,
        actor_id: event.actor.id,
        actor_role: event.actor.role,
        type: event.type,
        command: command === null ? null : JSON.stringify(command),
        event: JSON.stringify(event),
      })
      .execute();
  }

  async getSession(departmentId: string, id: string) {
    const row = await this.db.selectFrom('teaching_sessions').select(['state', 'version']).where('department_id', '=', departmentId).where('id', '=', id).executeTakeFirst();
    return row && { record: JSON.parse(row.state) as TeachingSession, version: Number(row.version) };
  }

  async listSessions(departmentId: string, filter: SessionFilter) {
    if (filter.caseIds && filter.caseIds.length === 0) return [];
    let query = this.db.selectFrom('teaching_sessions').select(['state', 'version']).where('department_id', '=', departmentId);
    if (filter.residentId !== undefined) query = query.where('resident_id', '=', filter.residentId);
    if (filter.tutorId !== undefined) query = query.where('tutor_id', '=', filter.tutorId);
    if (filter.caseIds) query = query.where('case_id', 'in', filter.caseIds);
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id').execute();
    return rows.map(row => ({ record: JSON.parse(row.state) as TeachingSession, version: Number(row.version) }));
  }

  async appendEvent(
    departmentId: string,
    sessionId: string,
    write: { expectedVersion: number; event: SessionEvent; command: unknown; state: TeachingSession },
    idempotency?: Idempotency,
  ) {
    return this.write<Versioned<TeachingSession>>(idempotency, write.event.at, async trx => {
      const updated = await trx
        .updateTable('teaching_sessions')
        .set({
          state: JSON.stringify(write.state),
          version: write.event.seq,
          updated_at: write.event.at,
          ...sessionSummaryColumns(write.state),
          ...(write.event.type === 'reschedule' ? { scheduled_at: write.event.at } : {}),
        })
        .where('department_id', '=', departmentId)
        .where('id', '=', sessionId)
        .where('version', '=', write.expectedVersion)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        const exists = await trx.selectFrom('teaching_sessions').select('id').where('department_id', '=', departmentId).where('id', '=', sessionId).executeTakeFirst();
        return exists ? { outcome: 'conflict' } : { outcome: 'notFound' };
      }
      await this.insertEvent(trx, write.event, write.command);
      return { outcome: 'written', value: { record: write.state, version: write.event.seq } };
    });
  }

  async listEvents(departmentId: string, sessionId: string, afterSeq = 0) {
    const rows = await this.db
      .selectFrom('session_events')
      .innerJoin('teaching_sessions', 'teaching_sessions.id', 'session_events.session_id')
      .select(['session_events.event', 'session_events.command'])
      .where('teaching_sessions.department_id', '=', departmentId)
      .where('session_events.session_id', '=', sessionId)
      .where('session_events.seq', '>', afterSeq)
      .orderBy('session_events.seq')
      .execute();
    return rows.map(row => ({ event: JSON.parse(row.event) as SessionEvent, command: row.command === null ? null : JSON.parse(row.command) }));
  }

  async listAnnotations(departmentId: string, sessionId: string) {
    const rows = await this.db
      .selectFrom('annotations')
      .selectAll()
      .where('department_id', '=', departmentId)
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .orderBy('uid')
      .execute();
    return rows.map(toAnnotation);
  }

  async getAnnotation(departmentId: string, sessionId: string, uid: string) {
    const row = await this.db
      .selectFrom('annotations')
      .selectAll()
      .where('department_id', '=', departmentId)
      .where('session_id', '=', sessionId)
      .where('uid', '=', uid)
      .executeTakeFirst();
    return row && toAnnotation(row);
  }

  async putAnnotation(departmentId: string, annotation: Omit<StoredAnnotation, 'version'>, expectedVersion: number, idempotency?: Idempotency) {
    return this.write<StoredAnnotation>(idempotency, annotation.updatedAt, async trx => {
      const version = expectedVersion + 1;
      const columns = {
        author_id: annotation.authorId,
        author_role: annotation.authorRole,
        study_uid: annotation.studyInstanceUID,
        series_uid: annotation.seriesInstanceUID,
        sop_uid: annotation.sopInstanceUID,
        frame_number: annotation.frameNumber,
        annotation: JSON.stringify(annotation.annotation),
        version,
        updated_at: annotation.updatedAt,
      };
      // The annotation row carries the department it was written under, and the session's foreign key
      // does not look at departments: without this check, another department could add annotations
      // to a session it cannot see (or learn, from the foreign-key error, that the id exists).
      const session = await trx.selectFrom('teaching_sessions').select('id').where('department_id', '=', departmentId).where('id', '=', annotation.sessionId).executeTakeFirst();
      if (!session) return { outcome: 'notFound' };
      if (expectedVersion === 0) {
        // A primary-key clash means it exists already: the caller's version 0 is out of date.
        await trx.insertInto('annotations').values({ session_id: annotation.sessionId, uid: annotation.uid, department_id: departmentId, created_at: annotation.updatedAt, ...columns }).execute();
        return { outcome: 'written', value: { ...annotation, version } };
      }
      const updated = await trx
        .updateTable('annotations')
        .set(columns)
        .where('department_id', '=', departmentId)
        .where('session_id', '=', annotation.sessionId)
        .where('uid', '=', annotation.uid)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1 ? { outcome: 'written', value: { ...annotation, version } } : { outcome: 'conflict' };
    });
  }

  async deleteAnnotation(departmentId: string, sessionId: string, uid: string, expectedVersion: number, idempotency?: Idempotency) {
    return this.write<null>(idempotency, new Date().toISOString(), async trx => {
      const deleted = await trx
        .deleteFrom('annotations')
        .where('department_id', '=', departmentId)
        .where('session_id', '=', sessionId)
        .where('uid', '=', uid)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 1) return { outcome: 'written', value: null };
      const exists = await trx.selectFrom('annotations').select('uid').where('department_id', '=', departmentId).where('session_id', '=', sessionId).where('uid', '=', uid).executeTakeFirst();
      return exists ? { outcome: 'conflict' } : { outcome: 'notFound' };
    });
  }
  async getCategories(departmentId: string) {
    const row = await this.db.selectFrom('department_categories').select(['categories', 'version']).where('department_id', '=', departmentId).executeTakeFirst();
    return row ? { record: JSON.parse(row.categories) as DepartmentCategory[], version: Number(row.version) } : { record: [], version: 0 };
  }

  async putCategories(departmentId: string, expectedVersion: number, categories: DepartmentCategory[], at: string) {
    return this.write<Versioned<DepartmentCategory[]>>(undefined, at, async trx => {
      const version = expectedVersion + 1;
      const written = { outcome: 'written', value: { record: categories, version } } as const;
      if (expectedVersion === 0) {
        // A primary-key clash means a list is stored already: the caller's version 0 is out of date.
        await trx.insertInto('department_categories').values({ department_id: departmentId, categories: JSON.stringify(categories), version, updated_at: at }).execute();
        return written;
      }
      const updated = await trx
        .updateTable('department_categories')
        .set({ categories: JSON.stringify(categories), version, updated_at: at })
        .where('department_id', '=', departmentId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1 ? written : { outcome: 'conflict' };
    });
  }

  async listUsedCategories(departmentId: string) {
    const rows = await this.db.selectFrom('cases').select('category').distinct().where('department_id', '=', departmentId).orderBy('category').execute();
    return rows.map(row => row.category);
  }

  async countSessionsByCase(departmentId: string) {
    const rows = await this.db
      .selectFrom('teaching_sessions')
      .select(eb => ['case_id', eb.fn.countAll().as('sessions')])
      .where('department_id', '=', departmentId)
      .groupBy('case_id')
      .execute();
    return new Map(rows.map(row => [row.case_id, Number(row.sessions)]));
  }

  async listCaseAnnotations(departmentId: string, caseId: string) {
    const rows = await this.db
      .selectFrom('case_annotations')
      .selectAll()
      .where('department_id', '=', departmentId)
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('uid')
      .execute();
    return rows.map(toCaseAnnotation);
  }

  async getCaseAnnotation(departmentId: string, caseId: string, uid: string) {
    const row = await this.db
      .selectFrom('case_annotations')
      .selectAll()
      .where('department_id', '=', departmentId)
      .where('case_id', '=', caseId)
      .where('uid', '=', uid)
      .executeTakeFirst();
    return row && toCaseAnnotation(row);
  }

  private caseAnnotationColumns(annotation: Omit<StoredCaseAnnotation, 'version'>, version: number) {
    return {
      author_id: annotation.authorId,
      study_uid: annotation.studyInstanceUID,
      series_uid: annotation.seriesInstanceUID,
      sop_uid: annotation.sopInstanceUID,
      frame_number: annotation.frameNumber,
      annotation: JSON.stringify(annotation.annotation),
      version,
      updated_at: annotation.updatedAt,
    };
  }

  async putCaseAnnotation(departmentId: string, annotation: Omit<StoredCaseAnnotation, 'version'>, expectedVersion: number, idempotency?: Idempotency) {
    return this.write<StoredCaseAnnotation>(idempotency, annotation.updatedAt, async trx => {
      const version = expectedVersion + 1;
      const columns = this.caseAnnotationColumns(annotation, version);
      // As for a session's annotations: the case's foreign key does not look at departments.
      const found = await trx.selectFrom('cases').select('id').where('department_id', '=', departmentId).where('id', '=', annotation.caseId).executeTakeFirst();
      if (!found) return { outcome: 'notFound' };
      if (expectedVersion === 0) {
        await trx.insertInto('case_annotations').values({ case_id: annotation.caseId, uid: annotation.uid, department_id: departmentId, created_at: annotation.updatedAt, ...columns }).execute();
        return { outcome: 'written', value: { ...annotation, version } };
      }
      const updated = await trx
        .updateTable('case_annotations')
        .set(columns)
        .where('department_id', '=', departmentId)
        .where('case_id', '=', annotation.caseId)
        .where('uid', '=', annotation.uid)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1 ? { outcome: 'written', value: { ...annotation, version } } : { outcome: 'conflict' };
    });
  }

  async deleteCaseAnnotation(departmentId: string, caseId: string, uid: string, expectedVersion: number, idempotency?: Idempotency) {
    return this.write<null>(idempotency, new Date().toISOString(), async trx => {
      const deleted = await trx
        .deleteFrom('case_annotations')
        .where('department_id', '=', departmentId)
        .where('case_id', '=', caseId)
        .where('uid', '=', uid)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 1) return { outcome: 'written', value: null };
      const exists = await trx.selectFrom('case_annotations').select('uid').where('department_id', '=', departmentId).where('case_id', '=', caseId).where('uid', '=', uid).executeTakeFirst();
      return exists ? { outcome: 'conflict' } : { outcome: 'notFound' };
    });
  }

  async createCaseCopy(departmentId: string, teachingCase: TeachingCase, annotations: Omit<StoredCaseAnnotation, 'version'>[], at: string) {
    await this.db.transaction().execute(async trx => {
      await trx.insertInto('cases').values({ id: teachingCase.id, department_id: departmentId, ...caseColumns(teachingCase), version: 1, updated_at: at }).execute();
      for (const annotation of annotations) {
        await trx
          .insertInto('case_annotations')
          .values({ case_id: teachingCase.id, uid: annotation.uid, department_id: departmentId, created_at: annotation.updatedAt, ...this.caseAnnotationColumns(annotation, 1) })
          .execute();
      }
    });
  }

  async getSignComparison(departmentId: string, sessionId: string) {
    const row = await this.db.selectFrom('sign_comparisons').select('record').where('department_id', '=', departmentId).where('session_id', '=', sessionId).executeTakeFirst();
    return row && (JSON.parse(row.record) as StoredSignComparison);
  }

  async putSignComparison(departmentId: string, comparison: StoredSignComparison) {
    await this.db.transaction().execute(async trx => {
      // As with annotations: the session's foreign key does not look at departments.
      const session = await trx.selectFrom('teaching_sessions').select('id').where('department_id', '=', departmentId).where('id', '=', comparison.sessionId).executeTakeFirst();
      if (!session) throw new Error(`No session ${comparison.sessionId} in department ${departmentId} to keep a sign comparison for`);
      const record = JSON.stringify(comparison);
      await trx
        .insertInto('sign_comparisons')
        .values({ session_id: comparison.sessionId, department_id: departmentId, computed_at: comparison.computedAt, record, version: 1 })
        .onConflict(conflict =>
          conflict.column('session_id').doUpdateSet(eb => ({ computed_at: comparison.computedAt, record, version: eb('sign_comparisons.version', '+', 1) })),
        )
        .execute();
    });
  }

  async listSessionListings(departmentId: string, query: SessionListingQuery) {
    let picked = this.db.selectFrom('teaching_sessions').where('department_id', '=', departmentId);
    if (query.residentId !== undefined) picked = picked.where('resident_id', '=', query.residentId);
    if (query.tutorId !== undefined) picked = picked.where('tutor_id', '=', query.tutorId);
    if (query.phases) picked = query.phases.length ? picked.where('phase', 'in', query.phases) : picked.where(sql<boolean>`1 = 0`);
    if (query.clocks) picked = query.clocks.length ? picked.where('clock', 'in', query.clocks) : picked.where(sql<boolean>`1 = 0`);
    if (query.waitingForTutor) picked = picked.where('tutor_turn', 'is not', null);
    let page = picked.select([...LISTING_COLUMNS]);
    if (query.order === 'planned') page = page.orderBy('planned_at', 'asc');
    if (query.order === 'plannedLast') page = page.orderBy('planned_at', 'desc');
    if (query.order === 'signedOff') page = page.orderBy('signed_off_at', 'desc');
    if (query.order === 'changed') page = page.orderBy('updated_at', 'desc');
    const [rows, counted] = await Promise.all([
      page.orderBy('id').limit(query.limit).offset(query.offset ?? 0).execute(),
      picked.select(eb => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { listings: rows.map(toListing), total: Number(counted.total) };
  }

  async latestSessionOfEachResident(departmentId: string, filter: { tutorId?: string }) {
    let latest = this.db
      .selectFrom('teaching_sessions')
      .select(eb => ['resident_id', eb.fn.max('planned_at').as('latest')])
      .where('department_id', '=', departmentId)
      .groupBy('resident_id');
    if (filter.tutorId !== undefined) latest = latest.where('tutor_id', '=', filter.tutorId);
    let query = this.db
      .selectFrom('teaching_sessions')
      .innerJoin(latest.as('latest'), join => join.onRef('latest.resident_id', '=', 'teaching_sessions.resident_id').onRef('latest.latest', '=', 'teaching_sessions.planned_at'))
      .select(LISTING_COLUMNS.map(column => `teaching_sessions.${column}` as const))
      .where('teaching_sessions.department_id', '=', departmentId);
    if (filter.tutorId !== undefined) query = query.where('teaching_sessions.tutor_id', '=', filter.tutorId);
    const rows = await query.orderBy('teaching_sessions.id').execute();
    // Two sessions planned for the same moment: one of them stands for the resident.
    const byResident = new Map<string, SessionListing>();
    for (const row of rows) if (!byResident.has(row.resident_id)) byResident.set(row.resident_id, toListing(row));
    return [...byResident.values()];
  }

  async recordSignIn(accountId: string, at: string) {
    await this.db
      .updateTable('accounts')
      .set(eb => ({ previous_sign_in_at: eb.ref('last_sign_in_at'), last_sign_in_at: at }))
      .where('id', '=', accountId)
      .execute();
  }

  async previousSignIn(accountId: string) {
    const row = await this.db.selectFrom('accounts').select('previous_sign_in_at').where('id', '=', accountId).executeTakeFirst();
    return row?.previous_sign_in_at ?? null;
  }

  async countCasesByCategory(departmentId: string) {
    const rows = await this.db
      .selectFrom('cases')
      .select(eb => ['category', eb.fn.countAll().as('cases')])
      .where('department_id', '=', departmentId)
      .groupBy('category')
      .execute();
    return new Map(rows.map(row => [row.category, Number(row.cases)]));
  }
}
