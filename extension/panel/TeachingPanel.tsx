import { useMemo, useSyncExternalStore } from 'react';
import { translator } from '../../src/core/i18n';
import type { TeachingService } from '../service/TeachingService';
import { AnnotationRow } from './AnnotationRow';
import { EmptyState } from './EmptyState';
import { HOST } from './hostClasses';

export function TeachingPanel({ service }: { service: TeachingService }) {
  const state = useSyncExternalStore(service.subscribe, service.getState);
  const t = useMemo(() => translator(state.language), [state.language]);
  const { annotations } = state;

  return (
    <div className="ohif-teaching text-foreground" lang={state.language} data-testid="teaching-panel">
      <div className={HOST.sectionHeader}>
        <span>
          {t('panel.annotations')} (<span data-testid="teaching-annotation-count">{annotations.length}</span>)
        </span>
        <button
          className={HOST.textButton}
          title={t('panel.language')}
          aria-label={t('panel.language')}
          data-testid="teaching-language-toggle"
          onClick={() => service.setLanguage(state.language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('panel.languageToggle')}
        </button>
      </div>
      <div className="ohif-teaching__scroll">
        {annotations.length === 0 ? (
          <EmptyState t={t} />
        ) : (
          <div className={HOST.rowList} role="listbox" aria-label={t('panel.annotations')}>
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
          </div>
        )}
      </div>
    </div>
  );
}
