import { isTutorOf } from '../../../src/core/rules/permissions';
import type { ReportEvaluationInput } from '../../../src/core/rules/sessionCommand';
import type { StageEvaluation } from '../../../src/core/session/evaluation';
import type { Actor } from '../../../src/core/session/people';
import type { TeachingSession } from '../../../src/core/session/session';

/** The sheet before the tutor has entered anything. */
export const UNSCORED_REPORT: ReportEvaluationInput = {
  sheet: { items: {}, notApplicable: [], itemRemarks: {}, vetoes: [], mainProblems: '' },
  remark: '',
  feedback: '',
  guidance: '',
};

/** What the tutor has entered on the sheet so far, as the `evaluateReport` command carries it. */
export function reportInputOf(evaluation: StageEvaluation | undefined): ReportEvaluationInput {
  if (evaluation?.kind !== 'reportSheet') return UNSCORED_REPORT;
  const { sheet, remark, feedback, guidance } = evaluation;
  return { sheet, remark, feedback, guidance };
}

type Sheet = ReportEvaluationInput['sheet'];

const withSheet = (input: ReportEvaluationInput, patch: Partial<Sheet>): ReportEvaluationInput => ({ ...input, sheet: { ...input.sheet, ...patch } });

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  const { [id]: _gone, ...rest } = record;
  return rest;
}

/** An item's points (given or taken off, as the sheet scores); `undefined` leaves it unscored. */
export function withItemScore(input: ReportEvaluationInput, itemId: string, value: number | undefined): ReportEvaluationInput {
  return withSheet(input, { items: value === undefined ? without(input.sheet.items, itemId) : { ...input.sheet.items, [itemId]: value } });
}

/** Not applicable earns the item its points, so a score entered before is dropped rather than kept beside it. */
export function withNotApplicable(input: ReportEvaluationInput, itemId: string, notApplicable: boolean): ReportEvaluationInput {
  const rest = input.sheet.notApplicable.filter(id => id !== itemId);
  return withSheet(input, { notApplicable: notApplicable ? [...rest, itemId] : rest, items: without(input.sheet.items, itemId) });
}

export function withVeto(input: ReportEvaluationInput, vetoId: string, ticked: boolean): ReportEvaluationInput {
  const rest = input.sheet.vetoes.filter(id => id !== vetoId);
  return withSheet(input, { vetoes: ticked ? [...rest, vetoId] : rest });
}

/** An emptied remark leaves no entry behind. */
export function withItemRemark(input: ReportEvaluationInput, itemId: string, remark: string): ReportEvaluationInput {
  return withSheet(input, { itemRemarks: remark === '' ? without(input.sheet.itemRemarks, itemId) : { ...input.sheet.itemRemarks, [itemId]: remark } });
}

export function withMainProblems(input: ReportEvaluationInput, mainProblems: string): ReportEvaluationInput {
  return withSheet(input, { mainProblems });
}

export type ReportNote = 'remark' | 'feedback' | 'guidance';

export function withNote(input: ReportEvaluationInput, note: ReportNote, text: string): ReportEvaluationInput {
  return { ...input, [note]: text };
}

/** A score box's text as a value: empty is unscored; text that is no number is kept as NaN for the rules to name. */
export function enteredPoints(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/**
 * Who sees the sheet, and who may change it: the session's tutor once the report is handed in,
 * until sign-off; after sign-off the scored sheet is there to read, for the resident too.
 */
export function sheetAccess(actor: Actor, session: TeachingSession): { visible: boolean; readOnly: boolean } {
  const tutor = isTutorOf(actor, session);
  const signed = !!session.signOff;
  const report = session.stages['4.5'];
  return { visible: (tutor && report.status !== 'draft') || (signed && !!report.evaluation), readOnly: !tutor || signed };
}
