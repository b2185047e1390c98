import { CASE_FROM_V1 } from '../migrations/caseV1';
import { CASE_FROM_V2 } from '../migrations/caseV2';
import { readRecord, type RecordKind } from '../migrations/readRecord';
import { RUBRIC_SET_FROM_V1 } from '../migrations/rubricSetV1';
import { RUBRIC_SET_SCHEMA_VERSION, rubricSet, type RubricSet } from '../rubric/rubricSchema';
import type { Outcome } from '../rules/outcome';
import { PERSON_SCHEMA_VERSION, person, type Person } from './people';
import { CASE_SCHEMA_VERSION, teachingCase, type TeachingCase } from './teachingCase';

/** Stored cases, people and rubric sets, each with its schema version and the migrations from version 1. */
export const CASE_RECORD: RecordKind<TeachingCase> = {
  schema: teachingCase,
  version: CASE_SCHEMA_VERSION,
  migrations: [CASE_FROM_V1, CASE_FROM_V2],
  name: { zh: '病例', en: 'case' },
};

export const PERSON_RECORD: RecordKind<Person> = {
  schema: person,
  version: PERSON_SCHEMA_VERSION,
  migrations: [],
  name: { zh: '人员', en: 'person' },
};

export const RUBRIC_SET_RECORD: RecordKind<RubricSet> = {
  schema: rubricSet,
  version: RUBRIC_SET_SCHEMA_VERSION,
  migrations: [RUBRIC_SET_FROM_V1],
  name: { zh: '评分标准', en: 'rubric set' },
};

export const readCase = (input: unknown): Outcome<TeachingCase> => readRecord(input, CASE_RECORD);
export const readPerson = (input: unknown): Outcome<Person> => readRecord(input, PERSON_RECORD);
export const readRubricSet = (input: unknown): Outcome<RubricSet> => readRecord(input, RUBRIC_SET_RECORD);
