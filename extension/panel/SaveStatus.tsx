import { memo } from 'react';
import type { Translate } from '../../src/core/i18n';
import type { SaveStatus as Status } from '../service/annotationSync';
import type { TeachingService } from '../service/TeachingService';
import { AlertIcon, SavedIcon, SpinnerIcon } from './icons';
import { useTeaching } from './useTeaching';

/** How a save status reads: its words, its tone and its icon (also for a case's reference drawings). */
export function saveStatusView(save: Status, t: Translate): { text: string; tone: string; icon: JSX.Element } {
  switch (save.state) {
    case 'saved':
      return { text: t('save.saved'), tone: '', icon: <SavedIcon /> };
    case 'saving':
      return { text: t('save.saving'), tone: '', icon: <SpinnerIcon /> };
    case 'retrying':
      return { text: t('save.retrying', { count: save.waiting }), tone: ' ohif-teaching__warn', icon: <AlertIcon /> };
    case 'conflict':
      return { text: t('save.conflict', { count: save.uids.length }), tone: ' ohif-teaching__alarm', icon: <AlertIcon /> };
    case 'refused':
      return { text: t('save.notSaved'), tone: ' ohif-teaching__alarm', icon: <AlertIcon /> };
  }
}

/** Whether the person's drawings are on the server: shown only where they are saved at all. */
export const SaveStatus = memo(function SaveStatus({ service, t }: { service: TeachingService; t: Translate }) {
  const session = useTeaching(service, state => state.session);
  const save = useTeaching(service, state => state.save);
  if (session.status !== 'open' || !session.drawing) return null;
  const { text, tone, icon } = saveStatusView(save, t);
  return (
    <span className={`ohif-teaching__status${tone}`} role="status" data-testid="teaching-save-status" data-state={save.state}>
      {icon}
      <span>{text}</span>
    </span>
  );
});
