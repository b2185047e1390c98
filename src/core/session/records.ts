import { readRecord, type RecordKind } from '../migrations/readRecord';
import type { Outcome } from '../rules/outcome';
import { PERSON_SCHEMA_VERSION, person, type Person } from './people';
import { CASE_SCHEMA_VERSION, teachingCase, type TeachingCase } from './teachingCase';

/** Stored cases and people, each with its schema version and migrations (none yet). */
export const CASE_RECORD: RecordKind<TeachingCase> = {
  schema: teachingCase,
  version: CASE_SCHEMA_VERSION,
  migrations: [],
  name: { zh: '病例', en: 'case' },
};

export const PERSON_RECORD: RecordKind<Person> = {
  schema: person,
  version: PERSON_SCHEMA_VERSION,
  migrations: [],
  name: { zh: '人员', en: 'person' },
};

export const readCase = (input: unknown): Outcome<TeachingCase> => readRecord(input, CASE_RECORD);
export const readPerson = (input: unknown): Outcome<Person> => readRecord(input, PERSON_RECORD);
