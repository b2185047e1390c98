/** One imaging sign of a department's vocabulary, in both languages. */
export interface SignTerm {
  zh: string;
  en: string;
}

/** The vocabularies there are: one per kind of imaging, named by its usual DICOM modality code. */
export const VOCABULARY_MODALITIES = ['CT', 'MR', 'DX', 'US', 'NM'] as const;
export type VocabularyModality = (typeof VOCABULARY_MODALITIES)[number];

export type SignVocabulary = Record<VocabularyModality, readonly SignTerm[]>;

/** A department's own lists: the modalities it names replace the shipped ones, the others stay. */
export type DepartmentSignLists = Partial<Record<VocabularyModality, readonly SignTerm[]>>;

/** Plain radiographs are read with one vocabulary whatever the detector; PET reads with nuclear medicine. */
const VOCABULARY_OF_MODALITY: Record<string, VocabularyModality> = {
  CT: 'CT',
  MR: 'MR',
  CR: 'DX',
  DX: 'DX',
  DR: 'DX',
  RF: 'DX',
  MG: 'DX',
  US: 'US',
  NM: 'NM',
  PT: 'NM',
};

export function vocabularyModality(modality: string | undefined): VocabularyModality | undefined {
  return modality ? VOCABULARY_OF_MODALITY[modality.trim().toUpperCase()] : undefined;
}

const HAN = /\p{Script=Han}/u;

function sameTerm(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The signs offered for a study's modality: the department's list where it has one, else the
 * shipped one. A modality without a vocabulary of its own gets every list, each sign once.
 */
export function signsFor(modality: string | undefined, shipped: SignVocabulary, department: DepartmentSignLists = {}): readonly SignTerm[] {
  const listOf = (key: VocabularyModality) => department[key] ?? shipped[key];
  const key = vocabularyModality(modality);
  if (key) return listOf(key);
  const all: SignTerm[] = [];
  for (const each of VOCABULARY_MODALITIES) for (const term of listOf(each)) if (!all.some(seen => sameTerm(seen.zh, term.zh))) all.push(term);
  return all;
}

/**
 * The signs whose Chinese or English contains what the person typed (case aside), those that begin
 * with it first, each group in the vocabulary's own order. Nothing typed: the whole list.
 */
export function filterSigns(terms: readonly SignTerm[], typed: string): readonly SignTerm[] {
  const needle = typed.trim().toLowerCase();
  if (!needle) return terms;
  const starts: SignTerm[] = [];
  const contains: SignTerm[] = [];
  for (const term of terms) {
    const zh = term.zh.toLowerCase();
    const en = term.en.toLowerCase();
    if (zh.startsWith(needle) || en.startsWith(needle)) starts.push(term);
    else if (zh.includes(needle) || en.includes(needle)) contains.push(term);
  }
  return [...starts, ...contains];
}

/** The sign the typed text names exactly, in either language. */
export function exactSign(terms: readonly SignTerm[], typed: string): SignTerm | undefined {
  return terms.find(term => sameTerm(term.zh, typed) || sameTerm(term.en, typed));
}

export interface CheckedDepartmentLists {
  lists: DepartmentSignLists;
  /** Why the department's value was not taken; when any, `lists` is empty and the shipped lists apply. */
  problems: string[];
}

/**
 * A department's vocabulary as its site configured it (`{ CT: [{ zh, en }, …], … }`), checked:
 * anything malformed and none of it is taken, so a typo never leaves a modality with half a list.
 */
export function checkDepartmentSignLists(value: unknown): CheckedDepartmentLists {
  if (value === undefined || value === null) return { lists: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) return { lists: {}, problems: ['the sign vocabulary must be an object of lists by modality, e.g. { CT: [{ zh, en }] }'] };
  const problems: string[] = [];
  const lists: DepartmentSignLists = {};
  for (const [key, list] of Object.entries(value)) {
    if (!(VOCABULARY_MODALITIES as readonly string[]).includes(key)) {
      problems.push(`${key}: not a vocabulary modality (${VOCABULARY_MODALITIES.join(', ')})`);
      continue;
    }
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`${key}: must be a non-empty list of { zh, en }`);
      continue;
    }
    const terms: SignTerm[] = [];
    list.forEach((item: unknown, index) => {
      const { zh, en } = (item ?? {}) as Partial<Record<'zh' | 'en', unknown>>;
      if (typeof zh !== 'string' || !HAN.test(zh)) problems.push(`${key}[${index}]: zh must be Chinese text`);
      else if (typeof en !== 'string' || !en.trim()) problems.push(`${key}[${index}]: en must be English text`);
      else if (terms.some(term => sameTerm(term.zh, zh) || sameTerm(term.en, en))) problems.push(`${key}[${index}]: "${zh} ${en}" is listed twice`);
      else terms.push({ zh: zh.trim(), en: en.trim() });
    });
    lists[key as VocabularyModality] = terms;
  }
  return problems.length > 0 ? { lists: {}, problems } : { lists, problems };
}
