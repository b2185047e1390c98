import { memo } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { AlertIcon, SavedIcon, SpinnerIcon } from '../icons';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';

/**
 * Where the person's typed work is: saved, on its way, or waiting offline in the local draft; and,
 * when it met a change made elsewhere or the rules refused it, what happened and the choice.
 */
export const WorkStatus = memo(function WorkStatus({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const status = useTeaching(service, state => state.sessionSave);
  const session = useTeaching(service, state => state.session);
  if (session.status !== 'open' || !session.drawing) return null;
  switch (status.state) {
    case 'saved':
      return (
        <div className="ohif-teaching__work-status" role="status" data-testid="teaching-work-status" data-state="saved">
          <SavedIcon /> {t('queue.saved')}
        </div>
      );
    case 'saving':
      return (
        <div className="ohif-teaching__work-status" role="status" data-testid="teaching-work-status" data-state="saving">
          <SpinnerIcon /> {t('queue.saving', { count: status.waiting })}
        </div>
      );
    case 'awaitingDrawings':
      return (
        <div className="ohif-teaching__work-status" role="status" data-testid="teaching-work-status" data-state="awaiting-drawings">
          <SpinnerIcon /> {t('queue.awaitingDrawings', { count: status.waiting })}
        </div>
      );
    case 'offline':
      return (
        <div className="ohif-teaching__work-status ohif-teaching__warn" role="status" data-testid="teaching-work-status" data-state="offline" title={inLanguage(status.messages, language)}>
          <AlertIcon /> {t('queue.offline', { count: status.waiting })}
        </div>
      );
    case 'conflict':
      return (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="teaching-work-status" data-state="conflict">
          <span>{t('queue.conflict', { message: inLanguage(status.messages, language) })}</span>
          <button className={HOST.textButton} data-testid="teaching-keep-mine" onClick={() => service.resolveConflict('mine')}>
            {t('queue.keepMine')}
          </button>
          <button className={HOST.textButton} data-testid="teaching-take-theirs" onClick={() => service.resolveConflict('theirs')}>
            {t('queue.takeTheirs')}
          </button>
        </div>
      );
    case 'refused':
      return (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="teaching-work-status" data-state="refused">
          <span>{t('queue.refused', { message: inLanguage(status.messages, language) })}</span>
          <button className={HOST.textButton} data-testid="teaching-dismiss-refusal" onClick={() => service.dismissRefusal()}>
            {t('queue.dismiss')}
          </button>
        </div>
      );
  }
});
