import type { Language } from '../i18n';
import type { StageId } from '../rubric/rubricSchema';
import type { ExportLabels } from './exportLabels';

/**
 * A session laid out like the paper forms, for a print view or a PDF: display-ready text in one
 * language, numbers as numbers, `null` where the paper would stay blank. Plain data only, so it can be
 * sent as JSON. Times are Beijing time, "YYYY-MM-DD HH:mm".
 *
 * On an amended session every row shows the current value, and `asSigned` holds the values as they
 * were signed wherever an amendment has changed them — the paper habit of striking through a figure
 * and leaving it legible.
 */
export interface PrintableForm {
  language: Language;
  title: string;
  generatedAt: string;
  /** Every fixed heading a print view needs, in the form's language. */
  headings: ExportLabels['print'];
  header: PrintableField[];
  clock: PrintableClock;
  preparation: PrintablePreparation;
  stageForm: { name: string; stages: PrintableStage[] };
  reportSheet: PrintableSheet;
  signOff: PrintableSignOff | null;
  amendments: PrintableAmendment[];
}

export type HeaderKey =
  | 'imageNumber'
  | 'patientName'
  | 'examPart'
  | 'examDate'
  | 'examType'
  | 'examTechnique'
  | 'resident'
  | 'trainingYear'
  | 'tutor'
  | 'caseTitle'
  | 'sessionDate'
  | 'minutes';

/** One line of the form's header; `value` is empty where the paper line would be left blank. */
export interface PrintableField {
  key: HeaderKey;
  label: string;
  value: string;
}

export interface PrintableClock {
  /** Whole minutes; null when the clock never ran. */
  minutes: number | null;
  target: { min: number; max: number };
  standing: 'short' | 'onTarget' | 'long' | null;
}

export interface PrintableCriterionValues {
  /** Points earned; for a criterion scored by levels, the chosen level's points; full marks when not applicable. */
  score: number | null;
  /** Marked as not applying to this case (the form prints `headings.notApplicable` for it). */
  notApplicable: boolean;
  /** The chosen level's label, for criteria scored by levels. */
  level: string | null;
  remark: string;
}

export interface PrintableCriterion extends PrintableCriterionValues {
  id: string;
  label: string;
  max: number;
  asSigned?: Partial<PrintableCriterionValues>;
}

export interface PrintableStageValues {
  /** Where the stage stands, in words: draft, returned, submitted, scoring in progress, scored. */
  status: string;
  /** What the scored criteria add up to; read it with `complete`. */
  score: number | null;
  /** Every criterion is scored or not applicable; a partial score is not the stage's score. */
  complete: boolean;
  remark: string;
  feedback: string;
  guidance: string;
  evaluatedBy: string | null;
  evaluatedAt: string | null;
}

export interface PrintableStage extends PrintableStageValues {
  stage: StageId;
  title: string;
  /** `reportSheet`: the stage is scored on the report quality sheet, and `criteria` is empty. */
  scoredOn: 'criteria' | 'reportSheet';
  criteria: PrintableCriterion[];
  max: number;
  returns: PrintableReturn[];
  questions: PrintableQuestion[];
  asSigned?: Partial<PrintableStageValues>;
}

/** One time the tutor sent the stage back, with the score it had by then (null if not yet scored). */
export interface PrintableReturn {
  at: string;
  by: PrintablePerson;
  reason: string;
  handedInAt: string;
  score: number | null;
  complete: boolean | null;
}

export interface PrintableQuestion {
  question: string;
  askedBy: PrintablePerson;
  askedAt: string;
  answer: string;
  answeredBy: PrintablePerson | null;
  answeredAt: string | null;
}

/** The guide's section 3: the case's year against the resident's, the notices, the resident's checklist. */
export interface PrintablePreparation {
  lines: Array<{ key: 'caseYear' | 'yearCheck' | 'patientInformed' | 'residentNotified'; label: string; value: string }>;
  checklist: Array<{ id: string; label: string; done: boolean }>;
}

export interface PrintableItemValues {
  /** Points the item earned (after the deduction on a `deduct` sheet); full points when not applicable. */
  score: number | null;
  notApplicable: boolean;
  /** Points taken off, on a `deduct` sheet; null on an `award` sheet. */
  deducted: number | null;
  remark: string;
}

export interface PrintableItem extends PrintableItemValues {
  id: string;
  label: string;
  points: number;
  asSigned?: Partial<PrintableItemValues>;
}

export interface PrintableSection {
  id: string;
  title: string;
  points: number;
  items: PrintableItem[];
  subtotal: number | null;
  asSigned?: { subtotal?: number | null };
}

export interface PrintableVeto {
  id: string;
  label: string;
  ticked: boolean;
  asSigned?: { ticked?: boolean };
}

/** One of the overall ratings printed on the sheet, the one the total falls in ticked once the sheet is complete. */
export interface PrintableBand {
  id: string;
  label: string;
  min: number;
  chosen: boolean;
}

export interface PrintableSheetValues {
  itemTotal: number | null;
  vetoed: boolean | null;
  /** 0 when any veto is ticked. */
  total: number | null;
  /** Every item is scored or not applicable (or a veto decides); null while the sheet is untouched. */
  complete: boolean | null;
  /** The label of the band the total falls in; none until the sheet is complete. */
  band: string | null;
  mainProblems: string;
}

export interface PrintableSheet extends PrintableSheetValues {
  name: string;
  scoring: 'award' | 'deduct';
  max: number;
  sections: PrintableSection[];
  vetoes: PrintableVeto[];
  bands: PrintableBand[];
  asSigned?: Partial<PrintableSheetValues>;
}

export interface PrintablePerson {
  id: string;
  name: string;
}

export interface PrintableSignOff {
  by: PrintablePerson;
  at: string;
}

/** One changed value, both sides written out as the form shows them. */
export interface PrintableChange {
  field: string;
  path: string[];
  before: string;
  after: string;
}

export interface PrintableAmendment {
  id: string;
  at: string;
  by: PrintablePerson;
  reason: string;
  changes: PrintableChange[];
}
