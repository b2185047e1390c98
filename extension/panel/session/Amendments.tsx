import { memo, useState } from 'react';
import { printableAmendments } from '../../../src/core/export/printableAmendments';
import type { Language, Translate } from '../../../src/core/i18n';
import { STAGE_SHORT_TITLES } from '../../../src/core/labels/stageLabels';
import type { StageId } from '../../../src/core/rubric/rubricSchema';
import { tryCommand } from '../../../src/core/rules/applyCommand';
import { isResidentOf, isTutorOf } from '../../../src/core/rules/permissions';
import type { CriteriaEvaluationInput, ReportEvaluationInput, SessionCommand } from '../../../src/core/rules/sessionCommand';
import { criteriaFor } from '../../../src/core/scoring/stageResult';
import type { Actor } from '../../../src/core/session/people';
import type { TeachingSession } from '../../../src/core/session/session';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useProjectedSession } from '../useProjectedSession';
import { useTeaching } from '../useTeaching';
import { criterionText } from './EvaluationSummary';

const CRITERIA_STAGES = ['4.1', '4.2', '4.3', '4.4'] as const satisfies readonly StageId[];
type Target = (typeof CRITERIA_STAGES)[number] | 'report';

type Draft = { target: Exclude<Target, 'report'>; evaluation: CriteriaEvaluationInput } | { target: 'report'; evaluation: ReportEvaluationInput };

/** The evaluation as it stands, as the amend command takes it. */
function draftOf(session: TeachingSession, target: Target): Draft | undefined {
  if (target === 'report') {
    const evaluation = session.stages['4.5'].evaluation;
    if (evaluation?.kind !== 'reportSheet') return undefined;
    const { sheet, remark, feedback, guidance } = evaluation;
    return { target, evaluation: { sheet: structuredClone(sheet), remark, feedback, guidance } };
  }
  const evaluation = session.stages[target].evaluation;
  if (evaluation?.kind !== 'criteria') return undefined;
  const { scores, notApplicable, criterionRemarks, remark, feedback, guidance } = evaluation;
  return { target, evaluation: { scores: { ...scores }, notApplicable: [...notApplicable], criterionRemarks: { ...criterionRemarks }, remark, feedback, guidance } };
}

function amendCommand(draft: Draft, reason: string): SessionCommand {
  return {
    type: 'amend',
    reason,
    amendment: draft.target === 'report' ? { target: 'report', evaluation: draft.evaluation } : { target: 'stage', stage: draft.target, evaluation: draft.evaluation },
  };
}

const signedHint = (value: string, t: Translate) => <span className="ohif-teaching__as-signed">{t('amend.asSigned', { value })}</span>;

function CriteriaFields({ session, stage, evaluation, onChange, language, t }: { session: TeachingSession; stage: StageId; evaluation: CriteriaEvaluationInput; onChange: (next: CriteriaEvaluationInput) => void; language: Language; t: Translate }) {
  const signedEvaluation = session.signOff?.stages[stage].evaluation;
  const signed = signedEvaluation?.kind === 'criteria' ? signedEvaluation : undefined;
  const step = session.stageForm.step;
  return (
    <>
      {criteriaFor(session.stageForm, stage, session.realTime).map(criterion => {
        const score = evaluation.scores[criterion.id];
        const id = `teaching-amend-${stage}-${criterion.id}`;
        const setScore = (value: number | string | undefined) => {
          const scores = { ...evaluation.scores };
          if (value === undefined) delete scores[criterion.id];
          else scores[criterion.id] = value;
          onChange({ ...evaluation, scores, notApplicable: evaluation.notApplicable.filter(each => each !== criterion.id) });
        };
        return (
          <div key={criterion.id} className="ohif-teaching__field" data-testid="teaching-amend-criterion" data-criterion={criterion.id}>
            <div className="ohif-teaching__field-head">
              <label className="flex-1" htmlFor={id}>
                {inLanguage(criterion.label, language)}
              </label>
              {criterion.kind === 'points' ? (
                <input id={id} className="ohif-teaching__input ohif-teaching__score" type="number" min={0} max={criterion.max} step={step} value={typeof score === 'number' ? score : ''} data-testid="teaching-amend-score" onChange={event => setScore(event.target.value === '' ? undefined : Number(event.target.value))} />
              ) : (
                <select id={id} className="ohif-teaching__select" value={typeof score === 'string' ? score : ''} data-testid="teaching-amend-score" onChange={event => setScore(event.target.value || undefined)}>
                  <option value="">{t('scoring.choose')}</option>
                  {criterion.levels.map(level => (
                    <option key={level.id} value={level.id}>
                      {inLanguage(level.label, language)} ({level.points})
                    </option>
                  ))}
                </select>
              )}
              {criterion.kind === 'points' && <span className="ohif-teaching__hint">/ {criterion.max}</span>}
            </div>
            {criterionText(criterion, signed, language, t) !== criterionText(criterion, evaluation, language, t) && signedHint(criterionText(criterion, signed, language, t), t)}
            <input
              className="ohif-teaching__input"
              placeholder={t('scoring.criterionRemark')}
              aria-label={t('scoring.criterionRemark')}
              value={evaluation.criterionRemarks[criterion.id] ?? ''}
              onChange={event => onChange({ ...evaluation, criterionRemarks: { ...evaluation.criterionRemarks, [criterion.id]: event.target.value } })}
            />
          </div>
        );
      })}
    </>
  );
}

function SheetFields({ session, evaluation, onChange, language, t }: { session: TeachingSession; evaluation: ReportEvaluationInput; onChange: (next: ReportEvaluationInput) => void; language: Language; t: Translate }) {
  const signedEvaluation = session.signOff?.stages['4.5'].evaluation;
  const signed = signedEvaluation?.kind === 'reportSheet' ? signedEvaluation.sheet : undefined;
  const { sheet } = evaluation;
  const setSheet = (patch: Partial<ReportEvaluationInput['sheet']>) => onChange({ ...evaluation, sheet: { ...sheet, ...patch } });
  return (
    <>
      {session.reportSheet.sections.map(section => (
        <div key={section.id} className="ohif-teaching__field">
          <div className="ohif-teaching__hint">
            {inLanguage(section.title, language)} ({section.points})
          </div>
          {section.items.map(item => {
            const id = `teaching-amend-item-${item.id}`;
            const value = sheet.items[item.id];
            const signedValue = signed?.items[item.id];
            return (
              <div key={item.id} className="ohif-teaching__field" data-testid="teaching-amend-item" data-item={item.id}>
                <div className="ohif-teaching__field-head">
                  <label className="flex-1" htmlFor={id}>
                    {inLanguage(item.label, language)}
                  </label>
                  <input
                    id={id}
                    className="ohif-teaching__input ohif-teaching__score"
                    type="number"
                    min={0}
                    max={item.points}
                    step={session.reportSheet.step}
                    value={value ?? ''}
                    data-testid="teaching-amend-item-score"
                    onChange={event => {
                      const items = { ...sheet.items };
                      if (event.target.value === '') delete items[item.id];
                      else items[item.id] = Number(event.target.value);
                      setSheet({ items });
                    }}
                  />
                  <span className="ohif-teaching__hint">/ {item.points}</span>
                </div>
                {signedValue !== value && signedHint(signedValue === undefined ? t('amend.unscored') : String(signedValue), t)}
              </div>
            );
          })}
        </div>
      ))}
      <div className="ohif-teaching__field">
        <div className="ohif-teaching__hint">{t('amend.vetoes')}</div>
        {session.reportSheet.vetoes.map(veto => (
          <label key={veto.id} className="ohif-teaching__check" data-testid="teaching-amend-veto" data-veto={veto.id}>
            <input type="checkbox" checked={sheet.vetoes.includes(veto.id)} onChange={event => setSheet({ vetoes: event.target.checked ? [...sheet.vetoes, veto.id] : sheet.vetoes.filter(each => each !== veto.id) })} />
            <span>{inLanguage(veto.label, language)}</span>
          </label>
        ))}
      </div>
      <div className="ohif-teaching__field">
        <label className="ohif-teaching__hint" htmlFor="teaching-amend-main-problems">
          {t('amend.mainProblems')}
        </label>
        <textarea id="teaching-amend-main-problems" className="ohif-teaching__textarea" rows={2} value={sheet.mainProblems} onChange={event => setSheet({ mainProblems: event.target.value })} />
      </div>
    </>
  );
}

function Editor({ session, actor, service, language, t, onDone }: { session: TeachingSession; actor: Actor; service: TeachingService; language: Language; t: Translate; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [reason, setReason] = useState('');
  const command = draft && amendCommand(draft, reason);
  const outcome = command && reason.trim() ? tryCommand(session, command, actor, new Date().toISOString()) : undefined;
  const refusal = outcome && !outcome.ok ? inLanguage(outcome.problem.message, language) : undefined;
  const signedNotes = draft && session.signOff?.stages[draft.target === 'report' ? '4.5' : draft.target].evaluation;
  return (
    <div className="ohif-teaching__amend" data-testid="teaching-amend-editor">
      <div className="ohif-teaching__field-head">
        <label htmlFor="teaching-amend-target">{t('amend.target')}</label>
        <select
          id="teaching-amend-target"
          className="ohif-teaching__select"
          value={draft?.target ?? ''}
          data-testid="teaching-amend-target"
          onChange={event => setDraft(event.target.value ? draftOf(session, event.target.value as Target) : undefined)}
        >
          <option value="">{t('amend.choose')}</option>
          {CRITERIA_STAGES.map(stage => (
            <option key={stage} value={stage}>
              {stage} {inLanguage(STAGE_SHORT_TITLES[stage], language)}
            </option>
          ))}
          <option value="report">{t('amend.reportSheet')}</option>
        </select>
      </div>
      {draft?.target === 'report' && <SheetFields session={session} evaluation={draft.evaluation} onChange={evaluation => setDraft({ target: 'report', evaluation })} language={language} t={t} />}
      {draft && draft.target !== 'report' && (
        <CriteriaFields session={session} stage={draft.target} evaluation={draft.evaluation} onChange={evaluation => setDraft({ target: draft.target, evaluation })} language={language} t={t} />
      )}
      {draft &&
        (['remark', 'feedback', 'guidance'] as const).map(field => (
          <div key={field} className="ohif-teaching__field">
            <label className="ohif-teaching__hint" htmlFor={`teaching-amend-${field}`}>
              {t(`scoring.${field}`)}
            </label>
            <textarea
              id={`teaching-amend-${field}`}
              className="ohif-teaching__textarea"
              rows={2}
              value={draft.evaluation[field]}
              onChange={event => setDraft({ ...draft, evaluation: { ...draft.evaluation, [field]: event.target.value } } as Draft)}
            />
            {signedNotes && signedNotes[field] !== draft.evaluation[field] && signedHint(signedNotes[field] || '—', t)}
          </div>
        ))}
      {draft && (
        <div className="ohif-teaching__field">
          <label className="ohif-teaching__hint" htmlFor="teaching-amend-reason">
            {t('amend.reason')}
          </label>
          <input id="teaching-amend-reason" className="ohif-teaching__input" required value={reason} data-testid="teaching-amend-reason" onChange={event => setReason(event.target.value)} />
          {refusal && (
            <div className="ohif-teaching__hint ohif-teaching__warn" data-testid="teaching-amend-refusal">
              {refusal}
            </div>
          )}
        </div>
      )}
      <div className="ohif-teaching__actions">
        <button
          className={HOST.textButton}
          disabled={!command || !outcome?.ok}
          data-testid="teaching-amend-submit"
          onClick={() => {
            if (!command) return;
            service.send(command);
            onDone();
          }}
        >
          {t('amend.submit')}
        </button>
        <button className={HOST.textButton} data-testid="teaching-amend-cancel" onClick={onDone}>
          {t('amend.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * After sign-off: every amendment with who, when, why and what it changed (before → after), and,
 * for the tutor, the one way to change a score now: choose a stage or the report sheet, change it,
 * give the reason. The rules check it before it goes; the signed original stays beside it.
 */
export const Amendments = memo(function Amendments({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const session = useProjectedSession(service);
  const actor = useTeaching(service, state => state.actor);
  const me = useTeaching(service, state => state.me);
  const [editing, setEditing] = useState(false);
  if (!session?.signOff || !actor) return null;
  const tutor = isTutorOf(actor, session);
  const someone = t('signOff.theTutor');
  const people = {
    tutor: { name: tutor && me ? me.name : someone },
    resident: { name: isResidentOf(actor, session) && me ? me.name : session.residentId },
  };
  const nameOf = (id: string) => ({ id, name: id === session.tutorId ? people.tutor.name : id === session.residentId ? people.resident.name : someone });
  // A change that reads the same on both sides (the time of scoring within one minute) says nothing here.
  const amendments = printableAmendments(session, nameOf, language).map(amendment => ({ ...amendment, changes: amendment.changes.filter(change => change.before !== change.after) }));
  if (!tutor && amendments.length === 0) return null;
  return (
    <div className="ohif-teaching__stage ohif-teaching__scoring" data-testid="teaching-amendments">
      <div className="ohif-teaching__field-head">
        <span className="flex-1">{tutor ? t('amend.title') : t('amend.list', { count: amendments.length })}</span>
        {tutor && !editing && (
          <button className={HOST.textButton} data-testid="teaching-amend-open" onClick={() => setEditing(true)}>
            {t('amend.open')}
          </button>
        )}
      </div>
      {tutor && editing && <Editor session={session} actor={actor} service={service} language={language} t={t} onDone={() => setEditing(false)} />}
      {tutor && amendments.length > 0 && <div className="ohif-teaching__hint">{t('amend.list', { count: amendments.length })}</div>}
      {amendments.map(amendment => (
        <div key={amendment.id} className="ohif-teaching__finding" data-testid="teaching-amendment">
          <div className="ohif-teaching__hint">{t('amend.entry', { at: amendment.at, name: amendment.by.name })}</div>
          <div className="ohif-teaching__summary-line text-foreground" data-testid="teaching-amendment-reason">
            {t('amend.reasonWas', { reason: amendment.reason })}
          </div>
          {amendment.changes.map(change => (
            <div key={change.path.join('/')} className="ohif-teaching__hint" data-testid="teaching-amendment-change">
              {change.field}: {change.before} → {change.after}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
});
