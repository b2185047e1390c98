import type { Language } from '../i18n';
import { evaluatedStageResult, stageMax } from '../progress/stageScores';
import { chinaDateTime } from '../progress/chinaCalendar';
import { criterionMax, STAGES, type Criterion } from '../rubric/rubricSchema';
import { criteriaFor, criterionPoints } from '../scoring/stageResult';
import type { CriteriaEvaluation } from '../session/evaluation';
import type { StageRecord, StageRecords, TeachingSession } from '../session/session';
import { asSigned } from './asSigned';
import { EXPORT_LABELS } from './exportLabels';
import { inLanguage } from './localized';
import type { PrintableCriterion, PrintableCriterionValues, PrintablePerson, PrintableStage, PrintableStageValues } from './printableForm';

function criterionValues(criterion: Criterion, evaluation: CriteriaEvaluation | undefined, language: Language): PrintableCriterionValues {
  const entered = evaluation?.scores[criterion.id];
  const level = criterion.kind === 'levels' ? criterion.levels.find(entry => entry.id === entered) : undefined;
  return {
    score: criterionPoints(criterion, entered) ?? null,
    level: level ? inLanguage(level.label, language) : null,
    remark: evaluation?.criterionRemarks[criterion.id] ?? '',
  };
}

function criteriaEvaluationOf(record: StageRecord | undefined): CriteriaEvaluation | undefined {
  return record?.evaluation?.kind === 'criteria' ? record.evaluation : undefined;
}

function stageValues(
  record: StageRecord,
  score: number | null,
  nameOf: (id: string) => PrintablePerson,
  language: Language,
): PrintableStageValues {
  const evaluation = record.evaluation;
  return {
    status: EXPORT_LABELS[language].value[record.status],
    score,
    remark: evaluation?.remark ?? '',
    feedback: evaluation?.feedback ?? '',
    guidance: evaluation?.guidance ?? '',
    evaluatedBy: evaluation ? nameOf(evaluation.evaluatorId).name : null,
    evaluatedAt: evaluation ? chinaDateTime(evaluation.evaluatedAt) : null,
  };
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
    const scoreOf = (stages: StageRecords) => evaluatedStageResult({ ...session, stages }, stage)?.score ?? null;
    const current = stageValues(record, scoreOf(session.stages), nameOf, language);
    const signed = signedStages && stageValues(signedStages[stage], scoreOf(signedStages), nameOf, language);
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
        ...current,
        ...asSigned(current, signed),
      },
    ];
  });
}
