import { memo } from 'react';
import { inLanguage } from '../inLanguage';
import { FieldProblem } from './FieldProblem';
import type { PreparationProps } from './preparationProps';
import { PreparationSection } from './PreparationSection';
import { usePreparation } from './usePreparation';

/** The patient's other studies in the PACS, to choose those the resident compares with. */
export const PriorStudies = memo(function PriorStudies({ preparation, language, t }: PreparationProps) {
  const studies = usePreparation(preparation, state => state.studies);
  const chosen = usePreparation(preparation, state => state.form.priorStudyUIDs);
  const toggle = (uid: string, on: boolean) => preparation.edit({ priorStudyUIDs: on ? [...chosen, uid] : chosen.filter(item => item !== uid) });
  // Chosen before and no longer listed by the PACS: still shown, so the tutor can take it away.
  const unlisted = studies.state === 'loaded' ? chosen.filter(uid => !studies.items.some(study => study.studyInstanceUID === uid)) : [];
  return (
    <PreparationSection title={t('casePrep.sectionPriors')} testId="case-priors">
      {studies.state === 'loading' && <div className="ohif-teaching__hint">{t('casePrep.priorsLoading')}</div>}
      {studies.state === 'noPatient' && <div className="ohif-teaching__hint">{t('casePrep.priorsNoPatient')}</div>}
      {studies.state === 'unavailable' && (
        <div className="ohif-teaching__hint" role="alert">
          {t('casePrep.priorsUnavailable', { message: inLanguage(studies.messages, language) })}
        </div>
      )}
      {studies.state === 'loaded' && studies.items.length === 0 && unlisted.length === 0 && <div className="ohif-teaching__hint">{t('casePrep.priorsNone')}</div>}
      {studies.state === 'loaded' &&
        studies.items.map(study => (
          <label key={study.studyInstanceUID} className="ohif-teaching__check">
            <input
              type="checkbox"
              checked={chosen.includes(study.studyInstanceUID)}
              data-testid="case-prior"
              data-study={study.studyInstanceUID}
              onChange={event => toggle(study.studyInstanceUID, event.target.checked)}
            />
            <span className="ohif-teaching__prior-study">
              <span>{study.date ?? t('casePrep.studyUndated')}</span>
              {study.modalities && <span className="ohif-teaching__tag">{study.modalities}</span>}
              {study.description && <span className="ohif-teaching__prior-name">{study.description}</span>}
            </span>
          </label>
        ))}
      {unlisted.map(uid => (
        <label key={uid} className="ohif-teaching__check">
          <input type="checkbox" checked data-testid="case-prior" data-study={uid} onChange={() => toggle(uid, false)} />
          <span className="ohif-teaching__prior-name">{uid}</span>
        </label>
      ))}
      <FieldProblem preparation={preparation} field="priors" language={language} />
    </PreparationSection>
  );
});
