import { z } from 'zod';
import { departmentCategoryList } from '../../core/library/departmentCategory';

export const categoryListView = z.object({ categories: departmentCategoryList, version: z.number().int() });
export type CategoryListView = z.infer<typeof categoryListView>;

/** The whole list at the version last read; an entry in use by a case is retired, not left out. */
export const putCategoriesBody = z.object({ version: z.number().int().min(0), categories: departmentCategoryList });
export type PutCategoriesBody = z.infer<typeof putCategoriesBody>;

export const categoryConflict = z.object({ code: z.literal('conflict'), message: z.string(), current: categoryListView });
