import { memo } from 'react';
import type { Language, Translate } from '../../src/core/i18n';
import type { TeachingService } from '../service/TeachingService';
import { HOST } from './hostClasses';
import { inLanguage } from './inLanguage';
import { useTeaching } from './useTeaching';

interface Props {
  service: TeachingService;
  language: Language;
  t: Translate;
}

/** What the person must know about where their drawings go, when it is not simply "saved". */
export const RecordsNotice = memo(function RecordsNotice({ service, language, t }: Props) {
  const session = useTeaching(service, state => state.session);
  const save = useTeaching(service, state => state.save);
  const unplaced = useTeaching(service, state => state.unplaced);

  const notices: JSX.Element[] = [];
  if (session.status === 'loading') notices.push(<div key="loading" className="ohif-teaching__notice">{t('records.loading')}</div>);
  if (session.status === 'none') notices.push(<div key="none" className="ohif-teaching__notice">{t('records.noSession')}</div>);
  if (session.status === 'open' && !session.drawing) notices.push(<div key="view" className="ohif-teaching__notice">{t('records.viewOnly')}</div>);
  if (session.status === 'unavailable') {
    notices.push(
      <div key="unavailable" className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert">
        {t('records.unavailable', { message: inLanguage(session.messages, language) })}
      </div>,
    );
  }
  if (save.state === 'conflict') {
    notices.push(
      <div key="conflict" className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert">
        <span>{t('save.conflictHint')}</span>
        <button className={HOST.textButton} data-testid="teaching-reload" onClick={() => service.reload()}>
          {t('save.reload')}
        </button>
      </div>,
    );
  }
  if (save.state === 'refused') {
    notices.push(
      <div key="refused" className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert">
        {t('save.refused', { message: inLanguage(save.messages, language) })}
      </div>,
    );
  }
  if (unplaced > 0) notices.push(<div key="unplaced" className="ohif-teaching__notice">{t('records.unplaced', { count: unplaced })}</div>);

  return notices.length ? <div data-testid="teaching-records-notice">{notices}</div> : null;
});
