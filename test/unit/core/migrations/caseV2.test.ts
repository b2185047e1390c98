import { describe, expect, it } from 'vitest';
import { categoryFromName, categoryIdFromName } from '../../../../src/core/library/categoryFromName';
import { DEFAULT_CATEGORIES } from '../../../../src/core/library/defaultCategories';
import { departmentCategoryList } from '../../../../src/core/library/departmentCategory';
import { identifier } from '../../../../src/core/schema/common';
import { readCase } from '../../../../src/core/session/records';

/** A case as schema 2 stored it, with the category given. */
const version2 = (category: unknown) => ({
  schemaVersion: 2,
  id: 'case-v2',
  title: '右肺上叶结节',
  studyInstanceUIDs: ['1.2.826.0.1.3680043.8.498.1'],
  modality: 'CT',
  bodyPart: 'CHEST',
  category,
  trainingYear: 2,
  realTime: false,
  objectives: ['识别肺结节'],
  preparedBy: 'tutor-1',
  createdAt: '2026-10-01T00:00:00.000Z',
});

describe('cases of schema 2 read as schema 3', () => {
  it('file a category named as in the default list (Chinese or English) under its id', () => {
    for (const [name, id] of [
      ['呼吸系统', 'respiratory'],
      [' 神经系统 ', 'neuro'],
      ['消化系统', 'digestive'],
      ['head and NECK', 'head-and-neck'],
    ]) {
      const read = readCase(version2(name));
      expect(read.ok && read.value).toMatchObject({ schemaVersion: 3, category: id });
    }
  });

  it('keep any other name as an id made from it: valid, stable, different for different names', () => {
    const names = ['肺结节', '肺结节 🫁', '脑卒中', 'Lung nodule', '呼吸系统 <i>肺</i>', '肺'.repeat(500)];
    const ids = names.map(categoryIdFromName);
    for (const id of ids) {
      expect(identifier.safeParse(id).success, id).toBe(true);
      expect(DEFAULT_CATEGORIES.map(category => category.id)).not.toContain(id);
    }
    expect(new Set(ids).size).toBe(names.length);
    expect(names.map(categoryIdFromName)).toEqual(ids);
    expect(categoryIdFromName(' 肺结节')).toBe(categoryIdFromName('肺结节'));
    const read = readCase(version2('肺结节'));
    expect(read.ok && read.value.category).toBe(ids[0]);
  });

  it('give the department list an entry under that id with the old name in both languages', () => {
    const entry = categoryFromName(' 脑卒中 ');
    expect(entry).toEqual({ id: categoryIdFromName('脑卒中'), name: { zh: '脑卒中', en: '脑卒中' }, retired: false });
    expect(departmentCategoryList.safeParse([...DEFAULT_CATEGORIES, entry]).success).toBe(true);
  });

  it('leave a missing or empty category for the schema to name', () => {
    const read = readCase(version2(''));
    expect(read.ok).toBe(false);
  });
});

describe('the category list', () => {
  it('refuses the same id twice, naming it', () => {
    const parsed = departmentCategoryList.safeParse([DEFAULT_CATEGORIES[0], { ...DEFAULT_CATEGORIES[1], id: DEFAULT_CATEGORIES[0]!.id }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: [1, 'id'], message: expect.stringContaining('respiratory') });
  });
});
