import { memo, useEffect, useRef, useState } from 'react';
import type { Language, MessageKey, Translate } from '../../../src/core/i18n';
import { STAGES } from '../../../src/core/rubric/rubricSchema';
import { isResidentOf } from '../../../src/core/rules/permissions';
import { diagnosisWork, type DiagnosisWork } from '../../../src/core/session/stageWork';
import type { PriorView, TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { DownIcon, TrashIcon, UpIcon } from '../icons';
import { useTeaching } from '../useTeaching';

type Differential = DiagnosisWork['differentials'][number];
type TextField = 'finalDiagnosis' | 'nature' | 'extentOrStage' | 'changeFromPrior';

/** The single texts of the diagnosis, in the guide's order after the differentials. */
const TEXT_FIELDS: ReadonlyArray<{ field: TextField; testId: string; label: MessageKey; placeholder?: MessageKey; rows: number }> = [
  { field: 'finalDiagnosis', testId: 'teaching-final-diagnosis', label: 'diagnosis.finalDiagnosis', rows: 2 },
  { field: 'nature', testId: 'teaching-nature', label: 'diagnosis.nature', placeholder: 'diagnosis.naturePlaceholder', rows: 2 },
  { field: 'extentOrStage', testId: 'teaching-extent-or-stage', label: 'diagnosis.extentOrStage', placeholder: 'diagnosis.extentOrStagePlaceholder', rows: 2 },
  { field: 'changeFromPrior', testId: 'teaching-change-from-prior', label: 'diagnosis.changeFromPrior', placeholder: 'diagnosis.changeFromPriorPlaceholder', rows: 2 },
];

function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

const differentialAt = (rank: number) => `[data-testid="teaching-differential"][data-rank="${rank}"]`;
const cannotExcludeAt = (number: number) => `[data-testid="teaching-cannot-exclude"][data-number="${number}"]`;

function alignmentNote(alignment: NonNullable<PriorView['alignment']>, t: Translate): string {
  switch (alignment.kind) {
    case 'sameFrame':
      return t('prior.sameFrame');
    case 'approximate':
      return t(alignment.anchor === 'headEnd' ? 'prior.headEnd' : 'prior.rangeMiddle', { shift: alignment.shiftMm.toFixed(1) });
    case 'none':
      return t(alignment.reason === 'notParallel' ? 'prior.notParallel' : 'prior.noGeometry');
  }
}

/**
 * The case's prior, named by its date and description, opened beside the current study on request
 * (guide 4.4: change against the prior), with what the slice synchronisation can and cannot claim.
 */
function PriorComparisonBox({ service, t }: { service: TeachingService; t: Translate }) {
  const prior = useTeaching(service, state => state.prior);
  const sessionId = useTeaching(service, state => state.record?.session.id);
  useEffect(() => {
    if (sessionId) void service.loadPrior();
  }, [service, sessionId]);
  if (!prior.study) return null;
  const { date, description } = prior.study;
  const busy = prior.comparison === 'opening' || prior.comparison === 'closing';
  const shown = prior.comparison === 'open' || prior.comparison === 'closing';
  return (
    <div className="ohif-teaching__prior" data-testid="teaching-prior" data-comparison={prior.comparison} data-alignment={prior.alignment?.kind ?? ''}>
      <div className="ohif-teaching__field-head">
        <span className="ohif-teaching__tag">{t('prior.heading')}</span>
        <span className="ohif-teaching__prior-name" data-testid="teaching-prior-study">
          {t('prior.study', { date: date ?? t('prior.undated'), description: description ?? '' })}
        </span>
      </div>
      <div className="ohif-teaching__actions">
        <button className={HOST.textButton} data-testid="teaching-prior-toggle" disabled={busy} onClick={() => void service.togglePriorComparison()}>
          {t(shown ? 'prior.close' : 'prior.compare')}
        </button>
      </div>
      {busy && (
        <div className="ohif-teaching__notice" role="status">
          {t(prior.comparison === 'opening' ? 'prior.opening' : 'prior.closing')}
        </div>
      )}
      {prior.comparison === 'open' && prior.alignment && (
        <div className="ohif-teaching__notice" role="status" data-testid="teaching-prior-alignment">
          {alignmentNote(prior.alignment, t)}
        </div>
      )}
      {prior.error && (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="teaching-prior-error">
          {t('prior.failed', { message: prior.error })}
        </div>
      )}
    </div>
  );
}

/**
 * Stage 4.4: the differential diagnoses ranked most likely first, each with its reasoning; the final
 * diagnosis, its nature, extent or stage and change against the prior study; and what cannot be
 * excluded. An entry just added is still empty, so not yet valid work: it is shown, and nothing is
 * sent until it is filled in or removed.
 */
export const DiagnosisStage = memo(function DiagnosisStage({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const pending = useTeaching(service, state => state.work['4.4']);
  const stage = record?.session.stages['4.4'];
  const work = (pending ?? stage?.work) as DiagnosisWork | undefined;
  const editable = !!record && !!actor && isResidentOf(actor, record.session) && stage?.status === 'draft' && !record.session.signOff;
  const root = useRef<HTMLDivElement>(null);
  // Where the keyboard goes after an entry is added, moved or removed: the list re-renders under it.
  const [focus, setFocus] = useState<string[] | undefined>(undefined);

  useEffect(() => {
    if (!focus) return;
    const target = focus
      .map(selector => root.current?.querySelector<HTMLElement>(selector))
      .find(element => element && !(element as HTMLButtonElement).disabled);
    target?.focus();
    setFocus(undefined);
  }, [focus]);

  if (!record || !work) return null;
  const valid = diagnosisWork.safeParse(work).success;
  const edit = (next: DiagnosisWork) => service.editWork('4.4', next, diagnosisWork.safeParse(next).success);
  const setDifferential = (index: number, differential: Differential) =>
    edit({ ...work, differentials: work.differentials.map((entry, at) => (at === index ? differential : entry)) });
  const moveDifferential = (index: number, to: number, button: 'up' | 'down') => {
    edit({ ...work, differentials: moved(work.differentials, index, to) });
    const other = button === 'up' ? 'down' : 'up';
    setFocus([`${differentialAt(to + 1)} [data-testid="teaching-differential-${button}"]`, `${differentialAt(to + 1)} [data-testid="teaching-differential-${other}"]`]);
  };
  const removeDifferential = (index: number) => {
    edit({ ...work, differentials: work.differentials.filter((_, at) => at !== index) });
    setFocus([`${differentialAt(index + 1)} [data-testid="teaching-differential-diagnosis"]`, `${differentialAt(index)} [data-testid="teaching-differential-diagnosis"]`, '[data-testid="teaching-add-differential"]']);
  };
  const removeCannotExclude = (index: number) => {
    edit({ ...work, cannotExclude: work.cannotExclude.filter((_, at) => at !== index) });
    setFocus([`${cannotExcludeAt(index + 1)} input`, `${cannotExcludeAt(index)} input`, '[data-testid="teaching-add-cannot-exclude"]']);
  };
  const earlierOpen = STAGES.slice(0, STAGES.indexOf('4.4')).filter(earlier => record.session.stages[earlier].status === 'draft');
  const count = work.differentials.length;

  return (
    <div className="ohif-teaching__stage" data-testid="teaching-stage-4.4" ref={root}>
      <PriorComparisonBox service={service} t={t} />
      {editable && !valid && (
        <div className="ohif-teaching__notice" role="status" data-testid="teaching-diagnosis-incomplete">
          {t('diagnosis.incomplete')}
        </div>
      )}
      <div className="ohif-teaching__field-head">
        <span>{t('diagnosis.differentials')}</span>
      </div>
      {count === 0 && !editable && <div className="ohif-teaching__notice">{t('diagnosis.noDifferentials')}</div>}
      {count > 0 && (
        <ol className="ohif-teaching__field" aria-label={t('diagnosis.differentials')}>
          {work.differentials.map((differential, index) => {
            const rank = index + 1;
            const id = `teaching-differential-${rank}`;
            return (
              <li key={index} className="ohif-teaching__field" data-testid="teaching-differential" data-rank={rank}>
                <div className="ohif-teaching__field-head">
                  <label htmlFor={id}>{t('diagnosis.differential', { rank })}</label>
                  {editable && (
                    <>
                      <button
                        className={HOST.iconButton(true)}
                        aria-label={t('diagnosis.moveUp')}
                        title={t('diagnosis.moveUp')}
                        disabled={index === 0}
                        data-testid="teaching-differential-up"
                        onClick={() => moveDifferential(index, index - 1, 'up')}
                      >
                        <UpIcon />
                      </button>
                      <button
                        className={HOST.iconButton(true)}
                        aria-label={t('diagnosis.moveDown')}
                        title={t('diagnosis.moveDown')}
                        disabled={index === count - 1}
                        data-testid="teaching-differential-down"
                        onClick={() => moveDifferential(index, index + 1, 'down')}
                      >
                        <DownIcon />
                      </button>
                      <button
                        className={`${HOST.iconButton(true)} ohif-teaching__danger`}
                        aria-label={t('diagnosis.remove')}
                        title={t('diagnosis.remove')}
                        data-testid="teaching-differential-remove"
                        onClick={() => removeDifferential(index)}
                      >
                        <TrashIcon />
                      </button>
                    </>
                  )}
                </div>
                <input
                  id={id}
                  type="text"
                  className="ohif-teaching__textarea"
                  value={differential.diagnosis}
                  readOnly={!editable}
                  placeholder={editable ? t('diagnosis.differentialPlaceholder') : ''}
                  data-testid="teaching-differential-diagnosis"
                  onChange={event => setDifferential(index, { ...differential, diagnosis: event.target.value })}
                />
                <textarea
                  className="ohif-teaching__textarea"
                  rows={2}
                  aria-label={t('diagnosis.reasoning', { rank })}
                  value={differential.reasoning}
                  readOnly={!editable}
                  placeholder={editable ? t('diagnosis.reasoningPlaceholder') : ''}
                  data-testid="teaching-differential-reasoning"
                  onChange={event => setDifferential(index, { ...differential, reasoning: event.target.value })}
                />
              </li>
            );
          })}
        </ol>
      )}
      {editable && (
        <div>
          <button
            className={HOST.textButton}
            data-testid="teaching-add-differential"
            onClick={() => {
              edit({ ...work, differentials: [...work.differentials, { diagnosis: '', reasoning: '' }] });
              setFocus([`${differentialAt(count + 1)} [data-testid="teaching-differential-diagnosis"]`]);
            }}
          >
            {t('diagnosis.addDifferential')}
          </button>
        </div>
      )}
      {TEXT_FIELDS.map(({ field, testId, label, placeholder, rows }) => (
        <div key={field} className="ohif-teaching__field">
          <div className="ohif-teaching__field-head">
            <label htmlFor={testId}>{t(label)}</label>
          </div>
          <textarea
            id={testId}
            className="ohif-teaching__textarea"
            rows={rows}
            value={work[field]}
            readOnly={!editable}
            placeholder={editable && placeholder ? t(placeholder) : ''}
            data-testid={testId}
            onChange={event => edit({ ...work, [field]: event.target.value })}
          />
        </div>
      ))}
      <div className="ohif-teaching__field-head">
        <span>{t('diagnosis.cannotExclude')}</span>
      </div>
      {work.cannotExclude.length === 0 && !editable && <div className="ohif-teaching__notice">{t('diagnosis.noCannotExclude')}</div>}
      {work.cannotExclude.length > 0 && (
        <ul className="ohif-teaching__field" aria-label={t('diagnosis.cannotExclude')}>
          {work.cannotExclude.map((entry, index) => {
            const number = index + 1;
            return (
              <li key={index} className="ohif-teaching__field-head" data-testid="teaching-cannot-exclude" data-number={number}>
                <input
                  type="text"
                  className="ohif-teaching__textarea"
                  aria-label={t('diagnosis.cannotExcludeEntry', { number })}
                  value={entry}
                  readOnly={!editable}
                  placeholder={editable ? t('diagnosis.differentialPlaceholder') : ''}
                  data-testid="teaching-cannot-exclude-text"
                  onChange={event => edit({ ...work, cannotExclude: work.cannotExclude.map((text, at) => (at === index ? event.target.value : text)) })}
                />
                {editable && (
                  <button
                    className={`${HOST.iconButton(true)} ohif-teaching__danger`}
                    aria-label={t('diagnosis.remove')}
                    title={t('diagnosis.remove')}
                    data-testid="teaching-cannot-exclude-remove"
                    onClick={() => removeCannotExclude(index)}
                  >
                    <TrashIcon />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable && (
        <div>
          <button
            className={HOST.textButton}
            data-testid="teaching-add-cannot-exclude"
            onClick={() => {
              edit({ ...work, cannotExclude: [...work.cannotExclude, ''] });
              setFocus([`${cannotExcludeAt(work.cannotExclude.length + 1)} input`]);
            }}
          >
            {t('diagnosis.addCannotExclude')}
          </button>
        </div>
      )}
      {editable && earlierOpen.length > 0 && (
        <div className="ohif-teaching__notice" role="status" data-testid="teaching-earlier-open">
          {t('diagnosis.earlierOpen', { stages: earlierOpen.join(language === 'en' ? ', ' : '、') })}
        </div>
      )}
      {editable && (
        <div className="ohif-teaching__actions">
          <button
            className={HOST.textButton}
            data-testid="teaching-submit-stage"
            disabled={!valid || earlierOpen.length > 0}
            onClick={() => service.submitStage('4.4')}
          >
            {t('stage.submit')}
          </button>
        </div>
      )}
    </div>
  );
});
