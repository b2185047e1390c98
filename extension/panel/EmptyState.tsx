import type { Translate } from '../../src/core/i18n';
import { RulerIcon } from './icons';

export function EmptyState({ t }: { t: Translate }) {
  return (
    <div className="ohif-teaching__empty" data-testid="teaching-empty">
      <span className="ohif-teaching__empty-icon">
        <RulerIcon />
      </span>
      <div className="ohif-teaching__empty-title">{t('empty.title')}</div>
      <div>{t('empty.body')}</div>
    </div>
  );
}
