import { memo, useMemo } from 'react';
import { toolName, type Language, type Translate } from '../../../src/core/i18n';
import { isTutorOf } from '../../../src/core/rules/permissions';
import type { FindingsWork } from '../../../src/core/session/stageWork';
import { COMPARISON_COLOURS, type ComparisonMark } from '../../host/annotationStyle';
import type { SignComparisonView } from '../../service/signComparisonView';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';
import { comparisonGroups, millimetres, type ComparisonRow } from './comparisonRows';
import { NegativeChecklist } from './NegativeChecklist';
import { SuggestedScores } from './SuggestedScores';
import { useComparison } from './useComparison';

interface Props {
  service: TeachingService;
  view: SignComparisonView;
  language: Language;
  t: Translate;
}

const MARK_LABEL: Record<ComparisonMark, 'comparison.found' | 'comparison.missed' | 'comparison.extra' | 'comparison.uncompared'> = {
  found: 'comparison.found',
  missed: 'comparison.missed',
  extra: 'comparison.extra',
  uncompared: 'comparison.uncompared',
};

/** The mark as on the images: its colour, dashed where the drawing is. */
function MarkTag({ mark, t }: { mark: ComparisonMark; t: Translate }) {
  return (
    <span className={`ohif-teaching__mark ohif-teaching__mark--${mark}`} style={{ color: COMPARISON_COLOURS[mark] }} data-testid="teaching-comparison-mark">
      {t(MARK_LABEL[mark])}
    </span>
  );
}

function measureText(row: ComparisonRow, t: Translate): string | undefined {
  if (row.mark === 'found' && row.residentMm !== undefined && row.referenceMm !== undefined) {
    return t('comparison.measured', { resident: millimetres(row.residentMm), reference: millimetres(row.referenceMm) });
  }
  const own = row.residentMm ?? row.referenceMm;
  return own === undefined ? undefined : `${millimetres(own)} mm`;
}

/** One drawing of the comparison; a click shows it on the images. */
function Row({ row, service, language, t }: { row: ComparisonRow; service: TeachingService; language: Language; t: Translate }) {
  const measured = measureText(row, t);
  const jump = () => service.select(row.uid);
  return (
    <div
      className="ohif-teaching__compared ohif-teaching__row"
      role="button"
      tabIndex={0}
      title={t('comparison.jump')}
      data-testid="teaching-comparison-row"
      data-mark={row.mark}
      data-uid={row.uid}
      onClick={jump}
      onKeyDown={event => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          jump();
        }
      }}
    >
      <div className="ohif-teaching__field-head">
        <MarkTag mark={row.mark} t={t} />
        <span className="ohif-teaching__compared-text" title={row.description || undefined}>
          {row.description || t('comparison.unnamed')}
        </span>
      </div>
      {(row.toolName || measured) && (
        // The measurement goes under a long sign's description rather than squeezing it into a column.
        <div className="ohif-teaching__compared-sub">
          <span className="ohif-teaching__hint">{row.toolName ? toolName(t, row.toolName) : ''}</span>
          {measured && (
            <span className="ohif-teaching__compared-value" data-testid="teaching-comparison-measured">
              {measured}
            </span>
          )}
        </div>
      )}
      {row.residentDescription && <div className="ohif-teaching__hint">{t('comparison.foundAs', { description: row.residentDescription })}</div>}
      {row.reason && (
        <div className="ohif-teaching__hint" data-testid="teaching-comparison-reason">
          {row.owner && `${t(row.owner === 'reference' ? 'comparison.ownerReference' : 'comparison.ownerResident')} · `}
          {inLanguage(row.reason, language)}
        </div>
      )}
    </div>
  );
}

function Heading({ children }: { children: string }) {
  return <div className="ohif-teaching__compared-heading">{children}</div>;
}

/**
 * The comparison of the resident's signs with the case's reference (4.3): for the tutor as soon as
 * the stage is handed in, for the resident after sign-off. Each reference sign found or missed,
 * the resident's drawings beyond the reference, the negative signs to tick, the suggested scores,
 * and what could not be compared, with why.
 */
export const SignComparison = memo(function SignComparison({ service, view, language, t }: Props) {
  const status = useComparison(view, state => state.status);
  const comparison = useComparison(view, state => state.comparison);
  const error = useComparison(view, state => state.error);
  const action = useComparison(view, state => state.action);
  const showOnImages = useComparison(view, state => state.showOnImages);
  const unplaced = useComparison(view, state => state.unplaced);
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const residentFindings = useMemo(() => (record ? (record.session.stages['4.3'].work as FindingsWork).findings : []), [record]);
  const groups = useMemo(() => (comparison ? comparisonGroups(comparison, residentFindings) : undefined), [comparison, residentFindings]);
  if (status === 'hidden' || !record) return null;
  const tutor = !!actor && (isTutorOf(actor, record.session) || actor.role === 'admin');
  const editable = tutor && !record.session.signOff;

  return (
    <div className="ohif-teaching__stage ohif-teaching__comparison" data-testid="teaching-comparison" data-status={status}>
      <div className="ohif-teaching__field-head">
        <span className="flex-1">{t('comparison.heading')}</span>
        {editable && (
          <button className={HOST.textButton} disabled={action.state === 'comparing'} data-testid="teaching-comparison-again" onClick={() => void view.compareAgain()}>
            {action.state === 'comparing' ? t('comparison.comparing') : t('comparison.compareAgain')}
          </button>
        )}
      </div>
      {status === 'loading' && <div className="ohif-teaching__hint">{t('comparison.loading')}</div>}
      {status === 'none' && <div className="ohif-teaching__hint" data-testid="teaching-comparison-none">{t('comparison.notYet')}</div>}
      {status === 'failed' && error && (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert">
          {t('comparison.failed', { message: inLanguage(error, language) })}
        </div>
      )}
      {action.state === 'refused' && (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="teaching-comparison-refused">
          <span>{t('comparison.refused', { message: inLanguage(action.messages, language) })}</span>
          <button className={HOST.textButton} onClick={() => view.dismissRefusal()}>
            {t('row.cancel')}
          </button>
        </div>
      )}
      {comparison && groups && (
        <>
          <div className="ohif-teaching__hint" data-testid="teaching-comparison-summary">
            {t('comparison.summary', { found: comparison.result.found.length, missed: comparison.result.missed.length, extra: comparison.result.extra.length })}
            <span className="ohif-teaching__sep">·</span>
            {t('comparison.computed', { at: new Date(comparison.computedAt).toLocaleString(language), version: comparison.caseVersion })}
          </div>
          <label className="ohif-teaching__check">
            <input type="checkbox" checked={showOnImages} data-testid="teaching-comparison-on-images" onChange={() => view.toggleOnImages()} />
            <span>{t('comparison.showOnImages')}</span>
          </label>
          {showOnImages && <div className="ohif-teaching__hint">{t('comparison.legend')}</div>}
          {showOnImages && unplaced > 0 && <div className="ohif-teaching__hint ohif-teaching__warn">{t('comparison.unplaced', { count: unplaced })}</div>}
          {comparison.reference.diagnosis.trim() && (
            <div className="ohif-teaching__field">
              <Heading>{t('comparison.diagnosis')}</Heading>
              <div className="ohif-teaching__summary-text" data-testid="teaching-comparison-diagnosis">
                {comparison.reference.diagnosis}
              </div>
            </div>
          )}
          <div className="ohif-teaching__field" data-testid="teaching-comparison-signs">
            <Heading>{t('comparison.positives')}</Heading>
            {groups.signs.length === 0 && groups.unlinked.length === 0 && <div className="ohif-teaching__hint">{t('comparison.noPositives')}</div>}
            {groups.signs.map(({ finding, rows }) =>
              rows.length === 0 ? (
                <div key={finding.id} className="ohif-teaching__compared">
                  <div className="ohif-teaching__field-head">
                    <MarkTag mark="uncompared" t={t} />
                    <span className="ohif-teaching__compared-text">{finding.description}</span>
                  </div>
                </div>
              ) : (
                rows.map(row => <Row key={`${finding.id}-${row.uid}`} row={row} service={service} language={language} t={t} />)
              ),
            )}
            {groups.unlinked.length > 0 && (
              <>
                <div className="ohif-teaching__hint">{t('comparison.otherReference')}</div>
                {groups.unlinked.map(row => (
                  <Row key={row.uid} row={row} service={service} language={language} t={t} />
                ))}
              </>
            )}
          </div>
          <div className="ohif-teaching__field" data-testid="teaching-comparison-extra">
            <Heading>{t('comparison.extraHeading')}</Heading>
            {groups.extra.length === 0 && <div className="ohif-teaching__hint">{t('comparison.noExtra')}</div>}
            {groups.extra.map(row => (
              <Row key={row.uid} row={row} service={service} language={language} t={t} />
            ))}
          </div>
          {groups.uncompared.length > 0 && (
            <div className="ohif-teaching__field" data-testid="teaching-comparison-uncompared">
              <Heading>{t('comparison.uncomparedHeading')}</Heading>
              {groups.uncompared.map(row => (
                <Row key={row.uid} row={row} service={service} language={language} t={t} />
              ))}
            </div>
          )}
          <NegativeChecklist view={view} comparison={comparison} residentFindings={residentFindings} editable={editable} action={action} t={t} />
          <SuggestedScores service={service} comparison={comparison} editable={editable} language={language} t={t} />
        </>
      )}
    </div>
  );
});
