import { memo } from 'react';
import { HOST } from '../hostClasses';
import { FieldProblem } from './FieldProblem';
import type { PreparationProps } from './preparationProps';
import { PreparationSection } from './PreparationSection';
import { usePreparation } from './usePreparation';

/** The case's teaching objectives, one per line, at least one. */
export const CaseObjectives = memo(function CaseObjectives({ preparation, language, t }: PreparationProps) {
  const objectives = usePreparation(preparation, state => state.form.objectives);
  const change = (index: number, text: string) => preparation.edit({ objectives: objectives.map((objective, at) => (at === index ? text : objective)) });
  return (
    <PreparationSection title={t('casePrep.sectionObjectives')} testId="case-objectives">
      {objectives.map((objective, index) => (
        <div key={index} className="ohif-teaching__rename">
          <input
            className="ohif-teaching__input"
            aria-label={t('casePrep.objective', { number: index + 1 })}
            placeholder={t('casePrep.objective', { number: index + 1 })}
            value={objective}
            data-testid="case-objective"
            onChange={event => change(index, event.target.value)}
          />
          {objectives.length > 1 && (
            <button className={HOST.textButton} data-testid="case-remove-objective" onClick={() => preparation.edit({ objectives: objectives.filter((_, at) => at !== index) })}>
              {t('casePrep.removeObjective')}
            </button>
          )}
        </div>
      ))}
      <FieldProblem preparation={preparation} field="objectives" language={language} />
      <div className="ohif-teaching__actions">
        <button className={HOST.textButton} data-testid="case-add-objective" onClick={() => preparation.edit({ objectives: [...objectives, ''] })}>
          {t('casePrep.addObjective')}
        </button>
      </div>
    </PreparationSection>
  );
});
