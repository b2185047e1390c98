import type { Migration } from './migrateRecord';
import { ifObject, withDefault } from './jsonShapes';

/** Version 2 adds clinical information and recommendations to the reference report, as to the resident's. */
export const CASE_FROM_V1: Migration = {
  from: 1,
  migrate: record => ({
    ...record,
    schemaVersion: 2,
    ...(Object.hasOwn(record, 'referenceAnswer')
      ? {
          referenceAnswer: ifObject(record.referenceAnswer, answer => ({
            ...answer,
            report: ifObject(answer.report, report => withDefault(withDefault(report, 'clinicalInformation', ''), 'recommendations', '')),
          })),
        }
      : {}),
  }),
};
