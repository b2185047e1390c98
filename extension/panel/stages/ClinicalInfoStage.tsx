import { memo, useEffect, useMemo } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import { CLINICAL_ITEM_LABELS, CLINICAL_ITEM_STATUS_LABELS, INFORMATION_SOURCE_LABELS } from '../../../src/core/labels/workLabels';
import { isResidentOf } from '../../../src/core/rules/permissions';
import { clinicalPrefill, CLINICAL_PREFILL_LABELS, itemsFromImages, prefillClinicalWork } from '../../../src/core/session/headerFacts';
import {
  CLINICAL_ITEM_STATUSES,
  CLINICAL_ITEMS,
  clinicalInfoWork,
  INFORMATION_SOURCES,
  type ClinicalInfoWork,
  type ClinicalItem,
  type ClinicalItemId,
} from '../../../src/core/session/stageWork';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';

const isEmpty = (work: ClinicalInfoWork) => work.summary.trim() === '' && CLINICAL_ITEMS.every(item => work.items[item].text.trim() === '' && work.items[item].status === 'available');

function withStatus(item: ClinicalItem, status: ClinicalItem['status']): ClinicalItem {
  if (status === 'obtained') return { status, text: item.text, from: item.status === 'obtained' ? item.from : 'patient' };
  return { status, text: item.text };
}

/**
 * Stage 4.1: the clinical information, prefilled from the study's header where it carries it
 * (marked as taken from the images until the resident changes it), every item flaggable as missing
 * and later obtained from the patient or the referring doctor, and the summary for the report.
 */
export const ClinicalInfoStage = memo(function ClinicalInfoStage({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const pending = useTeaching(service, state => state.work['4.1']);
  const stage = record?.session.stages['4.1'];
  // What the resident is typing may not be valid work yet (obtained, but not yet said what): it is
  // shown as typed, and only valid work is sent.
  const work = (pending ?? stage?.work) as ClinicalInfoWork | undefined;
  const editable = !!record && !!actor && isResidentOf(actor, record.session) && stage?.status === 'draft' && !record.session.signOff;
  const prefill = useMemo(() => clinicalPrefill(service.studyHeaders()?.study), [service, record?.session.id]);
  const fromImages = useMemo(() => new Set(work ? itemsFromImages(work, prefill, language) : []), [work, prefill, language]);

  useEffect(() => {
    // Prefilled once, the first time the resident opens an empty stage: from then on it is their work.
    if (editable && work && isEmpty(work) && prefill.length > 0) service.editWork('4.1', prefillClinicalWork(work, prefill, language), true);
  }, [editable, work, prefill, language, service]);

  if (!record || !work) return null;
  const edit = (next: ClinicalInfoWork) => service.editWork('4.1', next, clinicalInfoWork.safeParse(next).success);
  const setItem = (id: ClinicalItemId, item: ClinicalItem) => edit({ ...work, items: { ...work.items, [id]: item } });
  const missing = CLINICAL_ITEMS.filter(id => work.items[id].status === 'missing');
  const context = prefill.filter(item => item.target === null);

  return (
    <div className="ohif-teaching__stage" data-testid="teaching-stage-4.1">
      {context.length > 0 && (
        <dl className="ohif-teaching__facts" data-testid="teaching-header-facts">
          {context.map(item => (
            <div key={item.key}>
              <dt>{inLanguage(CLINICAL_PREFILL_LABELS[item.key], language)}</dt>
              <dd>{inLanguage(item.value, language)}</dd>
            </div>
          ))}
        </dl>
      )}
      {missing.length > 0 && (
        <div className="ohif-teaching__notice" role="status" data-testid="teaching-missing-items">
          {t('clinical.missing', { items: missing.map(id => inLanguage(CLINICAL_ITEM_LABELS[id], language)).join(language === 'en' ? ', ' : '、') })}
        </div>
      )}
      {CLINICAL_ITEMS.map(id => {
        const item = work.items[id];
        return (
          <div key={id} className="ohif-teaching__field" data-testid="teaching-clinical-item" data-item={id} data-status={item.status}>
            <div className="ohif-teaching__field-head">
              <label htmlFor={`teaching-clinical-${id}`}>{inLanguage(CLINICAL_ITEM_LABELS[id], language)}</label>
              {fromImages.has(id) && (
                <span className="ohif-teaching__tag" data-testid="teaching-from-images">
                  {t('clinical.fromImages')}
                </span>
              )}
              <select
                className="ohif-teaching__select"
                aria-label={t('clinical.status')}
                value={item.status}
                disabled={!editable}
                data-testid="teaching-clinical-status"
                onChange={event => setItem(id, withStatus(item, event.target.value as ClinicalItem['status']))}
              >
                {CLINICAL_ITEM_STATUSES.map(status => (
                  <option key={status} value={status}>
                    {inLanguage(CLINICAL_ITEM_STATUS_LABELS[status], language)}
                  </option>
                ))}
              </select>
            </div>
            {item.status === 'obtained' && (
              <select
                className="ohif-teaching__select"
                aria-label={t('clinical.from')}
                value={item.from}
                disabled={!editable}
                data-testid="teaching-clinical-from"
                onChange={event => setItem(id, { ...item, from: event.target.value as (typeof INFORMATION_SOURCES)[number] })}
              >
                {INFORMATION_SOURCES.map(source => (
                  <option key={source} value={source}>
                    {t('clinical.obtainedFrom', { source: inLanguage(INFORMATION_SOURCE_LABELS[source], language) })}
                  </option>
                ))}
              </select>
            )}
            <textarea
              id={`teaching-clinical-${id}`}
              className="ohif-teaching__textarea"
              rows={2}
              value={item.text}
              readOnly={!editable}
              placeholder={item.status === 'missing' ? t('clinical.missingPlaceholder') : ''}
              data-testid="teaching-clinical-text"
              onChange={event => setItem(id, { ...item, text: event.target.value })}
            />
          </div>
        );
      })}
      <div className="ohif-teaching__field">
        <div className="ohif-teaching__field-head">
          <label htmlFor="teaching-clinical-summary">{t('clinical.summary')}</label>
        </div>
        <textarea
          id="teaching-clinical-summary"
          className="ohif-teaching__textarea"
          rows={3}
          value={work.summary}
          readOnly={!editable}
          data-testid="teaching-clinical-summary"
          onChange={event => edit({ ...work, summary: event.target.value })}
        />
      </div>
      {editable && (
        <div className="ohif-teaching__actions">
          <button className={HOST.textButton} data-testid="teaching-submit-stage" onClick={() => service.submitStage('4.1')}>
            {t('stage.submit')}
          </button>
        </div>
      )}
    </div>
  );
});
