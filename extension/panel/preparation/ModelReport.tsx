import { memo } from 'react';
import { REPORT_SECTION_LABELS } from '../../../src/core/labels/workLabels';
import { REPORT_SECTIONS, type ReportSection } from '../../../src/core/session/stageWork';
import { inLanguage } from '../inLanguage';
import { FieldProblem } from './FieldProblem';
import type { PreparationProps } from './preparationProps';
import { PreparationSection } from './PreparationSection';
import { usePreparation } from './usePreparation';

const ROWS: Record<ReportSection, number> = { examination: 1, clinicalInformation: 2, technique: 2, findings: 4, impression: 2, recommendations: 2 };

/** The model report, in the six sections the resident writes in 4.5. */
export const ModelReport = memo(function ModelReport({ preparation, language, t }: PreparationProps) {
  const report = usePreparation(preparation, state => state.form.report);
  return (
    <PreparationSection title={t('casePrep.sectionReport')} testId="case-report">
      {REPORT_SECTIONS.map(section => (
        <div key={section} className="ohif-teaching__field" data-testid="case-report-section" data-section={section}>
          <div className="ohif-teaching__field-head">
            <label htmlFor={`case-report-${section}`}>{inLanguage(REPORT_SECTION_LABELS[section], language)}</label>
          </div>
          <textarea
            id={`case-report-${section}`}
            className="ohif-teaching__textarea"
            rows={ROWS[section]}
            value={report[section]}
            data-testid="case-report-text"
            onChange={event => preparation.edit({ report: { ...report, [section]: event.target.value } })}
          />
        </div>
      ))}
      <FieldProblem preparation={preparation} field="report" language={language} />
    </PreparationSection>
  );
});
