import type { Language, Translate } from '../../../src/core/i18n';
import type { StoredSignComparison } from '../../../src/core/comparison/signComparison';
import { criterionMax } from '../../../src/core/rubric/rubricSchema';
import { criteriaFor } from '../../../src/core/scoring/stageResult';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { currentEvaluation } from '../stages/criteriaEvaluation';
import { useTeaching } from '../useTeaching';
import { acceptSuggestion, givenPoints } from './acceptSuggestion';

interface Props {
  service: TeachingService;
  comparison: StoredSignComparison;
  editable: boolean;
  language: Language;
  t: Translate;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The 4.3 scores the comparison suggests, each with why. "Accept suggestion" puts them into the
 * tutor's own scoring, where they change them as any score; the suggestion stays beside what was
 * given, so both are read later.
 */
export function SuggestedScores({ service, comparison, editable, language, t }: Props) {
  const record = useTeaching(service, state => state.record);
  const pending = useTeaching(service, state => state.evaluations['4.3']);
  if (!record) return null;
  const criteria = criteriaFor(record.session.stageForm, '4.3', record.session.realTime).filter(criterion => comparison.suggestion.scores[criterion.id] !== undefined);
  if (criteria.length === 0) return null;
  const evaluation = currentEvaluation(record, pending, '4.3');
  const accept = () => service.editEvaluation('4.3', acceptSuggestion(criteria, evaluation, comparison.suggestion));
  return (
    <div className="ohif-teaching__field" data-testid="teaching-comparison-suggestion">
      <div className="ohif-teaching__compared-heading">{t('comparison.suggestion')}</div>
      {criteria.map(criterion => {
        const suggested = comparison.suggestion.scores[criterion.id]!;
        const given = givenPoints(criterion, evaluation);
        const reason = comparison.suggestion.reasons[criterion.id];
        return (
          <div key={criterion.id} className="ohif-teaching__compared" data-testid="teaching-comparison-suggested" data-criterion={criterion.id}>
            <div className="ohif-teaching__field-head ohif-teaching__stacked">
              <span>{inLanguage(criterion.label, language)}</span>
              <span className="ohif-teaching__compared-value" data-testid="teaching-comparison-suggested-score">
                {given === undefined
                  ? `${t('comparison.suggested', { suggested: round(suggested) })} / ${criterionMax(criterion)}`
                  : t('comparison.suggestedGiven', { suggested: round(suggested), given: round(given) })}
              </span>
            </div>
            {reason && <div className="ohif-teaching__hint">{inLanguage(reason, language)}</div>}
          </div>
        );
      })}
      {editable && (
        <>
          <div className="ohif-teaching__hint">{t('comparison.acceptHint')}</div>
          <div className="ohif-teaching__actions">
            <button className={HOST.textButton} data-testid="teaching-comparison-accept" onClick={accept}>
              {t('comparison.accept')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
