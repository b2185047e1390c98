import { memo } from 'react';
import type { Language, Translate } from '../../src/core/i18n';
import { ROLE_LABELS } from '../../src/core/labels/peopleLabels';
import type { TeachingService } from '../service/TeachingService';
import { HOST } from './hostClasses';
import { SignOutIcon, UserIcon } from './icons';
import { inLanguage } from './inLanguage';
import { useTeaching } from './useTeaching';

interface Props {
  service: TeachingService;
  language: Language;
  t: Translate;
}

/** Who is signed in and as what; the language switch; signing out. */
export const AccountBar = memo(function AccountBar({ service, language, t }: Props) {
  const me = useTeaching(service, state => state.me);
  const signOutError = useTeaching(service, state => state.signOutError);

  return (
    <>
      <div className={HOST.accountBar} data-testid="teaching-account">
        <span className={HOST.accountIcon}>
          <UserIcon />
        </span>
        {me ? (
          <span className={HOST.accountText}>
            <span className="text-foreground" data-testid="teaching-account-name">
              {me.name}
            </span>
            <span className="ohif-teaching__sep" aria-hidden="true">
              ·
            </span>
            <span data-testid="teaching-account-role">{inLanguage(ROLE_LABELS[me.role], language)}</span>
          </span>
        ) : (
          <span className={HOST.accountText}>{t('account.loading')}</span>
        )}
        <button
          className={HOST.textButton}
          title={t('panel.language')}
          aria-label={t('panel.language')}
          data-testid="teaching-language-toggle"
          onClick={() => service.setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('panel.languageToggle')}
        </button>
        {me?.via === 'cookie' && (
          <button
            className={HOST.iconButton(true)}
            title={t('account.signOut')}
            aria-label={t('account.signOut')}
            data-testid="teaching-sign-out"
            onClick={() => void service.signOut()}
          >
            <SignOutIcon />
          </button>
        )}
      </div>
      {signOutError && (
        <div className="ohif-teaching__notice ohif-teaching__notice--danger" role="alert">
          {t('account.signOutFailed', { message: inLanguage(signOutError, language) })}
        </div>
      )}
    </>
  );
});
