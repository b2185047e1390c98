import { memo, useState } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import { PREPARATION_ITEM_LABELS } from '../../../src/core/labels/workLabels';
import { tryCommand } from '../../../src/core/rules/applyCommand';
import type { SessionCommand } from '../../../src/core/rules/sessionCommand';
import type { Actor } from '../../../src/core/session/people';
import { PREPARATION_ITEMS, type PreparationItem } from '../../../src/core/session/preparation';
import type { TeachingSession } from '../../../src/core/session/session';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useProjectedSession } from '../useProjectedSession';
import { useTeaching } from '../useTeaching';

/** Whether the rules take the command from this person now, and their refusal in the person's language when not. */
function dryRun(session: TeachingSession, actor: Actor | undefined, command: SessionCommand, language: Language): { ok: true } | { ok: false; why: string } {
  if (!actor) return { ok: false, why: '' };
  const outcome = tryCommand(session, command, actor, new Date().toISOString());
  return outcome.ok ? { ok: true } : { ok: false, why: inLanguage(outcome.problem.message, language) };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as the department's clock on the wall reads it: date and minute, local time. */
function localMinute(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * The session's preparation (guide 3.3 and, for a real-time case, 3.1): the resident's checklist,
 * ticked by the resident, and whether the patient was told of the teaching, recorded by whom the
 * rules allow. What the rules refuse this person is shown, not offered.
 */
export const Preparation = memo(function Preparation({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const session = useProjectedSession(service);
  const actor = useTeaching(service, state => state.actor);
  const [informedWhen, setInformedWhen] = useState('');
  // Open while something is left to do when it first shows, then as the person leaves it: ticking
  // the last item must not fold it away under their pointer.
  const [open, setOpen] = useState<boolean>();
  if (!session) return null;
  const { checklist, patientInformedAt } = session.preparation;
  const done = PREPARATION_ITEMS.filter(item => checklist[item]).length;
  const ticking = dryRun(session, actor, { type: 'savePreparation', checklist }, language);
  const informedAt = informedWhen ? new Date(informedWhen).toISOString() : undefined;
  const informing = session.realTime && !patientInformedAt ? dryRun(session, actor, { type: 'recordPatientInformed', informedAt }, language) : undefined;
  const tick = (item: PreparationItem, value: boolean) => service.send({ type: 'savePreparation', checklist: { ...checklist, [item]: value } });

  return (
    <details className="ohif-teaching__prep" data-testid="teaching-preparation" open={open ?? done < PREPARATION_ITEMS.length} onToggle={event => setOpen(event.currentTarget.open)}>
      <summary data-testid="teaching-preparation-summary">
        <span className="flex-1">{t('preparation.title')}</span>
        <span data-testid="teaching-preparation-progress">{t('preparation.progress', { done, total: PREPARATION_ITEMS.length })}</span>
      </summary>
      <div className="ohif-teaching__stage">
        <fieldset className="ohif-teaching__field" title={ticking.ok ? undefined : ticking.why}>
          <legend className="ohif-teaching__hint">{t('preparation.checklist')}</legend>
          {PREPARATION_ITEMS.map(item => (
            <label key={item} className="ohif-teaching__check" data-testid="teaching-preparation-item" data-item={item}>
              <input type="checkbox" checked={checklist[item]} disabled={!ticking.ok} onChange={event => tick(item, event.target.checked)} />
              <span>{inLanguage(PREPARATION_ITEM_LABELS[item], language)}</span>
            </label>
          ))}
        </fieldset>
        {session.realTime && (
          <div className="ohif-teaching__field" data-testid="teaching-patient-informed" data-informed={patientInformedAt ? 'yes' : 'no'}>
            <span className="ohif-teaching__hint">{t('preparation.patient')}</span>
            <span className="ohif-teaching__check">
              {patientInformedAt ? t('preparation.patientInformedAt', { time: localMinute(patientInformedAt) }) : t('preparation.patientNotInformed')}
            </span>
            {informing?.ok && <span className="ohif-teaching__hint">{t('preparation.informedWhen')}</span>}
            {informing?.ok && (
              <div className="ohif-teaching__rename">
                <input
                  type="datetime-local"
                  className="ohif-teaching__input"
                  aria-label={t('preparation.informedWhen')}
                  title={t('preparation.informedWhen')}
                  value={informedWhen}
                  data-testid="teaching-patient-informed-at"
                  onChange={event => setInformedWhen(event.target.value)}
                />
                <button className={HOST.textButton} data-testid="teaching-record-patient-informed" onClick={() => service.send({ type: 'recordPatientInformed', informedAt })}>
                  {t('preparation.recordInformed')}
                </button>
              </div>
            )}
          </div>
        )}
      </div>
    </details>
  );
});
