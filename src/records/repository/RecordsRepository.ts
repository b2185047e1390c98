import type { StoredSignComparison } from '../../core/comparison/signComparison';
import type { SessionEvent } from '../../core/rules/sessionEvent';
import type { Role } from '../../core/session/people';
import type { TeachingSession } from '../../core/session/session';
import type { ClockStatus } from '../../core/session/sessionClock';
import type { SessionPhase, SessionSummary } from '../../core/session/sessionSummary';
import type { TeachingCase } from '../../core/session/teachingCase';
import type { TrainingYear } from '../../core/schema/common';
import type { DepartmentCategory } from '../../core/library/departmentCategory';

export interface Department {
  id: string;
  name: string;
  createdAt: string;
}

export interface Account {
  id: string;
  departmentId: string;
  username: string;
  name: string;
  role: Role;
  trainingYear: TrainingYear | null;
  active: boolean;
  passwordHash: string | null;
  externalSubject: string | null;
  failedSignIns: number;
  lockedUntil: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type AccountChange = Partial<Pick<Account, 'name' | 'trainingYear' | 'active' | 'passwordHash'>>;

export interface Versioned<T> {
  record: T;
  version: number;
}

export interface CaseFilter {
  trainingYear?: TrainingYear;
  category?: string;
  modality?: string;
  ids?: string[];
  /** Text in the title, objectives or reference diagnosis, whatever the case of its letters. */
  q?: string;
  preparedBy?: string;
  /** `false`: current cases only, `true`: retired ones only; absent or `'all'`: both. */
  retired?: boolean | 'all';
  /** Cases whose current study (the first of `studyInstanceUIDs`) is this one. */
  studyInstanceUID?: string;
}

export interface SessionFilter {
  residentId?: string;
  tutorId?: string;
  caseIds?: string[];
}

export interface StoredEvent {
  event: SessionEvent;
  command: unknown;
}

/** One annotation drawn on a session's images, as the viewer's cornerstoneTools wrote it. */
export interface StoredAnnotation {
  sessionId: string;
  uid: string;
  authorId: string;
  authorRole: Role;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID: string;
  frameNumber: number | null;
  annotation: unknown;
  version: number;
  updatedAt: string;
}

/** One of the tutor's reference drawings of a case (its signs, in `referenceAnswer.findings[].annotationIds`). */
export interface StoredCaseAnnotation {
  caseId: string;
  uid: string;
  authorId: string;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID: string;
  frameNumber: number | null;
  annotation: unknown;
  version: number;
  updatedAt: string;
}

/** A session as worklists list it: who, which case and where it stands, without its whole state. */
export interface SessionListing {
  id: string;
  caseId: string;
  residentId: string;
  tutorId: string;
  version: number;
  updatedAt: string;
  /** When its planned time and place were last set (created or rescheduled). */
  scheduledAt: string;
  summary: SessionSummary;
}

export interface SessionListingQuery {
  residentId?: string;
  tutorId?: string;
  phases?: SessionPhase[];
  clocks?: ClockStatus[];
  /** Only sessions waiting for their tutor (scores to give or the signature). */
  waitingForTutor?: boolean;
  /** planned: soonest planned first; plannedLast: latest planned first; signedOff: latest signed first; changed: latest changed first. */
  order: 'planned' | 'plannedLast' | 'signedOff' | 'changed';
  limit: number;
  offset?: number;
}

/** A tutor scoring at a workstation where another account is signed in (see `auth/standIns.ts`). */
export interface StoredStandIn {
  tokenHash: string;
  accountId: string;
  workstationTokenHash: string;
  createdAt: string;
  expiresAt: string;
}

/** A response kept with the write it answered, so that a retried request gets it again instead of a second write. */
export interface IdempotentResponse {
  status: number;
  body: unknown;
}

export interface Idempotency {
  accountId: string;
  key: string;
  response: (written: unknown) => IdempotentResponse;
}

export type WriteResult<T> = { outcome: 'written'; value: T; response?: IdempotentResponse } | { outcome: 'conflict' } | { outcome: 'notFound' } | { outcome: 'repeated'; response: IdempotentResponse };

/**
 * Everything the records service stores, behind one interface. Every call is scoped to a
 * department, so one department's records cannot reach another's through a mistaken id. Writes take
 * the version their caller read and refuse ("conflict") when someone else wrote in between.
 */
export interface RecordsRepository {
  close(): Promise<void>;

  findDepartment(id: string): Promise<Department | undefined>;
  createDepartment(department: Department): Promise<void>;

  findAccountByUsername(username: string): Promise<Account | undefined>;
  findAccountBySubject(departmentId: string, subject: string): Promise<Account | undefined>;
  getAccount(departmentId: string, id: string): Promise<Account | undefined>;
  listAccounts(departmentId: string): Promise<Account[]>;
  /** False when the username is taken. */
  createAccount(account: Account): Promise<boolean>;
  updateAccount(departmentId: string, id: string, expectedVersion: number, change: AccountChange, at: string): Promise<WriteResult<Account>>;
  recordSignInFailure(id: string, lockedUntil: string | null): Promise<void>;
  clearSignInFailures(id: string): Promise<void>;

  createAuthSession(tokenHash: string, accountId: string, createdAt: string, expiresAt: string): Promise<void>;
  findAuthSession(tokenHash: string): Promise<{ account: Account; expiresAt: string } | undefined>;
  extendAuthSession(tokenHash: string, expiresAt: string): Promise<void>;
  deleteAuthSession(tokenHash: string): Promise<void>;
  deleteAuthSessionsOf(accountId: string): Promise<void>;

  createStandIn(standIn: StoredStandIn): Promise<void>;
  /** The stand-in with its tutor's account as it is now. */
  findStandIn(tokenHash: string): Promise<{ account: Account; workstationTokenHash: string; expiresAt: string } | undefined>;
  deleteStandIn(tokenHash: string): Promise<void>;

  createCase(departmentId: string, teachingCase: TeachingCase, at: string): Promise<void>;
  getCase(departmentId: string, id: string): Promise<Versioned<TeachingCase> | undefined>;
  listCases(departmentId: string, filter: CaseFilter): Promise<Versioned<TeachingCase>[]>;
  updateCase(departmentId: string, id: string, expectedVersion: number, teachingCase: TeachingCase, at: string): Promise<WriteResult<Versioned<TeachingCase>>>;

  createSession(departmentId: string, session: TeachingSession, created: SessionEvent): Promise<void>;
  getSession(departmentId: string, id: string): Promise<Versioned<TeachingSession> | undefined>;
  listSessions(departmentId: string, filter: SessionFilter): Promise<Versioned<TeachingSession>[]>;
  /** Appends the event (seq = expectedVersion + 1) and stores the state it leads to, atomically. */
  appendEvent(
    departmentId: string,
    sessionId: string,
    write: { expectedVersion: number; event: SessionEvent; command: unknown; state: TeachingSession },
    idempotency?: Idempotency,
  ): Promise<WriteResult<Versioned<TeachingSession>>>;
  /** The history in order; from `afterSeq` on, what happened since a version someone read. */
  listEvents(departmentId: string, sessionId: string, afterSeq?: number): Promise<StoredEvent[]>;

  listAnnotations(departmentId: string, sessionId: string): Promise<StoredAnnotation[]>;
  getAnnotation(departmentId: string, sessionId: string, uid: string): Promise<StoredAnnotation | undefined>;
  /** Creates (expectedVersion 0) or replaces an annotation. */
  putAnnotation(departmentId: string, annotation: Omit<StoredAnnotation, 'version'>, expectedVersion: number, idempotency?: Idempotency): Promise<WriteResult<StoredAnnotation>>;
  deleteAnnotation(departmentId: string, sessionId: string, uid: string, expectedVersion: number, idempotency?: Idempotency): Promise<WriteResult<null>>;

  findIdempotentResponse(accountId: string, key: string): Promise<IdempotentResponse | undefined>;

  /** One page of the sessions a query picks, with how many it picks in all. */
  listSessionListings(departmentId: string, query: SessionListingQuery): Promise<{ listings: SessionListing[]; total: number }>;
  /** Each resident's latest planned session (of one tutor's, when named). */
  latestSessionOfEachResident(departmentId: string, filter: { tutorId?: string }): Promise<SessionListing[]>;
  /** A sign-in with a password: the latest one becomes the previous. */
  recordSignIn(accountId: string, at: string): Promise<void>;
  /** The sign-in before the latest; null for a person signing in for the first time. */
  previousSignIn(accountId: string): Promise<string | null>;

  /** The department's category list; a department gets the default list when it is created. */
  getCategories(departmentId: string): Promise<Versioned<DepartmentCategory[]>>;
  putCategories(departmentId: string, expectedVersion: number, categories: DepartmentCategory[], at: string): Promise<WriteResult<Versioned<DepartmentCategory[]>>>;
  /** The category ids the department's cases are filed under. */
  listUsedCategories(departmentId: string): Promise<string[]>;
  /** How many sessions were held on each case of the department (cases without any are absent). */
  countSessionsByCase(departmentId: string): Promise<Map<string, number>>;
  listCaseAnnotations(departmentId: string, caseId: string): Promise<StoredCaseAnnotation[]>;
  getCaseAnnotation(departmentId: string, caseId: string, uid: string): Promise<StoredCaseAnnotation | undefined>;
  /** Creates (expectedVersion 0) or replaces a reference annotation. */
  putCaseAnnotation(departmentId: string, annotation: Omit<StoredCaseAnnotation, 'version'>, expectedVersion: number, idempotency?: Idempotency): Promise<WriteResult<StoredCaseAnnotation>>;
  deleteCaseAnnotation(departmentId: string, caseId: string, uid: string, expectedVersion: number, idempotency?: Idempotency): Promise<WriteResult<null>>;
  /** Stores a copy of a case with its reference annotations (already given new uids), atomically. */
  createCaseCopy(departmentId: string, teachingCase: TeachingCase, annotations: Omit<StoredCaseAnnotation, 'version'>[], at: string): Promise<void>;

  /** The last comparison of the session's signs against its case's reference, undefined before the first. */
  getSignComparison(departmentId: string, sessionId: string): Promise<StoredSignComparison | undefined>;
  /** Keeps the comparison in place of the session's previous one; the session must be of the department. */
  putSignComparison(departmentId: string, comparison: StoredSignComparison): Promise<void>;

  /** How many cases (retired ones included) are filed under each category id; categories without a case are absent. */
  countCasesByCategory(departmentId: string): Promise<Map<string, number>>;
}
