import type { Language } from '../i18n';
import { STAGE_PROGRESS_LABELS } from '../labels/stageLabels';
import { evaluatedStageResult, stageMax } from '../progress/stageScores';
import { chinaDateTime } from '../progress/chinaCalendar';
import { criterionMax, STAGES, type Criterion, type StageId } from '../rubric/rubricSchema';
import { sheetResult } from '../scoring/sheetResult';
import { criteriaFor, criterionEarned, criteriaResult } from '../scoring/stageResult';
import type { CriteriaEvaluation, StageEvaluation } from '../session/evaluation';
import type { StageRecord, StageRecords, TeachingSession } from '../session/session';
import { stageProgress } from '../session/stageProgress';
import { asSigned } from './asSigned';
import { inLanguage } from './localized';
import type {
  PrintableCriterion,
  PrintableCriterionValues,
  PrintablePerson,
  PrintableQuestion,
  PrintableReturn,
  PrintableStage,
  PrintableStageValues,
} from './printableForm';

function criterionValues(criterion: Criterion, evaluation: CriteriaEvaluation | undefined, language: Language): PrintableCriterionValues {
  const entered = evaluation?.scores[criterion.id];
  const level = criterion.kind === 'levels' ? criterion.levels.find(entry => entry.id === entered) : undefined;
  return {
    score: criterionEarned(criterion, evaluation) ?? null,
    notApplicable: evaluation?.notApplicable.includes(criterion.id) ?? false,
    level: level ? inLanguage(level.label, language) : null,
    remark: evaluation?.criterionRemarks[criterion.id] ?? '',
  };
}

function criteriaEvaluationOf(record: StageRecord | undefined): CriteriaEvaluation | undefined {
  return record?.evaluation?.kind === 'criteria' ? record.evaluation : undefined;
}

function stageValues(session: TeachingSession, stage: StageId, stages: StageRecords, nameOf: (id: string) => PrintablePerson, language: Language): PrintableStageValues {
  const evaluation = stages[stage].evaluation;
  const result = evaluatedStageResult({ ...session, stages }, stage);
  return {
    status: inLanguage(STAGE_PROGRESS_LABELS[stageProgress(session, stage, stages)], language),
    score: result?.score ?? null,
    complete: result?.complete ?? false,
    remark: evaluation?.remark ?? '',
    feedback: evaluation?.feedback ?? '',
    guidance: evaluation?.guidance ?? '',
    evaluatedBy: evaluation ? nameOf(evaluation.evaluatorId).name : null,
    evaluatedAt: evaluation ? chinaDateTime(evaluation.evaluatedAt) : null,
  };
}

/** What an evaluation kept with a return scored: on the criteria it was given, or on the sheet. */
function earlierResult(session: TeachingSession, stage: StageId, evaluation: StageEvaluation | undefined): { score: number | null; complete: boolean | null } {
  if (!evaluation) return { score: null, complete: null };
  if (evaluation.kind === 'criteria') {
    const result = criteriaResult(criteriaFor(session.stageForm, stage, session.realTime), evaluation);
    return { score: result.score, complete: result.complete };
  }
  const result = sheetResult(session.reportSheet, evaluation.sheet);
  return { score: result.total, complete: result.complete };
}

function printableReturns(session: TeachingSession, stage: StageId, nameOf: (id: string) => PrintablePerson): PrintableReturn[] {
  return session.stages[stage].returns.map(entry => ({
    at: chinaDateTime(entry.at),
    by: nameOf(entry.by),
    reason: entry.reason,
    handedInAt: chinaDateTime(entry.submittedAt),
    ...earlierResult(session, stage, entry.evaluation),
  }));
}

function printableQuestions(session: TeachingSession, stage: StageId, nameOf: (id: string) => PrintablePerson): PrintableQuestion[] {
  return session.stages[stage].questions.map(question => ({
    question: question.question,
    askedBy: nameOf(question.askedBy),
    askedAt: chinaDateTime(question.askedAt),
    answer: question.answer,
    answeredBy: question.answeredBy ? nameOf(question.answeredBy) : null,
    answeredAt: question.answeredAt ? chinaDateTime(question.answeredAt) : null,
  }));
}

/**
 * The stage evaluation form, stage by stage, on the session's own stage form. `signedStages` are the
 * records as signed, given only when the session has been amended since.
 */
export function printableStages(
  session: TeachingSession,
  nameOf: (id: string) => PrintablePerson,
  language: Language,
  signedStages: StageRecords | undefined,
): PrintableStage[] {
  return STAGES.flatMap(stage => {
    const rubric = session.stageForm.stages.find(entry => entry.stage === stage);
    if (!rubric) return [];
    const record = session.stages[stage];
    const signedRecord = signedStages?.[stage];
    const current = stageValues(session, stage, session.stages, nameOf, language);
    const signed = signedStages && stageValues(session, stage, signedStages, nameOf, language);
    const criteria = criteriaFor(session.stageForm, stage, session.realTime);
    return [
      {
        stage,
        title: inLanguage(rubric.title, language),
        scoredOn: rubric.scoring,
        criteria: criteria.map((criterion): PrintableCriterion => {
          const values = criterionValues(criterion, criteriaEvaluationOf(record), language);
          const signedValues = signedRecord && criterionValues(criterion, criteriaEvaluationOf(signedRecord), language);
          return { id: criterion.id, label: inLanguage(criterion.label, language), max: criterionMax(criterion), ...values, ...asSigned(values, signedValues) };
        }),
        max: stageMax(session, stage) ?? 0,
        returns: printableReturns(session, stage, nameOf),
        questions: printableQuestions(session, stage, nameOf),
        ...current,
        ...asSigned(current, signed),
      },
    ];
  });
}
