import { memo, useState } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import { chinaDateTime } from '../../../src/core/progress/chinaCalendar';
import { tryCommand } from '../../../src/core/rules/applyCommand';
import { isResidentOf, isTutorOf } from '../../../src/core/rules/permissions';
import type { TeachingSession } from '../../../src/core/session/session';
import type { Actor } from '../../../src/core/session/people';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useProjectedSession } from '../useProjectedSession';
import { useTeaching } from '../useTeaching';

/** Why the rules would refuse `actor` signing the session off now, or undefined when they would allow it. */
function signOffRefusal(session: TeachingSession, actor: Actor) {
  const outcome = tryCommand(session, { type: 'signOff' }, actor, new Date().toISOString());
  return outcome.ok ? undefined : outcome.problem.message;
}

/** Opens the score sheet in a new tab, which prints itself. */
function PrintScoreSheet({ service, t }: { service: TeachingService; t: Translate }) {
  return (
    <button
      className={HOST.textButton}
      data-testid="teaching-print-score-sheet"
      onClick={() => {
        const url = service.scoreSheetUrl(true);
        if (url) window.open(url, '_blank', 'noopener');
      }}
    >
      {t('print.action')}
    </button>
  );
}

/**
 * Sign-off: before it, the tutor's action with the rules' reason while it is not yet possible (the
 * stages still unscored, say) and a confirmation before it goes; after it, who signed and when, and
 * that nothing can be edited any more. The tutor prints the score sheet at any time, the resident
 * once it is signed.
 */
export const SignOff = memo(function SignOff({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const session = useProjectedSession(service);
  const actor = useTeaching(service, state => state.actor);
  const me = useTeaching(service, state => state.me);
  const [confirming, setConfirming] = useState(false);
  if (!session || !actor) return null;
  const tutor = isTutorOf(actor, session);
  const signed = session.signOff;

  if (signed) {
    const name = signed.by === actor.id && me ? me.name : t('signOff.theTutor');
    return (
      <div className="ohif-teaching__notice ohif-teaching__signed ohif-teaching__stacked" role="status" data-testid="teaching-signed-off">
        <div className="min-w-0">
          <div className="text-foreground" data-testid="teaching-signed-by">
            {t('signOff.signedBy', { name, at: chinaDateTime(signed.at) })}
          </div>
          <div>{t('signOff.locked')}</div>
        </div>
        {(tutor || isResidentOf(actor, session) || actor.role === 'admin') && <PrintScoreSheet service={service} t={t} />}
      </div>
    );
  }
  if (!tutor) return null;

  const refusal = signOffRefusal(session, actor);
  const reasonId = 'teaching-sign-off-refusal';
  return (
    <div className="ohif-teaching__sign-off" data-testid="teaching-sign-off">
      {confirming && !refusal ? (
        <div className="ohif-teaching__notice ohif-teaching__stacked" role="alertdialog" aria-labelledby="teaching-sign-off-question" data-testid="teaching-sign-off-confirmation">
          <span id="teaching-sign-off-question" className="min-w-0 text-foreground">
            {t('signOff.confirm')}
          </span>
          <div className="ohif-teaching__buttons">
            <button
              className={HOST.textButton}
              data-testid="teaching-sign-off-confirm"
              onClick={() => {
                service.send({ type: 'signOff' });
                setConfirming(false);
              }}
            >
              {t('signOff.confirmYes')}
            </button>
            <button className={HOST.textButton} data-testid="teaching-sign-off-cancel" onClick={() => setConfirming(false)}>
              {t('signOff.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="ohif-teaching__field-head">
          <button
            className={HOST.textButton}
            disabled={!!refusal}
            title={refusal ? inLanguage(refusal, language) : undefined}
            aria-describedby={refusal ? reasonId : undefined}
            data-testid="teaching-sign-off-action"
            onClick={() => setConfirming(true)}
          >
            {t('signOff.action')}
          </button>
          <span className="flex-1" />
          <PrintScoreSheet service={service} t={t} />
        </div>
      )}
      {refusal && (
        <div id={reasonId} className="ohif-teaching__hint" data-testid="teaching-sign-off-refusal">
          {inLanguage(refusal, language)}
        </div>
      )}
    </div>
  );
});
