import { categoryIdFromName } from '../library/categoryFromName';
import type { Migration } from './migrateRecord';

/** Version 3 files a case under an entry of the department's category list, by id, instead of a free-text name. */
export const CASE_FROM_V2: Migration = {
  from: 2,
  migrate: record => ({
    ...record,
    schemaVersion: 3,
    ...(typeof record.category === 'string' && record.category.trim() !== '' ? { category: categoryIdFromName(record.category) } : {}),
  }),
};
