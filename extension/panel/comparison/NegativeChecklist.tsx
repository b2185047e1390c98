import type { Translate } from '../../../src/core/i18n';
import type { StoredSignComparison } from '../../../src/core/comparison/signComparison';
import type { Finding } from '../../../src/core/session/stageWork';
import type { ComparisonAction, SignComparisonView } from '../../service/signComparisonView';

interface Props {
  view: SignComparisonView;
  comparison: StoredSignComparison;
  residentFindings: readonly Finding[];
  editable: boolean;
  action: ComparisonAction;
  t: Translate;
}

/**
 * The reference's negative signs, which no drawing shows: the tutor ticks each one the resident
 * recorded, reading the resident's own negative signs beside the list. The tick goes to the
 * server, which suggests the scores again.
 */
export function NegativeChecklist({ view, comparison, residentFindings, editable, action, t }: Props) {
  const negatives = comparison.reference.findings.filter(finding => finding.kind === 'negative');
  const recorded = residentFindings.filter(finding => finding.kind === 'negative');
  return (
    <div className="ohif-teaching__field" data-testid="teaching-comparison-negatives">
      <div className="ohif-teaching__compared-heading">{t('comparison.negatives')}</div>
      {negatives.length === 0 ? (
        <div className="ohif-teaching__hint">{t('comparison.noNegatives')}</div>
      ) : (
        <>
          {editable && <div className="ohif-teaching__hint">{t('comparison.negativesHint')}</div>}
          {negatives.map(finding => (
            <label key={finding.id} className="ohif-teaching__check" data-testid="teaching-comparison-negative" data-finding={finding.id}>
              <input
                type="checkbox"
                checked={action.state === 'checking' && action.findingId === finding.id ? action.recorded : (comparison.negativeChecks[finding.id]?.recorded ?? false)}
                disabled={!editable || action.state === 'checking'}
                onChange={event => void view.checkNegative(finding.id, event.target.checked)}
              />
              <span className="ohif-teaching__compared-text">{finding.description}</span>
            </label>
          ))}
        </>
      )}
      <div className="ohif-teaching__compared-beside" data-testid="teaching-comparison-resident-negatives">
        <div className="ohif-teaching__hint">{t('comparison.residentNegatives')}</div>
        {recorded.length === 0 ? (
          <div className="ohif-teaching__hint">{t('comparison.noResidentNegatives')}</div>
        ) : (
          <ul className="ohif-teaching__compared-list">
            {recorded.map(finding => (
              <li key={finding.id}>{finding.description}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
