import { z } from 'zod';
import { identifier, localizedText } from '../schema/common';

/**
 * One entry of a department's list of case categories (病种分类). Cases name their category by id,
 * so renaming an entry renames it on every case; an entry no longer taught is retired rather than
 * removed, so the cases filed under it keep a name.
 */
export const departmentCategory = z.object({
  id: identifier,
  name: localizedText,
  retired: z.boolean(),
});
export type DepartmentCategory = z.infer<typeof departmentCategory>;

/** A department's whole list, each id once. */
export const departmentCategoryList = z
  .array(departmentCategory)
  .max(500, 'a department has at most 500 categories')
  .superRefine((categories, context) => {
    const seen = new Set<string>();
    categories.forEach((category, index) => {
      if (seen.has(category.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `category id "${category.id}" appears more than once` });
      seen.add(category.id);
    });
  });
