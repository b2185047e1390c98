/** A drawing on an image, as a session's annotations and a case's reference drawings both store it. */
interface DrawingRow {
  uid: string;
  department_id: string;
  author_id: string;
  study_uid: string;
  series_uid: string;
  sop_uid: string;
  frame_number: number | null;
  /** cornerstoneTools' JSON. */
  annotation: string;
  version: number;
  /** When it was first saved: drawings are listed in the order they were drawn. */
  created_at: string;
  updated_at: string;
}

/**
 * The stored tables, identical in SQLite and PostgreSQL. Records are kept as JSON text rather than
 * PostgreSQL jsonb so that both databases hand back exactly what was written (jsonb reorders keys
 * and drops duplicates); the columns beside them are what queries filter on.
 */
export interface Tables {
  departments: { id: string; name: string; created_at: string };
  accounts: {
    id: string;
    department_id: string;
    /** Unique in the whole database: the sign-in form asks for no department. */
    username: string;
    name: string;
    role: string;
    training_year: number | null;
    active: number;
    password_hash: string | null;
    /** The identity provider's `sub` for people who sign in with OIDC. */
    external_subject: string | null;
    failed_sign_ins: number;
    locked_until: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    /** The latest sign-in with a password, and the one before it: what is new to the person since. */
    last_sign_in_at?: string | null;
    previous_sign_in_at?: string | null;
  };
  auth_sessions: {
    /** SHA-256 of the cookie's token: a copy of the table signs nobody in. */
    token_hash: string;
    account_id: string;
    created_at: string;
    expires_at: string;
  };
  stand_ins: {
    /** SHA-256 of the token the panel sends in X-Teaching-Stand-In. */
    token_hash: string;
    /** The tutor who scores. */
    account_id: string;
    /** The sign-in of the workstation the tutor scores at; the stand-in is good with that cookie only. */
    workstation_token_hash: string;
    created_at: string;
    expires_at: string;
  };
  cases: {
    id: string;
    department_id: string;
    training_year: number;
    modality: string;
    category: string;
    record: string;
    version: number;
    updated_at: string;
    /** 1 once retired: the library lists current cases unless asked for retired ones. */
    retired: number;
    prepared_by: string;
    created_at: string;
    /** Title, objectives and diagnosis, lower-cased, for the library's text search. */
    search_text: string;
    /** The case's current study (the first of `studyInstanceUIDs`): the viewer lists the cases prepared on the study it shows. */
    study_uid: string;
  };
  teaching_sessions: {
    id: string;
    department_id: string;
    case_id: string;
    resident_id: string;
    tutor_id: string;
    /** The current state; always what the events replay to. */
    state: string;
    /** The seq of the last event. */
    version: number;
    updated_at: string;
    /** What worklists filter and sort on, kept with every write of the state (see `sessionColumns.ts`). */
    phase: string;
    clock: string;
    tutor_turn: string | null;
    planned_at: string;
    scheduled_at: string;
    signed_off_at: string | null;
    /** The rest a worklist shows of the session (place, stages waiting, sheet total and rating), as JSON. */
    summary: string;
  };
  session_events: {
    session_id: string;
    seq: number;
    at: string;
    actor_id: string;
    actor_role: string;
    type: string;
    /** The command as the person sent it (null for the creation). */
    command: string | null;
    /** The core's event: who, when, and every change before → after. */
    event: string;
  };
  annotations: DrawingRow & { session_id: string; author_role: string };
  /** A department's category list (病种分类), one versioned list per department. */
  department_categories: {
    department_id: string;
    categories: string;
    version: number;
    updated_at: string;
  };
  /** The tutor's reference drawings of a case: what the resident's signs are compared with. */
  case_annotations: DrawingRow & { case_id: string };
  idempotent_requests: {
    account_id: string;
    key: string;
    status: number;
    body: string;
    created_at: string;
  };
  sign_comparisons: {
    session_id: string;
    department_id: string;
    computed_at: string;
    /** The core's StoredSignComparison, with its own copy of the reference it was compared against. */
    record: string;
    /** Counts the writes: a comparison made again or a negative sign ticked. */
    version: number;
  };
}
