import type { MessageKey } from '../../src/core/i18n';
import type { TrainingYear } from '../../src/core/schema/common';
import type { Finding, ReportWork } from '../../src/core/session/stageWork';
import type { TeachingCase } from '../../src/core/session/teachingCase';
import type { CaseInput } from '../../src/records/api/cases';
import type { StudyHeaders } from '../host/studyHeaders';

// Types only from the core's schemas: this module is part of the viewer's start-up code, which
// carries no zod (the server checks every case against the schemas themselves).

/** The case as the tutor fills it in, before it is a case: every field editable, nothing yet checked. */
export interface CaseForm {
  title: string;
  modality: string;
  bodyPart: string;
  /** The id of an entry of the department's category list; '' until one is chosen. */
  category: string;
  trainingYear: TrainingYear | undefined;
  realTime: boolean;
  /** One line each, in order; blank lines are dropped when the case is saved. */
  objectives: string[];
  /** The patient's earlier studies to compare with, after the study the case is read on. */
  priorStudyUIDs: string[];
  findings: Finding[];
  diagnosis: string;
  report: ReportWork;
}

/** The parts of the form a problem can be shown beside; `form` for one that names no field. */
export const CASE_FIELDS = ['title', 'modality', 'bodyPart', 'category', 'trainingYear', 'realTime', 'objectives', 'priors', 'findings', 'diagnosis', 'report', 'form'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

// Typed against ReportWork, so a section added to the report is a type error here until it is added.
const EMPTY_REPORT: ReportWork = { examination: '', clinicalInformation: '', technique: '', findings: '', impression: '', recommendations: '' };

const headerText = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Ultrasound is performed by the resident in real time under guidance (guide 4.2). */
const REAL_TIME_MODALITIES = new Set(['US']);

/**
 * A new case's form for the study open in the viewer: modality and body part from its headers,
 * the real-time flag preset for ultrasound, the study's description as a first title.
 */
export function newCaseForm(headers: StudyHeaders | undefined): CaseForm {
  const study = headers?.study;
  const modality = headerText(study?.Modality).toUpperCase();
  return {
    title: headerText(study?.StudyDescription),
    modality,
    bodyPart: headerText(study?.BodyPartExamined),
    category: '',
    trainingYear: undefined,
    realTime: REAL_TIME_MODALITIES.has(modality),
    objectives: [''],
    priorStudyUIDs: [],
    findings: [],
    diagnosis: '',
    report: { ...EMPTY_REPORT },
  };
}

/** A saved case's form, to edit it. */
export function caseFormOf(teachingCase: TeachingCase): CaseForm {
  const answer = teachingCase.referenceAnswer;
  return {
    title: teachingCase.title,
    modality: teachingCase.modality,
    bodyPart: teachingCase.bodyPart,
    category: teachingCase.category,
    trainingYear: teachingCase.trainingYear,
    realTime: teachingCase.realTime,
    objectives: teachingCase.objectives.length > 0 ? [...teachingCase.objectives] : [''],
    priorStudyUIDs: teachingCase.studyInstanceUIDs.slice(1),
    findings: answer?.findings ?? [],
    diagnosis: answer?.diagnosis ?? '',
    report: { ...EMPTY_REPORT, ...answer?.report },
  };
}

/** What is sent to save the form; the server keeps what the form does not edit (retirement, where it was copied from). */
export function caseInputOf(form: CaseForm, studyInstanceUID: string): CaseInput {
  return {
    title: form.title.trim(),
    studyInstanceUIDs: [studyInstanceUID, ...form.priorStudyUIDs.filter(uid => uid !== studyInstanceUID)],
    modality: form.modality.trim().toUpperCase(),
    bodyPart: form.bodyPart.trim(),
    category: form.category,
    // Checked before sending: a form without a year is never sent.
    trainingYear: form.trainingYear as TrainingYear,
    realTime: form.realTime,
    objectives: form.objectives.map(objective => objective.trim()).filter(Boolean),
    referenceAnswer: {
      findings: form.findings.map(finding => ({ ...finding, description: finding.description.trim() })),
      diagnosis: form.diagnosis,
      report: form.report,
    },
  };
}

/**
 * What the form still lacks for the server to take it, by field, each as a message of the
 * preparation's strings. The server checks again (and more: the category list, the PACS); its
 * answers are shown beside the same fields.
 */
export function caseFormProblems(form: CaseForm): Partial<Record<CaseField, MessageKey>> {
  const problems: Partial<Record<CaseField, MessageKey>> = {};
  if (!form.title.trim()) problems.title = 'casePrep.problem.title';
  if (!/^[A-Z]{2}$/.test(form.modality.trim().toUpperCase())) problems.modality = 'casePrep.problem.modality';
  if (!form.bodyPart.trim()) problems.bodyPart = 'casePrep.problem.bodyPart';
  if (!form.category) problems.category = 'casePrep.problem.category';
  if (form.trainingYear === undefined) problems.trainingYear = 'casePrep.problem.trainingYear';
  if (!form.objectives.some(objective => objective.trim())) problems.objectives = 'casePrep.problem.objectives';
  if (form.findings.some(finding => !finding.description.trim())) problems.findings = 'casePrep.problem.findingDescription';
  return problems;
}

/**
 * The form field a server refusal names, from the path of the request body it gives
 * (`case.objectives`, `studyInstanceUIDs.1`, `referenceAnswer.findings.0.description`).
 */
export function caseFieldOf(path: string | undefined): CaseField {
  const segments = (path ?? '').split('.').filter(Boolean);
  if (segments[0] === 'case') segments.shift();
  const [first, second] = segments;
  // The first is the study the case is read on, which the form does not choose.
  if (first === 'studyInstanceUIDs') return second === '0' ? 'form' : 'priors';
  if (first === 'referenceAnswer') return second === 'diagnosis' ? 'diagnosis' : second === 'report' ? 'report' : 'findings';
  return (CASE_FIELDS as readonly string[]).includes(first ?? '') ? (first as CaseField) : 'form';
}
