import { memo } from 'react';
import type { TrainingYear } from '../../../src/core/schema/common';
import { inLanguage } from '../inLanguage';
import { FieldProblem } from './FieldProblem';
import type { PreparationProps } from './preparationProps';
import { PreparationSection } from './PreparationSection';
import { usePreparation } from './usePreparation';

const YEARS: readonly TrainingYear[] = [1, 2, 3];

/** Which categories may be chosen: the current ones, and the case's own even once retired. */
function CategoryField({ preparation, language, t }: Omit<PreparationProps, 'service'>) {
  const categories = usePreparation(preparation, state => state.categories);
  const chosen = usePreparation(preparation, state => state.form.category);
  return (
    <div className="ohif-teaching__field">
      <div className="ohif-teaching__field-head">
        <label htmlFor="case-category">{t('casePrep.category')}</label>
      </div>
      {categories.state === 'loading' && <div className="ohif-teaching__hint">{t('casePrep.categoriesLoading')}</div>}
      {categories.state === 'unavailable' && (
        <div className="ohif-teaching__hint" role="alert">
          {t('casePrep.categoriesUnavailable', { message: inLanguage(categories.messages, language) })}
        </div>
      )}
      {categories.state === 'loaded' && (
        <select
          id="case-category"
          className="ohif-teaching__select ohif-teaching__select--wide"
          value={chosen}
          data-testid="case-category"
          onChange={event => preparation.edit({ category: event.target.value })}
        >
          <option value="">{t('casePrep.chooseCategory')}</option>
          {categories.items
            .filter(category => !category.retired || category.id === chosen)
            .map(category => (
              <option key={category.id} value={category.id}>
                {category.retired ? t('casePrep.retiredCategory', { name: inLanguage(category.name, language) }) : inLanguage(category.name, language)}
              </option>
            ))}
        </select>
      )}
      <FieldProblem preparation={preparation} field="category" language={language} />
    </div>
  );
}

/** Title, modality and body part (prefilled from the study's headers), category, training year and the real-time flag. */
export const CaseDetails = memo(function CaseDetails({ preparation, language, t }: PreparationProps) {
  const title = usePreparation(preparation, state => state.form.title);
  const modality = usePreparation(preparation, state => state.form.modality);
  const bodyPart = usePreparation(preparation, state => state.form.bodyPart);
  const trainingYear = usePreparation(preparation, state => state.form.trainingYear);
  const realTime = usePreparation(preparation, state => state.form.realTime);
  return (
    <PreparationSection title={t('casePrep.sectionDetails')} testId="case-details">
      <div className="ohif-teaching__field">
        <div className="ohif-teaching__field-head">
          <label htmlFor="case-title">{t('casePrep.title')}</label>
        </div>
        <input id="case-title" className="ohif-teaching__input" value={title} data-testid="case-title" onChange={event => preparation.edit({ title: event.target.value })} />
        <FieldProblem preparation={preparation} field="title" language={language} />
      </div>
      <div className="ohif-teaching__field-pair">
        <div className="ohif-teaching__field ohif-teaching__field--narrow">
          <div className="ohif-teaching__field-head">
            <label htmlFor="case-modality">{t('casePrep.modality')}</label>
          </div>
          <input
            id="case-modality"
            className="ohif-teaching__input"
            value={modality}
            maxLength={2}
            data-testid="case-modality"
            onChange={event => preparation.edit({ modality: event.target.value.toUpperCase() })}
          />
        </div>
        <div className="ohif-teaching__field">
          <div className="ohif-teaching__field-head">
            <label htmlFor="case-body-part">{t('casePrep.bodyPart')}</label>
          </div>
          <input id="case-body-part" className="ohif-teaching__input" value={bodyPart} data-testid="case-body-part" onChange={event => preparation.edit({ bodyPart: event.target.value })} />
        </div>
      </div>
      <FieldProblem preparation={preparation} field="modality" language={language} />
      <FieldProblem preparation={preparation} field="bodyPart" language={language} />
      <CategoryField preparation={preparation} language={language} t={t} />
      <div className="ohif-teaching__field">
        <div className="ohif-teaching__field-head">
          <label htmlFor="case-training-year">{t('casePrep.trainingYear')}</label>
          <select
            id="case-training-year"
            className="ohif-teaching__select"
            value={trainingYear ?? ''}
            data-testid="case-training-year"
            onChange={event => preparation.edit({ trainingYear: event.target.value ? (Number(event.target.value) as TrainingYear) : undefined })}
          >
            <option value="">{t('casePrep.chooseYear')}</option>
            {YEARS.map(year => (
              <option key={year} value={year}>
                {t('casePrep.year', { year })}
              </option>
            ))}
          </select>
        </div>
        <FieldProblem preparation={preparation} field="trainingYear" language={language} />
      </div>
      <label className="ohif-teaching__check">
        <input type="checkbox" checked={realTime} data-testid="case-real-time" onChange={event => preparation.edit({ realTime: event.target.checked })} />
        <span>{t('casePrep.realTime')}</span>
      </label>
      <FieldProblem preparation={preparation} field="realTime" language={language} />
    </PreparationSection>
  );
});
