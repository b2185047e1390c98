import { memo, useState } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import type { ReportEvaluationInput } from '../../../src/core/rules/sessionCommand';
import { checkSheetScores } from '../../../src/core/scoring/checkScore';
import { sheetResult } from '../../../src/core/scoring/sheetResult';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useProjectedSession } from '../useProjectedSession';
import { useTeaching } from '../useTeaching';
import { RubricSheet } from './RubricSheet';
import { reportInputOf, sheetAccess, withMainProblems, withNote, type ReportNote } from './sheetEditing';

const NOTES: readonly ReportNote[] = ['remark', 'feedback', 'guidance'];

/** A change the rules would refuse (a score out of range or off the sheet's step): on screen, not sent, until put right. */
interface Held {
  input: ReportEvaluationInput;
  itemId?: string;
  message: string;
}

/**
 * Stage 4.5 for the tutor: the session's own report quality sheet (general, ultrasound or nuclear
 * medicine, as the case's modality chose) below the resident's handed-in report, every item with its
 * points, remark and not-applicable mark, the veto items, the live total and rating from the core,
 * the main problems and the notes, and sending the report back with a reason. Each change goes to
 * the local draft and on to the server. After sign-off it is read-only, and the resident sees it too.
 */
export const ReportSheetScoring = memo(function ReportSheetScoring({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const session = useProjectedSession(service);
  const actor = useTeaching(service, state => state.actor);
  const [held, setHeld] = useState<Held | undefined>(undefined);
  const [reason, setReason] = useState('');
  if (!session || !actor) return null;
  const stage = session.stages['4.5'];
  const { visible, readOnly } = sheetAccess(actor, session);
  if (!visible) return null;
  const sheet = session.reportSheet;
  const input = held?.input ?? reportInputOf(stage.evaluation);
  const result = sheetResult(sheet, input.sheet);

  const edit = (next: ReportEvaluationInput, itemId?: string) => {
    if (readOnly) return;
    const [problem] = checkSheetScores(sheet, next.sheet);
    if (problem) {
      setHeld({ input: next, itemId, message: inLanguage(problem.message, language) });
      return;
    }
    setHeld(undefined);
    service.send({ type: 'evaluateReport', evaluation: next });
  };

  return (
    <div className="ohif-teaching__stage ohif-teaching__scoring" data-testid="teaching-report-sheet">
      <div className="ohif-teaching__field-head">
        <span className="flex-1">{t('sheet.title')}</span>
      </div>
      <div className="ohif-teaching__sheet-name" data-testid="teaching-sheet-name">
        {inLanguage(sheet.name, language)}
      </div>
      {!readOnly && <div className="ohif-teaching__hint">{t(sheet.scoring === 'deduct' ? 'sheet.deductHint' : 'sheet.awardHint')}</div>}
      <RubricSheet sheet={sheet} input={input} result={result} readOnly={readOnly} language={language} t={t} edit={edit} held={held}>
        <RubricSheet.Total />
        {sheet.sections.map(section => (
          <RubricSheet.Section key={section.id} section={section}>
            {section.items.map(item => (
              <RubricSheet.Item key={item.id} item={item} />
            ))}
          </RubricSheet.Section>
        ))}
        {sheet.vetoes.length > 0 && (
          <RubricSheet.Vetoes>
            {sheet.vetoes.map(veto => (
              <RubricSheet.Veto key={veto.id} veto={veto} />
            ))}
          </RubricSheet.Vetoes>
        )}
      </RubricSheet>
      {held && held.itemId === undefined && (
        <div className="ohif-teaching__hint ohif-teaching__alarm" role="alert" data-testid="teaching-sheet-problem">
          {t('sheet.notSent', { message: held.message })}
        </div>
      )}
      <div className="ohif-teaching__field">
        <div className="ohif-teaching__field-head">
          <label htmlFor="teaching-sheet-main-problems">{t('sheet.mainProblems')}</label>
        </div>
        <textarea
          id="teaching-sheet-main-problems"
          className="ohif-teaching__textarea"
          rows={3}
          readOnly={readOnly}
          value={input.sheet.mainProblems}
          data-testid="teaching-sheet-main-problems"
          onChange={event => edit(withMainProblems(input, event.target.value))}
        />
      </div>
      {NOTES.map(note => (
        <div key={note} className="ohif-teaching__field">
          <div className="ohif-teaching__field-head">
            <label htmlFor={`teaching-sheet-${note}`}>{t(`sheet.${note}`)}</label>
          </div>
          <textarea
            id={`teaching-sheet-${note}`}
            className="ohif-teaching__textarea"
            rows={2}
            readOnly={readOnly}
            value={input[note]}
            data-testid={`teaching-sheet-${note}`}
            onChange={event => edit(withNote(input, note, event.target.value))}
          />
        </div>
      ))}
      {!readOnly && (
        <div className="ohif-teaching__field">
          <div className="ohif-teaching__field-head">
            <label htmlFor="teaching-sheet-return">{t('sheet.returnReason')}</label>
          </div>
          <input id="teaching-sheet-return" className="ohif-teaching__input" value={reason} data-testid="teaching-sheet-return-reason" onChange={event => setReason(event.target.value)} />
          <div className="ohif-teaching__actions">
            <button
              className={HOST.textButton}
              disabled={reason.trim() === ''}
              data-testid="teaching-sheet-return"
              onClick={() => {
                service.returnStage('4.5', reason.trim());
                setReason('');
              }}
            >
              {t('sheet.return')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
});
