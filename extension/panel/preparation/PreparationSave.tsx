import { memo } from 'react';
import type { Translate } from '../../../src/core/i18n';
import type { PreparationState } from '../../service/casePreparation';
import { HOST } from '../hostClasses';
import { AlertIcon, SavedIcon, SpinnerIcon } from '../icons';
import { inLanguage } from '../inLanguage';
import type { PreparationProps } from './preparationProps';
import { usePreparation } from './usePreparation';

/** Where the form is: saved, kept only in this browser, on its way, or refused. */
function formStatus(state: PreparationState, t: Translate): { key: string; text: string; tone: string; icon: JSX.Element } {
  if (state.save.state === 'saving') return { key: 'saving', text: t('casePrep.saving'), tone: '', icon: <SpinnerIcon /> };
  if (state.save.state === 'conflict' || state.save.state === 'refused') return { key: state.save.state, text: t('save.notSaved'), tone: ' ohif-teaching__alarm', icon: <AlertIcon /> };
  if (!state.caseId) return { key: 'new', text: t('casePrep.notSavedYet'), tone: ' ohif-teaching__warn', icon: <AlertIcon /> };
  if (state.dirty) return { key: 'unsaved', text: t('casePrep.unsaved'), tone: ' ohif-teaching__warn', icon: <AlertIcon /> };
  return { key: 'saved', text: t('casePrep.savedAt'), tone: '', icon: <SavedIcon /> };
}

/** The case's title bar: new or being edited, whether it is saved, the save button, and what stopped a save. */
export const PreparationSave = memo(function PreparationSave({ preparation, language, t }: PreparationProps) {
  const state = usePreparation(preparation, current => current);
  const status = formStatus(state, t);
  const lacking = Object.keys(state.problems).some(field => field !== 'form');
  return (
    <div className="ohif-teaching__prep-head" data-testid="case-prep-head">
      <div className="ohif-teaching__prep-bar">
        <span className="ohif-teaching__prep-name">{t(state.caseId ? 'casePrep.headerEdit' : 'casePrep.headerNew')}</span>
        <span
          className={`ohif-teaching__status${status.tone}`}
          role="status"
          title={status.key === 'new' || status.key === 'unsaved' ? t('casePrep.keptHere') : undefined}
          data-testid="case-save-status"
          data-state={status.key}
        >
          {status.icon}
          <span>{status.text}</span>
        </span>
        <button className={HOST.textButton} data-testid="case-save" disabled={state.save.state === 'saving' || state.save.state === 'conflict'} onClick={() => void preparation.save()}>
          {t('casePrep.save')}
        </button>
      </div>
      {state.save.state === 'conflict' && (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="case-conflict">
          <span>{t('casePrep.conflict')}</span>
          <button className={HOST.textButton} data-testid="case-reload" onClick={() => void preparation.discardAndReload()}>
            {t('casePrep.reload')}
          </button>
        </div>
      )}
      {state.save.state === 'refused' && (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="case-refused">
          {t('casePrep.refused', { message: inLanguage(state.save.messages, language) })}
        </div>
      )}
      {state.problems.form && (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="case-problem" data-field="form">
          {inLanguage(state.problems.form, language)}
        </div>
      )}
      {lacking && <div className="ohif-teaching__notice" role="status">{t('casePrep.fixFirst')}</div>}
      {state.waitingDrawings > 0 && (
        <div className="ohif-teaching__notice" data-testid="case-drawings-waiting">
          {t('casePrep.drawingsWait', { count: state.waitingDrawings })}
        </div>
      )}
    </div>
  );
});
