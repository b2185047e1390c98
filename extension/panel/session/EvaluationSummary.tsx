import { memo } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import { STAGE_SHORT_TITLES } from '../../../src/core/labels/stageLabels';
import { STAGES, type Criterion, type StageId } from '../../../src/core/rubric/rubricSchema';
import { sheetResult } from '../../../src/core/scoring/sheetResult';
import { criteriaFor, criterionEarned, stageResult } from '../../../src/core/scoring/stageResult';
import type { CriteriaEvaluation, ReportEvaluation } from '../../../src/core/session/evaluation';
import type { TeachingSession } from '../../../src/core/session/session';
import type { TeachingService } from '../../service/TeachingService';
import { inLanguage } from '../inLanguage';
import { useProjectedSession } from '../useProjectedSession';

const round = (value: number) => Math.round(value * 100) / 100;

/** A criterion's score as the form reads: points, or the level with its points; "n/a" earns full marks. */
export function criterionText(criterion: Criterion, evaluation: Pick<CriteriaEvaluation, 'scores' | 'notApplicable'> | undefined, language: Language, t: Translate): string {
  const earned = criterionEarned(criterion, evaluation);
  if (earned === undefined) return t('summary.notScored');
  if (evaluation?.notApplicable.includes(criterion.id)) return `${t('scoring.notApplicable')} · ${round(earned)}`;
  const level = criterion.kind === 'levels' ? criterion.levels.find(each => each.id === evaluation?.scores[criterion.id]) : undefined;
  return level ? `${inLanguage(level.label, language)} (${round(earned)})` : String(round(earned));
}

/** The value as signed, beside the current one, when an amendment changed it. */
function AsSigned({ now, then, t }: { now: string; then: string | undefined; t: Translate }) {
  if (then === undefined || then === now) return null;
  return (
    <span className="ohif-teaching__as-signed" data-testid="teaching-as-signed">
      {t('amend.asSigned', { value: then })}
    </span>
  );
}

function Notes({ evaluation, signed, t }: { evaluation: { remark: string; feedback: string; guidance: string }; signed: { remark: string; feedback: string; guidance: string } | undefined; t: Translate }) {
  return (
    <>
      {(['remark', 'feedback', 'guidance'] as const).map(field =>
        evaluation[field].trim() || signed?.[field].trim() ? (
          <div key={field} className="ohif-teaching__field" data-testid={`teaching-summary-${field}`}>
            <div className="ohif-teaching__hint">{t(`scoring.${field}`)}</div>
            <div className="ohif-teaching__summary-text">{evaluation[field]}</div>
            <AsSigned now={evaluation[field]} then={signed?.[field]} t={t} />
          </div>
        ) : null,
      )}
    </>
  );
}

function CriteriaSummary({ session, stage, language, t }: { session: TeachingSession; stage: StageId; language: Language; t: Translate }) {
  const evaluation = session.stages[stage].evaluation;
  const current = evaluation?.kind === 'criteria' ? evaluation : undefined;
  const signedEvaluation = session.signOff?.stages[stage].evaluation;
  const signed = signedEvaluation?.kind === 'criteria' ? signedEvaluation : undefined;
  return (
    <>
      {criteriaFor(session.stageForm, stage, session.realTime).map(criterion => {
        const now = criterionText(criterion, current, language, t);
        const remark = current?.criterionRemarks[criterion.id]?.trim();
        return (
          <div key={criterion.id} className="ohif-teaching__field" data-testid="teaching-summary-criterion" data-criterion={criterion.id}>
            <div className="ohif-teaching__field-head">
              <span className="min-w-0 flex-1">{inLanguage(criterion.label, language)}</span>
              <span className="text-foreground" data-testid="teaching-summary-criterion-score">
                {now}
              </span>
            </div>
            <AsSigned now={now} then={signed && criterionText(criterion, signed, language, t)} t={t} />
            {remark && <div className="ohif-teaching__hint">{remark}</div>}
          </div>
        );
      })}
      {current && <Notes evaluation={current} signed={signed} t={t} />}
    </>
  );
}

function sheetFigures(session: TeachingSession, evaluation: ReportEvaluation | undefined, language: Language, t: Translate) {
  if (!evaluation) return undefined;
  const result = sheetResult(session.reportSheet, evaluation.sheet);
  const vetoes = session.reportSheet.vetoes.filter(veto => evaluation.sheet.vetoes.includes(veto.id)).map(veto => inLanguage(veto.label, language));
  return {
    total: t('summary.sheetTotal', { total: round(result.total), max: result.max }),
    band: result.band ? t('summary.band', { band: inLanguage(result.band.label, language) }) : '',
    vetoes: vetoes.length > 0 ? t('summary.vetoes', { vetoes: vetoes.join(language === 'en' ? '; ' : '；') }) : t('summary.noVetoes'),
  };
}

function SheetSummary({ session, language, t }: { session: TeachingSession; language: Language; t: Translate }) {
  const evaluation = session.stages['4.5'].evaluation;
  const current = evaluation?.kind === 'reportSheet' ? evaluation : undefined;
  const signedEvaluation = session.signOff?.stages['4.5'].evaluation;
  const signed = signedEvaluation?.kind === 'reportSheet' ? signedEvaluation : undefined;
  const now = sheetFigures(session, current, language, t);
  const then = sheetFigures(session, signed, language, t);
  if (!current || !now) return <div className="ohif-teaching__hint">{t('summary.notScored')}</div>;
  return (
    <>
      {(['total', 'band', 'vetoes'] as const).map(key => (
        <div key={key} className="ohif-teaching__field" data-testid={`teaching-summary-sheet-${key}`}>
          <div className={key === 'total' ? 'ohif-teaching__summary-line text-foreground' : 'ohif-teaching__summary-line'}>{now[key]}</div>
          <AsSigned now={now[key]} then={then?.[key]} t={t} />
        </div>
      ))}
      {(current.sheet.mainProblems.trim() || signed?.sheet.mainProblems.trim()) && (
        <div className="ohif-teaching__field" data-testid="teaching-summary-main-problems">
          <div className="ohif-teaching__hint">{t('summary.mainProblems')}</div>
          <div className="ohif-teaching__summary-text">{current.sheet.mainProblems}</div>
          <AsSigned now={current.sheet.mainProblems} then={signed?.sheet.mainProblems} t={t} />
        </div>
      )}
      <Notes evaluation={current} signed={signed} t={t} />
    </>
  );
}

/**
 * What the resident (and the tutor) sees once the session is signed: every stage's score at a
 * glance, then the stage shown in detail: the tutor's scores and remarks, feedback and guidance; for
 * 4.5 the report sheet's total, band, vetoes and main problems. Read-only; a value an amendment
 * changed shows what was signed beside it.
 */
export const EvaluationSummary = memo(function EvaluationSummary({ service, language, t, stage }: { service: TeachingService; language: Language; t: Translate; stage: StageId }) {
  const session = useProjectedSession(service);
  if (!session?.signOff) return null;
  const amended = JSON.stringify(session.signOff.stages[stage].evaluation) !== JSON.stringify(session.stages[stage].evaluation);
  return (
    <div className="ohif-teaching__stage ohif-teaching__scoring" data-testid="teaching-evaluation-summary" data-stage={stage}>
      <div className="ohif-teaching__field-head">
        <span className="flex-1">{t('summary.title')}</span>
      </div>
      <div className="ohif-teaching__summary-stages" data-testid="teaching-summary-stages">
        {STAGES.map(id => {
          const result = stageResult(session, id);
          return (
            <div key={id} className={id === stage ? 'text-foreground' : undefined} title={inLanguage(STAGE_SHORT_TITLES[id], language)} data-testid="teaching-summary-stage" data-stage={id}>
              <div>{id}</div>
              <div>{result.complete ? t('summary.stageScore', { score: round(result.score), max: result.max }) : t('summary.notScored')}</div>
            </div>
          );
        })}
      </div>
      <div className="ohif-teaching__field-head">
        <span className="flex-1 text-foreground">
          {stage} {inLanguage(STAGE_SHORT_TITLES[stage], language)}
        </span>
        {amended && <span className="ohif-teaching__tag">{t('summary.amended')}</span>}
      </div>
      {stage === '4.5' ? <SheetSummary session={session} language={language} t={t} /> : <CriteriaSummary session={session} stage={stage} language={language} t={t} />}
    </div>
  );
});

