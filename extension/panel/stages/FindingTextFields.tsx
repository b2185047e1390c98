import type { Translate } from '../../../src/core/i18n';
import type { Finding } from '../../../src/core/session/stageWork';

type FindingText = Pick<Finding, 'description' | 'location' | 'pathology'>;

/**
 * What a sign says in words: its description, where it is, and the pathology it points to. The
 * resident's 4.3 and the tutor's reference findings write the same three; `testIdPrefix` keeps the
 * two apart (`teaching-finding`, `case-finding`).
 */
export function FindingTextFields({ finding, editable, testIdPrefix, onChange, t }: { finding: FindingText; editable: boolean; testIdPrefix: string; onChange: (change: Partial<FindingText>) => void; t: Translate }) {
  return (
    <>
      <input
        className="ohif-teaching__input"
        aria-label={t('findings.description')}
        placeholder={t('findings.description')}
        value={finding.description}
        readOnly={!editable}
        data-testid={`${testIdPrefix}-description`}
        onChange={event => onChange({ description: event.target.value })}
      />
      <input
        className="ohif-teaching__input"
        aria-label={t('findings.location')}
        placeholder={t('findings.location')}
        value={finding.location}
        readOnly={!editable}
        data-testid={`${testIdPrefix}-location`}
        onChange={event => onChange({ location: event.target.value })}
      />
      <textarea
        className="ohif-teaching__textarea"
        rows={2}
        aria-label={t('findings.pathology')}
        placeholder={t('findings.pathology')}
        value={finding.pathology}
        readOnly={!editable}
        data-testid={`${testIdPrefix}-pathology`}
        onChange={event => onChange({ pathology: event.target.value })}
      />
    </>
  );
}
