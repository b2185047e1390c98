import { describe, expect, it, vi } from 'vitest';
import {
  checkDepartmentSignLists,
  DEFAULT_SIGN_VOCABULARY,
  exactSign,
  filterSigns,
  signsFor,
  VOCABULARY_MODALITIES,
  vocabularyModality,
} from '../../../../src/core/vocabulary';
import { departmentSignLists, SIGN_VOCABULARY_KEY } from '../../../../extension/host/teachingCustomizations';
import type { ServicesManager } from '../../../../extension/host/ohifTypes';

const HAN = /\p{Script=Han}/u;

describe('the shipped sign vocabulary', () => {
  it.each(VOCABULARY_MODALITIES)('%s: 15 to 30 signs, each in Chinese and English, none twice', modality => {
    const terms = DEFAULT_SIGN_VOCABULARY[modality];
    expect(terms.length).toBeGreaterThanOrEqual(15);
    expect(terms.length).toBeLessThanOrEqual(30);
    for (const term of terms) {
      expect(term.zh, term.en).toMatch(HAN);
      expect(term.en, term.zh).toMatch(/[a-z]/i);
      expect(term.en).not.toMatch(HAN);
      expect(term.zh).toBe(term.zh.trim());
    }
    expect(new Set(terms.map(term => term.zh)).size).toBe(terms.length);
    expect(new Set(terms.map(term => term.en.toLowerCase())).size).toBe(terms.length);
  });

  it('holds the signs the guide and the department name', () => {
    const zh = (modality: (typeof VOCABULARY_MODALITIES)[number]) => DEFAULT_SIGN_VOCABULARY[modality].map(term => term.zh);
    expect(zh('CT')).toEqual(expect.arrayContaining(['结节', '磨玻璃影', '胸腔积液', '毛刺征', '分叶征', '胸膜凹陷征', '空泡征']));
    expect(zh('MR')).toEqual(expect.arrayContaining(['弥散受限', '占位效应', '水肿', '强化']));
    expect(zh('US')).toEqual(expect.arrayContaining(['低回声', '高回声', '无回声', '后方回声增强', '声影', '血流信号']));
    expect(exactSign(DEFAULT_SIGN_VOCABULARY.CT, '磨玻璃影')?.en).toBe('ground-glass opacity');
  });
});

describe('the signs offered for a study', () => {
  it("takes the list of the study's modality, radiographs and PET by their reading", () => {
    expect(signsFor('CT', DEFAULT_SIGN_VOCABULARY)).toBe(DEFAULT_SIGN_VOCABULARY.CT);
    expect(signsFor('cr', DEFAULT_SIGN_VOCABULARY)).toBe(DEFAULT_SIGN_VOCABULARY.DX);
    expect(signsFor('DX', DEFAULT_SIGN_VOCABULARY)).toBe(DEFAULT_SIGN_VOCABULARY.DX);
    expect(signsFor('PT', DEFAULT_SIGN_VOCABULARY)).toBe(DEFAULT_SIGN_VOCABULARY.NM);
    expect(vocabularyModality('SR')).toBeUndefined();
  });

  it('offers every list, each sign once, when the modality has none of its own', () => {
    const all = signsFor('XA', DEFAULT_SIGN_VOCABULARY);
    const zh = all.map(term => term.zh);
    expect(new Set(zh).size).toBe(zh.length);
    expect(zh).toEqual(expect.arrayContaining(['磨玻璃影', '弥散受限', '低回声', '放射性浓聚', '肋膈角变钝']));
    expect(signsFor(undefined, DEFAULT_SIGN_VOCABULARY)).toEqual(all);
  });

  it("uses the department's list for a modality it names, and the shipped one for the others", () => {
    const department = { CT: [{ zh: '肺结节', en: 'pulmonary nodule' }] };
    expect(signsFor('CT', DEFAULT_SIGN_VOCABULARY, department)).toEqual(department.CT);
    expect(signsFor('MR', DEFAULT_SIGN_VOCABULARY, department)).toBe(DEFAULT_SIGN_VOCABULARY.MR);
  });
});

describe('filtering by what is typed', () => {
  const ct = DEFAULT_SIGN_VOCABULARY.CT;
  const zh = (typed: string) => filterSigns(ct, typed).map(term => term.zh);

  it('matches part of the Chinese', () => {
    expect(zh('磨玻')).toEqual(['磨玻璃影']);
    expect(zh('积液')).toEqual(['胸腔积液', '心包积液']);
  });

  it('matches part of the English, case aside, those that begin with it first', () => {
    expect(zh('GROUND')).toEqual(['磨玻璃影']);
    expect(zh('pleural')).toEqual(['胸腔积液', '胸膜凹陷征', '胸膜增厚']);
    expect(zh('nod')).toEqual(['结节']);
    expect(filterSigns(ct, 'at').map(term => term.en)[0]).toBe('atelectasis');
  });

  it('lists everything while nothing is typed, and nothing for words of no sign', () => {
    expect(filterSigns(ct, '  ')).toBe(ct);
    expect(filterSigns(ct, '右肺上叶小结节旁条索')).toEqual([]);
  });
});

describe("a department's vocabulary from the host's customization service", () => {
  it('takes well-formed lists as they are, trimmed', () => {
    const checked = checkDepartmentSignLists({ US: [{ zh: ' 低回声结节 ', en: 'hypoechoic nodule' }, { zh: '囊肿', en: 'cyst' }] });
    expect(checked).toEqual({ lists: { US: [{ zh: '低回声结节', en: 'hypoechoic nodule' }, { zh: '囊肿', en: 'cyst' }] }, problems: [] });
    expect(checkDepartmentSignLists(undefined)).toEqual({ lists: {}, problems: [] });
    expect(checkDepartmentSignLists({})).toEqual({ lists: {}, problems: [] });
  });

  it.each([
    ['not an object', ['结节']],
    ['an unknown modality', { XR: [{ zh: '结节', en: 'nodule' }] }],
    ['an empty list', { CT: [] }],
    ['no Chinese', { CT: [{ zh: 'nodule', en: 'nodule' }] }],
    ['no English', { CT: [{ zh: '结节', en: ' ' }] }],
    ['a sign twice', { CT: [{ zh: '结节', en: 'nodule' }, { zh: '结节', en: 'pulmonary nodule' }] }],
  ])('refuses all of it for %s, saying why', (_, value) => {
    const checked = checkDepartmentSignLists(value);
    expect(checked.lists).toEqual({});
    expect(checked.problems.length).toBeGreaterThan(0);
  });

  it('refuses a good list beside a bad one, so no modality is left with half a list', () => {
    const checked = checkDepartmentSignLists({ CT: [{ zh: '结节', en: 'nodule' }], MR: [{ zh: '水肿' }] });
    expect(checked).toEqual({ lists: {}, problems: ['MR[0]: en must be English text'] });
  });

  it("reads the key from the host, and logs what was wrong when it falls back to the shipped lists", () => {
    const host = (value: unknown) =>
      ({ services: { customizationService: { getCustomization: (id: string) => (id === SIGN_VOCABULARY_KEY ? value : undefined) } } }) as unknown as ServicesManager;
    const log = { warn: vi.fn() };
    expect(departmentSignLists(host({ NM: [{ zh: '放射性浓聚', en: 'hot spot' }] }), log)).toEqual({ NM: [{ zh: '放射性浓聚', en: 'hot spot' }] });
    expect(log.warn).not.toHaveBeenCalled();
    expect(departmentSignLists(host({ NM: 'hot spot' }), log)).toEqual({});
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('NM: must be a non-empty list'));
    expect(departmentSignLists({ services: {} } as unknown as ServicesManager, log)).toEqual({});
  });
});
