import type { Problem } from '../schema/problem';
import { reportSheetFlaws } from './reportSheetFlaws';
import { reportSheetListFlaws } from './reportSheetListFlaws';
import { within, type RubricFlaw, type RubricPath } from './rubricFlaw';
import { placeOf, valueAt, type RubricRoot } from './rubricPlaces';
import { reportSheet, rubricSet, stageForm, type ReportSheet, type RubricSet, type StageForm } from './rubricSchema';
import { schemaFlaws } from './schemaFlaws';
import { stageFormFlaws } from './stageFormFlaws';

/** A problem with a rubric definition, and where it is, for a form to point at. */
export interface RubricProblem extends Problem {
  path: RubricPath;
}

export type RubricSetValidation = { ok: true; rubrics: RubricSet } | { ok: false; problems: RubricProblem[] };
export type ReportSheetValidation = { ok: true; sheet: ReportSheet } | { ok: false; problems: RubricProblem[] };
export type StageFormValidation = { ok: true; form: StageForm } | { ok: false; problems: RubricProblem[] };

function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function problemsOf(flaws: RubricFlaw[], root: unknown, rootKind: RubricRoot): RubricProblem[] {
  return flaws.map(flaw => {
    const names = placeOf(root, rootKind, flaw.path);
    const other = flaw.otherPath ? placeOf(root, rootKind, flaw.otherPath).place : undefined;
    const message = flaw.message(other ? { ...names, other } : names);
    return { code: flaw.code, message: { zh: message.zh, en: capitalised(message.en) }, path: flaw.path };
  });
}

/**
 * A department's report sheet, checked whole: every problem the schema finds or, once its structure
 * is sound, every sum, id, step and band that is wrong. Sums over a malformed sheet would only
 * repeat its structural problems in other words.
 */
export function validateReportSheet(input: unknown): ReportSheetValidation {
  const parsed = reportSheet.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsOf(schemaFlaws(parsed.error.issues, input), input, 'reportSheet') };
  const flaws = reportSheetFlaws(parsed.data);
  return flaws.length === 0 ? { ok: true, sheet: parsed.data } : { ok: false, problems: problemsOf(flaws, parsed.data, 'reportSheet') };
}

/** A department's stage form, checked whole like a report sheet. */
export function validateStageForm(input: unknown): StageFormValidation {
  const parsed = stageForm.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsOf(schemaFlaws(parsed.error.issues, input), input, 'stageForm') };
  const flaws = stageFormFlaws(parsed.data);
  return flaws.length === 0 ? { ok: true, form: parsed.data } : { ok: false, problems: problemsOf(flaws, parsed.data, 'stageForm') };
}

/**
 * A department's rubrics, with every problem at once: structural ones anywhere, and the sums, ids,
 * steps and bands of each part (the stage form, each report sheet) whose own structure is sound.
 */
export function validateRubricSet(input: unknown): RubricSetValidation {
  const parsed = rubricSet.safeParse(input);
  const flaws = parsed.success ? [] : schemaFlaws(parsed.error.issues, input);

  const form = stageForm.safeParse(valueAt(input, ['stageForm']));
  if (form.success) flaws.push(...within(['stageForm'], stageFormFlaws(form.data)));

  const listed = valueAt(input, ['reportSheets']);
  const sheets = (Array.isArray(listed) ? listed : []).map(entry => reportSheet.safeParse(entry));
  const sound = sheets.flatMap(sheet => (sheet.success ? [sheet.data] : []));
  sheets.forEach((sheet, s) => {
    if (sheet.success) flaws.push(...within(['reportSheets', s], reportSheetFlaws(sheet.data)));
  });
  if (sound.length > 0 && sound.length === sheets.length) flaws.push(...reportSheetListFlaws(sound));

  if (parsed.success && flaws.length === 0) return { ok: true, rubrics: parsed.data };
  return { ok: false, problems: problemsOf(flaws, input, 'rubricSet') };
}
