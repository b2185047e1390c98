import { z } from 'zod';
import { identifier, localizedText, points } from '../schema/common';

/** The five stages of the guide's section 4, in the order a session goes through them. */
export const STAGES = ['4.1', '4.2', '4.3', '4.4', '4.5'] as const;
export const stageId = z.enum(STAGES, { error: 'stage must be one of 4.1, 4.2, 4.3, 4.4, 4.5' });
export type StageId = z.infer<typeof stageId>;

export const level = z.object({ id: identifier, label: localizedText, points });
export type Level = z.infer<typeof level>;

/**
 * Set on what some cases give nothing to judge (tumour staging without a tumour, comparison without
 * a prior): the tutor may mark it not applicable, and it then earns full marks.
 */
const mayNotApply = z.boolean().optional();

/** A criterion scored in points (0…max in steps) or by choosing one of its levels. */
export const criterion = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('points'),
    id: identifier,
    label: localizedText,
    description: localizedText.optional(),
    max: points,
    mayNotApply,
  }),
  z.object({
    kind: z.literal('levels'),
    id: identifier,
    label: localizedText,
    description: localizedText.optional(),
    levels: z.array(level).min(2, 'a criterion scored by levels needs at least two levels'),
    mayNotApply,
  }),
]);
export type Criterion = z.infer<typeof criterion>;

/** How one stage is scored on the stage evaluation form. */
export const stageRubric = z.discriminatedUnion('scoring', [
  z.object({
    scoring: z.literal('criteria'),
    stage: stageId,
    title: localizedText,
    /** The name where the title does not fit (a stepper, a column heading). */
    shortTitle: localizedText,
    /** The stated total the criteria must add up to. */
    total: points,
    criteria: z.array(criterion).min(1, 'a stage needs at least one criterion'),
    /** For real-time exams (ultrasound, guided intervention), scored instead of `criteria`. */
    realTimeCriteria: z.array(criterion).min(1).optional(),
  }),
  z.object({
    /** Stage 4.5 is scored on the report quality sheet. */
    scoring: z.literal('reportSheet'),
    stage: stageId,
    title: localizedText,
    shortTitle: localizedText,
  }),
]);
export type StageRubric = z.infer<typeof stageRubric>;

export const stageForm = z.object({
  id: identifier,
  version: z.number().int().positive(),
  name: localizedText,
  /** Scores are entered in multiples of this (e.g. 0.5). */
  step: z.number().positive('step must be greater than 0'),
  stages: z.array(stageRubric),
});
export type StageForm = z.infer<typeof stageForm>;

export const sheetItem = z.object({ id: identifier, label: localizedText, points, mayNotApply });
export type SheetItem = z.infer<typeof sheetItem>;

export const sheetSection = z.object({
  id: identifier,
  title: localizedText,
  /** The stated section total its items must add up to. */
  points,
  items: z.array(sheetItem).min(1, 'a section needs at least one item'),
});
export type SheetSection = z.infer<typeof sheetSection>;

/** A 一票否决 item: ticking any one makes the sheet total 0. */
export const vetoItem = z.object({ id: identifier, label: localizedText });
export type VetoItem = z.infer<typeof vetoItem>;

/** An overall rating band: totals at or above `min` (and below the next band up) get this label. */
export const ratingBand = z.object({ id: identifier, label: localizedText, min: points });
export type RatingBand = z.infer<typeof ratingBand>;

export const reportSheet = z.object({
  id: identifier,
  version: z.number().int().positive(),
  name: localizedText,
  /** Modalities this sheet is chosen for by default (DICOM Modality values). */
  modalities: z.array(z.string().regex(/^[A-Z]{2}$/, 'modality must be a two-letter DICOM code')),
  /**
   * `award`: the tutor gives points per item. `deduct`: the tutor takes points off per item, from full
   * marks (the nuclear-medicine sheet is used that way).
   */
  scoring: z.enum(['award', 'deduct']),
  step: z.number().positive('step must be greater than 0'),
  total: points,
  sections: z.array(sheetSection).min(1, 'a sheet needs at least one section'),
  vetoes: z.array(vetoItem),
  bands: z.array(ratingBand).min(1, 'a sheet needs at least one rating band'),
  /** Where the items come from, shown to the tutor: the published sheet or the department's own. */
  source: localizedText.optional(),
});
export type ReportSheet = z.infer<typeof reportSheet>;

export const RUBRIC_SET_SCHEMA_VERSION = 2;

/** What a department teaches with: one stage form and its report sheets. */
export const rubricSet = z.object({
  schemaVersion: z.literal(RUBRIC_SET_SCHEMA_VERSION),
  stageForm,
  reportSheets: z.array(reportSheet).min(1, 'a rubric set needs at least one report sheet'),
});
export type RubricSet = z.infer<typeof rubricSet>;

export function criterionMax(item: Criterion): number {
  return item.kind === 'points' ? item.max : Math.max(...item.levels.map(entry => entry.points));
}
