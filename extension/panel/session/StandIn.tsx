import { memo, useState, type FormEvent } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';

interface Props {
  service: TeachingService;
  language: Language;
  t: Translate;
}

/**
 * The tutor taking over scoring at the resident's workstation (the guide's one-on-one teaching):
 * their own username and password, then a banner that says who scores here until they hand back.
 */
export const StandIn = memo(function StandIn({ service, language, t }: Props) {
  const standIn = useTeaching(service, state => state.standIn);
  const action = useTeaching(service, state => state.standInAction);
  const me = useTeaching(service, state => state.me);
  const session = useTeaching(service, state => state.session);
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const notice = (action.state === 'refused' || action.state === 'ended') && (
    <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert" data-testid="teaching-stand-in-notice">
      <span className="min-w-0 flex-1">{action.state === 'refused' ? t('standIn.refused', { message: inLanguage(action.messages, language) }) : inLanguage(action.messages, language)}</span>
      <button className={HOST.textButton} onClick={() => service.dismissStandInNotice()}>
        {t('queue.dismiss')}
      </button>
    </div>
  );

  if (standIn) {
    return (
      <div className="ohif-teaching__notice ohif-teaching__notice--stand-in" role="status" data-testid="teaching-stand-in-active">
        <span className="min-w-0 flex-1">
          <span className="ohif-teaching__line" data-testid="teaching-stand-in-tutor">
            {t('standIn.active', { name: standIn.name })}
          </span>
          {me && <span className="ohif-teaching__hint ohif-teaching__line">{t('standIn.signedIn', { name: me.name })}</span>}
        </span>
        <button className={HOST.textButton} data-testid="teaching-stand-in-hand-back" disabled={action.state === 'handingBack'} onClick={() => void service.handBack()}>
          {action.state === 'handingBack' ? t('standIn.handingBack') : t('standIn.handBack')}
        </button>
      </div>
    );
  }
  // Only where someone signed in here with a password works with a tutor at their side.
  if (me?.via !== 'cookie' || me.role !== 'resident' || session.status !== 'open') return notice || null;

  const checking = action.state === 'checking';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await service.takeOver(username.trim(), password);
    setPassword('');
    if (service.getState().standIn) setOpen(false);
  };

  return (
    <>
      {notice}
      {open ? (
        <form className="ohif-teaching__stage ohif-teaching__stand-in-form" data-testid="teaching-stand-in-form" onSubmit={event => void submit(event)}>
          <div className="ohif-teaching__field-head">{t('standIn.open')}</div>
          <div className="ohif-teaching__hint">{t('standIn.explain')}</div>
          <label className="ohif-teaching__field">
            <span className="ohif-teaching__field-head">{t('standIn.username')}</span>
            <input
              className="ohif-teaching__input"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              value={username}
              required
              data-testid="teaching-stand-in-username"
              onChange={event => setUsername(event.target.value)}
            />
          </label>
          <label className="ohif-teaching__field">
            <span className="ohif-teaching__field-head">{t('standIn.password')}</span>
            {/* Not this browser's account: nothing to offer or remember. */}
            <input
              className="ohif-teaching__input"
              type="password"
              autoComplete="off"
              value={password}
              required
              data-testid="teaching-stand-in-password"
              onChange={event => setPassword(event.target.value)}
            />
          </label>
          <div className="ohif-teaching__actions">
            <button type="button" className={HOST.textButton} onClick={() => setOpen(false)}>
              {t('standIn.cancel')}
            </button>
            <button type="submit" className={HOST.textButton} disabled={checking || username.trim() === '' || password === ''} data-testid="teaching-stand-in-submit">
              {checking ? t('standIn.checking') : t('standIn.submit')}
            </button>
          </div>
        </form>
      ) : (
        <div className="ohif-teaching__stand-in-open">
          <button className={HOST.textButton} data-testid="teaching-stand-in-open" onClick={() => setOpen(true)}>
            {t('standIn.open')}
          </button>
        </div>
      )}
    </>
  );
});
