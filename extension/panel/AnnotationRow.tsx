import type { KeyboardEvent, MouseEvent } from 'react';
import { toolName, type Translate } from '../../src/core/i18n';
import type { DrawnAnnotation } from '../service/drawnAnnotation';
import type { RenameDraft, TeachingService } from '../service/TeachingService';
import { CheckIcon, CloseIcon, PencilIcon, TrashIcon } from './icons';

interface Props {
  annotation: DrawnAnnotation;
  position: number;
  selected: boolean;
  renaming: RenameDraft | undefined;
  service: TeachingService;
  t: Translate;
}

function whereText(annotation: DrawnAnnotation, t: Translate): string {
  const parts: string[] = [];
  if (annotation.seriesNumber !== undefined) parts.push(t('row.series', { number: annotation.seriesNumber }));
  if (annotation.sliceIndex !== undefined && annotation.sliceCount !== undefined) {
    parts.push(t('row.slice', { index: annotation.sliceIndex, count: annotation.sliceCount }));
  }
  if (annotation.frameNumber !== undefined) parts.push(t('row.frame', { frame: annotation.frameNumber }));
  if (annotation.seriesDescription) parts.push(annotation.seriesDescription);
  return parts.join(' · ');
}

export function AnnotationRow({ annotation, position, selected, renaming, service, t }: Props) {
  const stop = (event: MouseEvent) => event.stopPropagation();
  const onRowKey = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      service.select(annotation.uid);
    }
  };
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') service.commitRename();
    if (event.key === 'Escape') service.cancelRename();
  };

  return (
    <li
      className="ohif-teaching__row"
      role="option"
      tabIndex={0}
      aria-selected={selected}
      data-uid={annotation.uid}
      data-testid="teaching-annotation-row"
      title={t('row.jump')}
      onClick={() => service.select(annotation.uid)}
      onKeyDown={onRowKey}
    >
      <span className="ohif-teaching__index">{position}</span>
      <div className="ohif-teaching__body">
        {renaming ? (
          <div className="ohif-teaching__rename" onClick={stop}>
            <input
              className="ohif-teaching__input"
              autoFocus
              value={renaming.text}
              placeholder={t('row.labelPlaceholder')}
              aria-label={t('row.labelPlaceholder')}
              onChange={event => service.editRename(event.target.value)}
              onKeyDown={onInputKey}
            />
            <button className="ohif-teaching__icon-button" aria-label={t('row.save')} title={t('row.save')} onClick={() => service.commitRename()}>
              <CheckIcon />
            </button>
            <button className="ohif-teaching__icon-button" aria-label={t('row.cancel')} title={t('row.cancel')} onClick={() => service.cancelRename()}>
              <CloseIcon />
            </button>
          </div>
        ) : (
          <div className="ohif-teaching__line">
            <span
              className={`ohif-teaching__label${annotation.label ? '' : ' ohif-teaching__label--empty'}`}
              data-testid="teaching-annotation-label"
            >
              {annotation.label || t('row.unlabelled')}
            </span>
            <span className="ohif-teaching__value" data-testid="teaching-annotation-value">
              {annotation.values.join(' · ')}
            </span>
          </div>
        )}
        <div className="ohif-teaching__meta" data-testid="teaching-annotation-meta">
          {toolName(t, annotation.toolName)}
          {' · '}
          {whereText(annotation, t)}
        </div>
      </div>
      {!renaming && (
        <div className="ohif-teaching__actions" onClick={stop}>
          <button className="ohif-teaching__icon-button" aria-label={t('row.rename')} title={t('row.rename')} onClick={() => service.startRename(annotation.uid)}>
            <PencilIcon />
          </button>
          <button
            className="ohif-teaching__icon-button ohif-teaching__icon-button--danger"
            aria-label={t('row.delete')}
            title={t('row.delete')}
            onClick={() => service.remove(annotation.uid)}
          >
            <TrashIcon />
          </button>
        </div>
      )}
    </li>
  );
}
