import { memo } from 'react';
import { FieldProblem } from './FieldProblem';
import type { PreparationProps } from './preparationProps';
import { PreparationSection } from './PreparationSection';
import { usePreparation } from './usePreparation';

/** The diagnosis the resident's 4.4 is held against. */
export const ReferenceDiagnosis = memo(function ReferenceDiagnosis({ preparation, language, t }: PreparationProps) {
  const diagnosis = usePreparation(preparation, state => state.form.diagnosis);
  return (
    <PreparationSection title={t('casePrep.sectionDiagnosis')} testId="case-diagnosis-section">
      <textarea
        className="ohif-teaching__textarea"
        rows={2}
        aria-label={t('casePrep.sectionDiagnosis')}
        placeholder={t('casePrep.diagnosisPlaceholder')}
        value={diagnosis}
        data-testid="case-diagnosis"
        onChange={event => preparation.edit({ diagnosis: event.target.value })}
      />
      <FieldProblem preparation={preparation} field="diagnosis" language={language} />
    </PreparationSection>
  );
});
