import { memo, useState } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import type { StageId } from '../../../src/core/rubric/rubricSchema';
import { isTutorOf } from '../../../src/core/rules/permissions';
import type { CriteriaEvaluationInput } from '../../../src/core/rules/sessionCommand';
import { criteriaFor, criterionPoints } from '../../../src/core/scoring/stageResult';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';
import { currentEvaluation } from './criteriaEvaluation';

/**
 * The tutor's side of a criteria-scored stage (4.1–4.4), beside the resident's work: each criterion
 * of the session's own rubric in points or levels, not applicable where the rubric allows it, a
 * remark per criterion, the stage's remark, feedback and guidance, the running total, and returning
 * the stage for revision with a reason. Every change goes through the local draft like the
 * resident's work.
 */
export const TutorScoring = memo(function TutorScoring({ service, language, t, stage }: { service: TeachingService; language: Language; t: Translate; stage: StageId }) {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const pending = useTeaching(service, state => state.evaluations[stage]);
  const [reason, setReason] = useState('');
  if (!record || !actor || !isTutorOf(actor, record.session) || record.session.signOff) return null;
  const stageRecord = record.session.stages[stage];
  if (stageRecord.status === 'draft') return null;
  const criteria = criteriaFor(record.session.stageForm, stage, record.session.realTime);
  if (criteria.length === 0) return null;
  const evaluation = currentEvaluation(record, pending, stage);
  const step = record.session.stageForm.step;
  const edit = (patch: Partial<CriteriaEvaluationInput>) => service.editEvaluation(stage, { ...evaluation, ...patch });
  const setScore = (id: string, score: number | string | undefined) => {
    const scores = { ...evaluation.scores };
    if (score === undefined) delete scores[id];
    else scores[id] = score;
    edit({ scores });
  };
  const total = criteria.reduce((sum, criterion) => {
    if (evaluation.notApplicable.includes(criterion.id)) return sum + (criterion.kind === 'points' ? criterion.max : Math.max(...criterion.levels.map(level => level.points)));
    return sum + (criterionPoints(criterion, evaluation.scores[criterion.id]) ?? 0);
  }, 0);
  const max = criteria.reduce((sum, criterion) => sum + (criterion.kind === 'points' ? criterion.max : Math.max(...criterion.levels.map(level => level.points))), 0);
  const unscored = criteria.filter(criterion => !evaluation.notApplicable.includes(criterion.id) && evaluation.scores[criterion.id] === undefined).length;

  return (
    <div className="ohif-teaching__stage ohif-teaching__scoring" data-testid={`teaching-scoring-${stage}`}>
      <div className="ohif-teaching__field-head">
        <span className="flex-1">{t('scoring.title')}</span>
        <span className="text-foreground" data-testid="teaching-scoring-total">
          {t('scoring.total', { total: Math.round(total * 100) / 100, max })}
        </span>
      </div>
      {unscored > 0 && <div className="ohif-teaching__hint">{t('scoring.unscored', { count: unscored })}</div>}
      {criteria.map(criterion => {
        const notApplicable = evaluation.notApplicable.includes(criterion.id);
        const score = evaluation.scores[criterion.id];
        return (
          <div key={criterion.id} className="ohif-teaching__field" data-testid="teaching-criterion" data-criterion={criterion.id}>
            <div className="ohif-teaching__field-head">
              <label className="flex-1" htmlFor={`teaching-score-${stage}-${criterion.id}`}>
                {inLanguage(criterion.label, language)}
              </label>
              {criterion.kind === 'points' ? (
                <input
                  id={`teaching-score-${stage}-${criterion.id}`}
                  className="ohif-teaching__input ohif-teaching__score"
                  type="number"
                  min={0}
                  max={criterion.max}
                  step={step}
                  disabled={notApplicable}
                  value={typeof score === 'number' ? score : ''}
                  data-testid="teaching-criterion-score"
                  onChange={event => setScore(criterion.id, event.target.value === '' ? undefined : Number(event.target.value))}
                />
              ) : (
                <select
                  id={`teaching-score-${stage}-${criterion.id}`}
                  className="ohif-teaching__select"
                  disabled={notApplicable}
                  value={typeof score === 'string' ? score : ''}
                  data-testid="teaching-criterion-score"
                  onChange={event => setScore(criterion.id, event.target.value || undefined)}
                >
                  <option value="">{t('scoring.choose')}</option>
                  {criterion.levels.map(level => (
                    <option key={level.id} value={level.id}>
                      {inLanguage(level.label, language)} ({level.points})
                    </option>
                  ))}
                </select>
              )}
              {criterion.kind === 'points' && <span className="ohif-teaching__hint">/ {criterion.max}</span>}
            </div>
            {criterion.mayNotApply && (
              <label className="ohif-teaching__hint">
                <input
                  type="checkbox"
                  checked={notApplicable}
                  data-testid="teaching-criterion-na"
                  onChange={event => {
                    const rest = evaluation.notApplicable.filter(id => id !== criterion.id);
                    const scores = { ...evaluation.scores };
                    delete scores[criterion.id];
                    edit({ notApplicable: event.target.checked ? [...rest, criterion.id] : rest, scores });
                  }}
                />{' '}
                {t('scoring.notApplicable')}
              </label>
            )}
            <input
              className="ohif-teaching__input"
              placeholder={t('scoring.criterionRemark')}
              aria-label={t('scoring.criterionRemark')}
              value={evaluation.criterionRemarks[criterion.id] ?? ''}
              data-testid="teaching-criterion-remark"
              onChange={event => edit({ criterionRemarks: { ...evaluation.criterionRemarks, [criterion.id]: event.target.value } })}
            />
          </div>
        );
      })}
      {(['remark', 'feedback', 'guidance'] as const).map(field => (
        <div key={field} className="ohif-teaching__field">
          <div className="ohif-teaching__field-head">
            <label htmlFor={`teaching-${field}-${stage}`}>{t(`scoring.${field}`)}</label>
          </div>
          <textarea
            id={`teaching-${field}-${stage}`}
            className="ohif-teaching__textarea"
            rows={2}
            value={evaluation[field]}
            data-testid={`teaching-scoring-${field}`}
            onChange={event => edit({ [field]: event.target.value })}
          />
        </div>
      ))}
      <div className="ohif-teaching__field">
        <div className="ohif-teaching__field-head">
          <label htmlFor={`teaching-return-${stage}`}>{t('scoring.returnReason')}</label>
        </div>
        <input id={`teaching-return-${stage}`} className="ohif-teaching__input" value={reason} data-testid="teaching-return-reason" onChange={event => setReason(event.target.value)} />
        <div className="ohif-teaching__actions">
          <button
            className={HOST.textButton}
            disabled={reason.trim() === ''}
            data-testid="teaching-return-stage"
            onClick={() => {
              service.returnStage(stage, reason.trim());
              setReason('');
            }}
          >
            {t('scoring.return')}
          </button>
        </div>
      </div>
    </div>
  );
});
