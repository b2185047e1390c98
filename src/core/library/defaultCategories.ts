import type { DepartmentCategory } from './departmentCategory';

/**
 * The list a department starts with: the organ systems its reading rooms are usually organised by,
 * plus paediatric and interventional work, which cut across them. A department renames, adds and
 * retires entries from here on.
 */
export const DEFAULT_CATEGORIES: readonly DepartmentCategory[] = [
  { id: 'respiratory', name: { zh: '呼吸系统', en: 'Respiratory' }, retired: false },
  { id: 'cardiovascular', name: { zh: '循环系统', en: 'Cardiovascular' }, retired: false },
  { id: 'digestive', name: { zh: '消化系统', en: 'Digestive' }, retired: false },
  { id: 'genitourinary', name: { zh: '泌尿生殖系统', en: 'Genitourinary' }, retired: false },
  { id: 'neuro', name: { zh: '神经系统', en: 'Neuroradiology' }, retired: false },
  { id: 'head-and-neck', name: { zh: '头颈部', en: 'Head and neck' }, retired: false },
  { id: 'musculoskeletal', name: { zh: '骨骼肌肉系统', en: 'Musculoskeletal' }, retired: false },
  { id: 'breast', name: { zh: '乳腺', en: 'Breast' }, retired: false },
  { id: 'paediatric', name: { zh: '儿科', en: 'Paediatric' }, retired: false },
  { id: 'interventional', name: { zh: '介入', en: 'Interventional' }, retired: false },
];
