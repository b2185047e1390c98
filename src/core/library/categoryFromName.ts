import type { DepartmentCategory } from './departmentCategory';
import { DEFAULT_CATEGORIES } from './defaultCategories';

/** FNV-1a over the name's UTF-16 code units, 64 bits: stable across runs, databases and machines. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

const normalised = (name: string) => name.trim().normalize('NFC');

/**
 * Before case schema 3 a case's category was free text. A name of the default list (Chinese or
 * English, whatever the case of the letters) becomes that entry's id; any other name becomes
 * `named-` and 16 hex digits of a hash of the trimmed name, so the same name gives the same id in
 * every case and every department (and the id is a valid identifier whatever script the name is in),
 * and the department's list gains an entry of that id carrying the old name.
 */
export function categoryIdFromName(name: string): string {
  const text = normalised(name);
  const known = DEFAULT_CATEGORIES.find(category => category.name.zh === text || category.name.en.toLowerCase() === text.toLowerCase());
  return known ? known.id : `named-${fnv1a64(text)}`;
}

/** The list entry for a name `categoryIdFromName` did not find in the default list. */
export function categoryFromName(name: string): DepartmentCategory {
  const text = normalised(name);
  return { id: categoryIdFromName(text), name: { zh: text, en: text }, retired: false };
}
