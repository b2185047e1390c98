import { describe, expect, it } from 'vitest';
import { chooseReportSheet, DEFAULT_RUBRIC_SET } from '../../../../src/core/rubric/defaultRubrics';
import { DEFAULT_STAGE_FORM } from '../../../../src/core/rubric/defaultStageForm';
import { GENERAL_REPORT_SHEET, GENERAL_REPORT_SHEET_ID } from '../../../../src/core/rubric/generalReportSheet';
import { NUCLEAR_MEDICINE_REPORT_SHEET } from '../../../../src/core/rubric/nuclearMedicineReportSheet';
import { rubricSet } from '../../../../src/core/rubric/rubricSchema';
import { ULTRASOUND_REPORT_SHEET } from '../../../../src/core/rubric/ultrasoundReportSheet';
import { validateReportSheet, validateRubricSet, validateStageForm } from '../../../../src/core/rubric/validateRubricSet';

const LABEL_KEYS = ['name', 'title', 'label', 'description', 'source'];

/** Every bilingual text in a definition, with where it is. */
function texts(value: unknown, at = ''): Array<{ at: string; text: unknown }> {
  if (Array.isArray(value)) return value.flatMap((entry, index) => texts(entry, `${at}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) =>
    LABEL_KEYS.includes(key) ? [{ at: `${at}.${key}`, text: entry }] : texts(entry, `${at}.${key}`),
  );
}

/** Every record with an id, which users see by its label. */
function records(value: unknown, at = ''): Array<{ at: string; record: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((entry, index) => records(entry, `${at}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  const own = 'id' in value ? [{ at, record: value as Record<string, unknown> }] : [];
  return [...own, ...Object.entries(value).flatMap(([key, entry]) => records(entry, `${at}.${key}`))];
}

describe('the default rubric set', () => {
  it('holds the default stage form and the three report sheets', () => {
    expect(DEFAULT_RUBRIC_SET.stageForm).toBe(DEFAULT_STAGE_FORM);
    expect(DEFAULT_RUBRIC_SET.reportSheets).toEqual([GENERAL_REPORT_SHEET, ULTRASOUND_REPORT_SHEET, NUCLEAR_MEDICINE_REPORT_SHEET]);
    expect(rubricSet.parse(DEFAULT_RUBRIC_SET)).toEqual(DEFAULT_RUBRIC_SET);
  });

  it('validates clean, as a set and part by part', () => {
    expect(validateRubricSet(DEFAULT_RUBRIC_SET)).toEqual({ ok: true, rubrics: DEFAULT_RUBRIC_SET });
    expect(validateStageForm(DEFAULT_STAGE_FORM)).toEqual({ ok: true, form: DEFAULT_STAGE_FORM });
    for (const sheet of DEFAULT_RUBRIC_SET.reportSheets) expect(validateReportSheet(sheet)).toEqual({ ok: true, sheet });
  });

  it('has every label in Chinese and in English', () => {
    const found = texts(DEFAULT_RUBRIC_SET);
    expect(found.length).toBeGreaterThan(100);
    for (const { at, text } of found) {
      expect(text, at).toEqual({ zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.stringMatching(/^[A-Z][^\u4e00-\u9fff]*[a-z]/) });
    }
  });

  it('shares no object between sheets, so a copy can be edited one sheet at a time', () => {
    const copy = structuredClone(DEFAULT_RUBRIC_SET);
    copy.reportSheets[1]!.bands[0]!.min = 95;
    copy.reportSheets[2]!.vetoes[0]!.label.en = 'Changed';
    copy.reportSheets[2]!.sections[0]!.title.en = 'Changed';
    expect(copy.reportSheets[0]).toEqual(GENERAL_REPORT_SHEET);
    expect(copy.reportSheets[1]!.vetoes).toEqual(GENERAL_REPORT_SHEET.vetoes);
    expect(copy.reportSheets[2]!.sections[0]!.items[0]!.label.en).toBe(NUCLEAR_MEDICINE_REPORT_SHEET.sections[0]!.items[0]!.label.en);
  });

  it('labels every record users see', () => {
    for (const { at, record } of records(DEFAULT_RUBRIC_SET)) {
      expect(['name', 'title', 'label'].some(key => key in record), at).toBe(true);
    }
  });
});

describe('chooseReportSheet', () => {
  const sheets = DEFAULT_RUBRIC_SET.reportSheets;

  it.each([
    ['US', ULTRASOUND_REPORT_SHEET],
    ['NM', NUCLEAR_MEDICINE_REPORT_SHEET],
    ['PT', NUCLEAR_MEDICINE_REPORT_SHEET],
    ['CT', GENERAL_REPORT_SHEET],
    ['MR', GENERAL_REPORT_SHEET],
    ['CR', GENERAL_REPORT_SHEET],
    ['DX', GENERAL_REPORT_SHEET],
    ['MG', GENERAL_REPORT_SHEET],
    ['XA', GENERAL_REPORT_SHEET],
    ['RF', GENERAL_REPORT_SHEET],
    ['OT', GENERAL_REPORT_SHEET],
    ['ZZ', GENERAL_REPORT_SHEET],
  ])('chooses for %s the sheet made for it', (modality, expected) => {
    expect(chooseReportSheet(sheets, modality)).toBe(expected);
  });

  it("falls back on a department's own general sheet, found by its id", () => {
    const own = { ...GENERAL_REPORT_SHEET, version: 2, modalities: [] };
    expect(chooseReportSheet([ULTRASOUND_REPORT_SHEET, own], 'CT')).toBe(own);
    expect(own.id).toBe(GENERAL_REPORT_SHEET_ID);
  });

  it('chooses a department sheet for the modality it lists', () => {
    const general = { ...GENERAL_REPORT_SHEET, modalities: GENERAL_REPORT_SHEET.modalities.filter(modality => modality !== 'MG') };
    const mammography = { ...ULTRASOUND_REPORT_SHEET, id: 'mammography', modalities: ['MG'] };
    expect(chooseReportSheet([general, mammography], 'MG')).toBe(mammography);
    expect(chooseReportSheet([general, mammography], 'CT')).toBe(general);
  });

  it('refuses to guess when no sheet lists the modality and there is no general sheet', () => {
    expect(() => chooseReportSheet([ULTRASOUND_REPORT_SHEET], 'CT')).toThrow(/general/);
  });
});
