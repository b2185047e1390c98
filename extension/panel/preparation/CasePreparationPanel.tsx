import { memo } from 'react';
import { inLanguage } from '../inLanguage';
import { CaseDetails } from './CaseDetails';
import { CaseObjectives } from './CaseObjectives';
import { ModelReport } from './ModelReport';
import type { PreparationProps } from './preparationProps';
import { PreparationSave } from './PreparationSave';
import { PriorStudies } from './PriorStudies';
import { ReferenceDiagnosis } from './ReferenceDiagnosis';
import { ReferenceDrawings } from './ReferenceDrawings';
import { ReferenceFindings } from './ReferenceFindings';
import { usePreparation } from './usePreparation';

/**
 * The panel while a case is prepared: the case's form, part by part, above the reference drawings.
 * Only the shell: each part reads the preparation's state it shows.
 */
export const CasePreparationPanel = memo(function CasePreparationPanel(props: PreparationProps) {
  const { preparation, language, t } = props;
  const status = usePreparation(preparation, state => state.status);
  const messages = usePreparation(preparation, state => state.messages);
  if (status === 'loading') return <div className="ohif-teaching__notice" data-testid="case-prep-loading">{t('casePrep.loading')}</div>;
  if (status === 'unavailable') {
    return (
      <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="case-prep-unavailable">
        {t('casePrep.unavailable', { message: messages ? inLanguage(messages, language) : '' })}
      </div>
    );
  }
  return (
    <>
      <PreparationSave {...props} />
      <div className="ohif-teaching__stage-scroll ohif-teaching__prep-form" data-testid="case-prep-form">
        <CaseDetails {...props} />
        <CaseObjectives {...props} />
        <PriorStudies {...props} />
        <ReferenceFindings {...props} />
        <ReferenceDiagnosis {...props} />
        <ModelReport {...props} />
      </div>
      <ReferenceDrawings {...props} />
    </>
  );
});
