import { useMemo, useSyncExternalStore } from 'react';
import { translator } from '../../src/core/i18n';
import type { TeachingService } from '../service/TeachingService';
import { AnnotationRow } from './AnnotationRow';
import { EmptyState } from './EmptyState';

export function TeachingPanel({ service }: { service: TeachingService }) {
  const state = useSyncExternalStore(service.subscribe, service.getState);
  const t = useMemo(() => translator(state.language), [state.language]);
  const { annotations } = state;

  return (
    <div className="ohif-teaching" lang={state.language} data-testid="teaching-panel">
      <div className="ohif-teaching__header">
        <span className="ohif-teaching__title">
          {t('panel.annotations')}
          <span className="ohif-teaching__count" data-testid="teaching-annotation-count">
            {annotations.length}
          </span>
        </span>
        <button
          className="ohif-teaching__lang"
          title={t('panel.language')}
          aria-label={t('panel.language')}
          data-testid="teaching-language-toggle"
          onClick={() => service.setLanguage(state.language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('panel.languageToggle')}
        </button>
      </div>
      {annotations.length === 0 ? (
        <EmptyState t={t} />
      ) : (
        <ul className="ohif-teaching__list" role="listbox" aria-label={t('panel.annotations')}>
          {annotations.map((annotation, index) => (
            <AnnotationRow
              key={annotation.uid}
              annotation={annotation}
              position={index + 1}
              selected={annotation.uid === state.selectedUid}
              renaming={state.renaming?.uid === annotation.uid ? state.renaming : undefined}
              service={service}
              t={t}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
