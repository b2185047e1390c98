import type { Language } from '../i18n';
import type { ReportSheet } from '../rubric/rubricSchema';
import { sheetResult, type SheetResult } from '../scoring/sheetResult';
import type { ReportEvaluation } from '../session/evaluation';
import type { StageRecord } from '../session/session';
import { asSigned } from './asSigned';
import { inLanguage } from './localized';
import type { PrintableItemValues, PrintableSheet, PrintableSheetValues } from './printableForm';

function reportEvaluationOf(record: StageRecord<'4.5'> | undefined): ReportEvaluation | undefined {
  return record?.evaluation?.kind === 'reportSheet' ? record.evaluation : undefined;
}

interface FilledSheet {
  evaluation: ReportEvaluation;
  result: SheetResult;
}

function filled(sheet: ReportSheet, record: StageRecord<'4.5'> | undefined): FilledSheet | undefined {
  const evaluation = reportEvaluationOf(record);
  return evaluation && { evaluation, result: sheetResult(sheet, evaluation.sheet) };
}

function itemValues(sheet: ReportSheet, itemId: string, filledSheet: FilledSheet | undefined): PrintableItemValues {
  const entered = filledSheet?.evaluation.sheet.items[itemId];
  const notApplicable = filledSheet?.evaluation.sheet.notApplicable.includes(itemId) ?? false;
  return {
    score: filledSheet?.result.itemScores[itemId] ?? null,
    notApplicable,
    deducted: sheet.scoring === 'deduct' ? (notApplicable ? 0 : (entered ?? null)) : null,
    remark: filledSheet?.evaluation.sheet.itemRemarks[itemId] ?? '',
  };
}

function sheetValues(filledSheet: FilledSheet | undefined, language: Language): PrintableSheetValues {
  if (!filledSheet) return { itemTotal: null, vetoed: null, total: null, complete: null, band: null, mainProblems: '' };
  const { result, evaluation } = filledSheet;
  return {
    itemTotal: result.itemTotal,
    vetoed: result.vetoed,
    total: result.total,
    complete: result.complete,
    band: result.band ? inLanguage(result.band.label, language) : null,
    mainProblems: evaluation.sheet.mainProblems,
  };
}

/**
 * The report quality sheet as on paper, filled in from stage 4.5. `signedRecord` is stage 4.5 as
 * signed, given only when the session has been amended since.
 */
export function printableSheet(
  sheet: ReportSheet,
  record: StageRecord<'4.5'>,
  language: Language,
  signedRecord: StageRecord<'4.5'> | undefined,
): PrintableSheet {
  const current = filled(sheet, record);
  const signed = signedRecord && filled(sheet, signedRecord);
  const subtotal = (sheetFilled: FilledSheet | undefined, sectionId: string) =>
    sheetFilled?.result.sections.find(section => section.sectionId === sectionId)?.score ?? null;
  const ticked = (sheetFilled: FilledSheet | undefined, vetoId: string) => sheetFilled?.evaluation.sheet.vetoes.includes(vetoId) ?? false;
  const values = sheetValues(current, language);
  return {
    name: inLanguage(sheet.name, language),
    scoring: sheet.scoring,
    max: sheet.total,
    sections: sheet.sections.map(section => {
      const sectionValues = { subtotal: subtotal(current, section.id) };
      return {
        id: section.id,
        title: inLanguage(section.title, language),
        points: section.points,
        items: section.items.map(item => {
          const itemNow = itemValues(sheet, item.id, current);
          const itemThen = signed && itemValues(sheet, item.id, signed);
          return { id: item.id, label: inLanguage(item.label, language), points: item.points, ...itemNow, ...asSigned(itemNow, itemThen) };
        }),
        ...sectionValues,
        ...asSigned(sectionValues, signed && { subtotal: subtotal(signed, section.id) }),
      };
    }),
    vetoes: sheet.vetoes.map(veto => {
      const vetoValues = { ticked: ticked(current, veto.id) };
      return { id: veto.id, label: inLanguage(veto.label, language), ...vetoValues, ...asSigned(vetoValues, signed && { ticked: ticked(signed, veto.id) }) };
    }),
    bands: [...sheet.bands]
      .sort((a, b) => b.min - a.min)
      .map(band => ({ id: band.id, label: inLanguage(band.label, language), min: band.min, chosen: current?.result.band?.id === band.id })),
    ...values,
    ...asSigned(values, signed && sheetValues(signed, language)),
  };
}
