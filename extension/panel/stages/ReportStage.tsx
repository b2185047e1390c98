import { memo, useEffect, useRef } from 'react';
import type { Language, MessageKey, Translate } from '../../../src/core/i18n';
import { REPORT_SECTION_LABELS } from '../../../src/core/labels/workLabels';
import { STAGES } from '../../../src/core/rubric/rubricSchema';
import { isResidentOf } from '../../../src/core/rules/permissions';
import { sheetResult } from '../../../src/core/scoring/sheetResult';
import { prefillReport } from '../../../src/core/session/reportPrefill';
import { REPORT_SECTIONS, reportWork, type ReportSection, type ReportWork, type StageWorkByStage } from '../../../src/core/session/stageWork';
import type { TeachingService } from '../../service/TeachingService';
import type { SessionView } from '../../../src/records/api/sessions';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';

const ROWS: Record<ReportSection, number> = { examination: 1, clinicalInformation: 3, technique: 2, findings: 5, impression: 3, recommendations: 2 };
const PLACEHOLDERS: Partial<Record<ReportSection, MessageKey>> = {
  examination: 'report.examinationPlaceholder',
  recommendations: 'report.recommendationsPlaceholder',
};
const EARLIER = ['4.1', '4.2', '4.3', '4.4'] as const;

const isEmpty = (report: ReportWork) => REPORT_SECTIONS.every(section => report[section].trim() === '');

/** What the tutor said when they last sent the report back, and the evaluation it had then. */
function Returned({ record, t }: { record: SessionView; t: Translate }) {
  const stage = record.session.stages['4.5'];
  const last = stage.returns[stage.returns.length - 1];
  if (stage.status !== 'draft' || !last) return null;
  const evaluation = last.evaluation;
  const lines: string[] = [];
  if (evaluation?.kind === 'reportSheet') {
    const result = sheetResult(record.session.reportSheet, evaluation.sheet);
    lines.push(result.complete ? t('report.earlierScore', { score: result.total, max: result.max }) : t('report.scoredBefore'));
    if (evaluation.sheet.mainProblems.trim()) lines.push(t('report.earlierProblems', { text: evaluation.sheet.mainProblems.trim() }));
  } else if (evaluation) {
    lines.push(t('report.scoredBefore'));
  }
  if (evaluation?.feedback.trim()) lines.push(t('report.earlierFeedback', { text: evaluation.feedback.trim() }));
  return (
    <div className="ohif-teaching__notice" role="status" data-testid="teaching-report-returned">
      <div>
        <div className="text-foreground" data-testid="teaching-report-return-reason">{t('report.returned', { reason: last.reason })}</div>
        {lines.length > 0 && (
          <div data-testid="teaching-report-earlier-evaluation">
            {lines.map(line => (
              <div key={line}>{line}</div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * Stage 4.5: the report, section by section. Opened empty, it is prefilled once from the work of
 * 4.1–4.4 (the key clinical information, the technique, every sign, the final diagnosis) and the
 * study's description; from then on it is the resident's to write. When the tutor returns it, their
 * reason and the earlier evaluation stand above it while it is revised and handed in again.
 */
export const ReportStage = memo(function ReportStage({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const pending = useTeaching(service, state => state.work);
  const stage = record?.session.stages['4.5'];
  const work = (pending['4.5'] ?? stage?.work) as ReportWork | undefined;
  const editable = !!record && !!actor && isResidentOf(actor, record.session) && stage?.status === 'draft' && !record.session.signOff;
  // The session whose report was looked at on opening: prefilled then if empty, never again while open,
  // so clearing the sections to write them afresh does not bring the draft back.
  const opened = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!record || !editable || !work || opened.current === record.session.id) return;
    opened.current = record.session.id;
    if (!isEmpty(work)) return;
    // What the resident typed and the server does not hold yet is their latest work.
    const earlier = Object.fromEntries(EARLIER.map(id => [id, pending[id] ?? record.session.stages[id].work])) as Omit<StageWorkByStage, '4.5'>;
    const description = service.studyHeaders()?.study?.StudyDescription;
    const next = prefillReport(work, earlier, language, typeof description === 'string' ? description.trim() : '');
    if (!isEmpty(next)) service.editWork('4.5', next, reportWork.safeParse(next).success);
  }, [record, editable, work, pending, language, service]);

  if (!record || !stage || !work) return null;
  const edit = (next: ReportWork) => service.editWork('4.5', next, reportWork.safeParse(next).success);
  const earlierOpen = STAGES.slice(0, STAGES.indexOf('4.5')).filter(earlier => record.session.stages[earlier].status === 'draft');
  const returned = stage.status === 'draft' && stage.returns.length > 0;

  return (
    <div className="ohif-teaching__stage" data-testid="teaching-stage-4.5">
      <Returned record={record} t={t} />
      {REPORT_SECTIONS.map(section => {
        const placeholder = PLACEHOLDERS[section];
        return (
          <div key={section} className="ohif-teaching__field" data-testid="teaching-report-section" data-section={section}>
            <div className="ohif-teaching__field-head">
              <label htmlFor={`teaching-report-${section}`}>{inLanguage(REPORT_SECTION_LABELS[section], language)}</label>
            </div>
            <textarea
              id={`teaching-report-${section}`}
              className="ohif-teaching__textarea"
              rows={ROWS[section]}
              value={work[section]}
              readOnly={!editable}
              placeholder={editable && placeholder ? t(placeholder) : ''}
              data-testid="teaching-report-text"
              onChange={event => edit({ ...work, [section]: event.target.value })}
            />
          </div>
        );
      })}
      {editable && earlierOpen.length > 0 && (
        <div className="ohif-teaching__notice" role="status" data-testid="teaching-earlier-open">
          {t('report.earlierOpen', { stages: earlierOpen.join(language === 'en' ? ', ' : '、') })}
        </div>
      )}
      {editable && (
        <div className="ohif-teaching__actions">
          <button className={HOST.textButton} data-testid="teaching-submit-stage" disabled={earlierOpen.length > 0} onClick={() => service.submitStage('4.5')}>
            {t(returned ? 'report.resubmit' : 'report.submit')}
          </button>
        </div>
      )}
    </div>
  );
});
