import { memo, useEffect, useState } from 'react';
import type { LocalizedText } from '../../../src/core/schema/common';
import type { CaseLibraryItem } from '../../../src/records/api/cases';
import { ApiRequestError } from '../../api/apiRequestError';
import type { TeachingService } from '../../service/TeachingService';
import type { Language, Translate } from '../../../src/core/i18n';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';

type Listed = { state: 'loading' } | { state: 'loaded'; cases: CaseLibraryItem[] } | { state: 'unavailable'; messages: LocalizedText };

/**
 * A tutor or administrator with no session on the open study: prepare it as a new teaching case,
 * or edit one already prepared from it. Residents are never offered this.
 */
export const PrepareOffer = memo(function PrepareOffer({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const session = useTeaching(service, state => state.session);
  const me = useTeaching(service, state => state.me);
  const offered = session.status === 'none' && me !== undefined && service.mayPrepareCases();
  const [listed, setListed] = useState<Listed>({ state: 'loading' });

  useEffect(() => {
    if (!offered) return;
    let current = true;
    service.casesOnStudy().then(
      cases => current && setListed({ state: 'loaded', cases }),
      (error: unknown) => current && setListed({ state: 'unavailable', messages: error instanceof ApiRequestError ? error.messages : { zh: String(error), en: String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [offered, service]);

  if (!offered) return null;
  return (
    <div className="ohif-teaching__offer" data-testid="case-prep-offer">
      <div className="ohif-teaching__empty-title">{t('casePrep.offerTitle')}</div>
      <div className="ohif-teaching__hint">{t('casePrep.offerBody')}</div>
      <div className="ohif-teaching__actions">
        <button className={HOST.textButton} data-testid="case-prepare-new" onClick={() => service.prepareCase('new')}>
          {t('casePrep.prepareNew')}
        </button>
      </div>
      {listed.state === 'loading' && <div className="ohif-teaching__hint">{t('casePrep.loadingCases')}</div>}
      {listed.state === 'unavailable' && <div className="ohif-teaching__hint">{t('casePrep.casesUnavailable', { message: inLanguage(listed.messages, language) })}</div>}
      {listed.state === 'loaded' && listed.cases.length > 0 && (
        <>
          <div className="ohif-teaching__field-head">{t('casePrep.existing')}</div>
          {listed.cases.map(item => (
            <div key={item.case.id} className="ohif-teaching__offer-case" data-testid="case-prepare-existing" data-case={item.case.id}>
              <span className="ohif-teaching__prior-name">{item.case.title}</span>
              <button className={HOST.textButton} data-testid="case-prepare-edit" onClick={() => service.prepareCase(item.case.id)}>
                {t('casePrep.edit')}
              </button>
            </div>
          ))}
        </>
      )}
    </div>
  );
});
