import { memo } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import { CLOCK_STATUS_LABELS } from '../../../src/core/labels/clockLabels';
import { isResidentOf, isTutorOf } from '../../../src/core/rules/permissions';
import { clockStatus, elapsedMs, TARGET_MINUTES } from '../../../src/core/session/sessionClock';
import type { ClockCommand, TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { ClockIcon, PauseIcon, PlayIcon } from '../icons';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';
import { useNow } from './useNow';

const pad = (value: number) => String(value).padStart(2, '0');

function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours ? `${hours}:${pad(minutes)}` : minutes}:${pad(seconds % 60)}`;
}

/**
 * The session clock, always in view: time on the clock against the guide's 30–45 minutes, a gentle
 * notice once past 45, and start, pause and resume for the session's resident and tutor.
 */
export const SessionClock = memo(function SessionClock({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const action = useTeaching(service, state => state.clockAction);
  const status = record ? clockStatus(record.session.timer) : 'notStarted';
  const now = useNow(1000, status === 'running');
  if (!record) return null;

  const elapsed = elapsedMs(record.session.timer, now);
  const over = elapsed > TARGET_MINUTES.max * 60_000;
  const participant = actor !== undefined && (isResidentOf(actor, record.session) || isTutorOf(actor, record.session));
  const next: { command: ClockCommand; label: string; icon: JSX.Element } | undefined = record.session.signOff
    ? undefined
    : status === 'notStarted'
      ? { command: 'startClock', label: t('session.start'), icon: <PlayIcon /> }
      : status === 'running'
        ? { command: 'pauseClock', label: t('session.pause'), icon: <PauseIcon /> }
        : status === 'paused'
          ? { command: 'resumeClock', label: t('session.resume'), icon: <PlayIcon /> }
          : undefined;

  return (
    <>
      <div className={HOST.accountBar} data-testid="teaching-clock" data-status={status} aria-label={t('session.clock')}>
        <span className={`flex-shrink-0 ${over ? 'ohif-teaching__warn' : 'text-primary'}`}>
          <ClockIcon />
        </span>
        <span className={HOST.accountText} title={t('session.targetTitle', { min: TARGET_MINUTES.min, max: TARGET_MINUTES.max })}>
          <span className={`ohif-teaching__clock ${over ? 'ohif-teaching__warn' : 'text-foreground'}`} data-testid="teaching-clock-elapsed">
            {formatElapsed(elapsed)}
          </span>{' '}
          <span>{t('session.target', { min: TARGET_MINUTES.min, max: TARGET_MINUTES.max })}</span>
          <span className="ohif-teaching__sep" aria-hidden="true">
            ·
          </span>
          <span data-testid="teaching-clock-status">{inLanguage(CLOCK_STATUS_LABELS[status], language)}</span>
        </span>
        {participant && next && (
          <button
            className={HOST.iconButton(true)}
            title={next.label}
            aria-label={next.label}
            disabled={action.state === 'sending'}
            data-testid="teaching-clock-action"
            data-command={next.command}
            onClick={() => void service.runClock(next.command)}
          >
            {next.icon}
          </button>
        )}
      </div>
      {over && status !== 'ended' && (
        <div className="ohif-teaching__notice" role="status" data-testid="teaching-clock-over">
          {t('session.overTarget', { max: TARGET_MINUTES.max })}
        </div>
      )}
      {action.state === 'refused' && (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="teaching-clock-refused">
          {t('session.actionRefused', { message: inLanguage(action.messages, language) })}
        </div>
      )}
    </>
  );
});
