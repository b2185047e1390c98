import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { toolName, type Language, type Translate } from '../../src/core/i18n';
import { ROLE_LABELS } from '../../src/core/labels/peopleLabels';
import type { Role } from '../../src/core/session/people';
import { AUTHOR_COLOURS, type AuthorRole } from '../host/annotationStyle';
import type { DrawnAnnotation } from '../service/drawnAnnotation';
import type { RenameDraft, TeachingService } from '../service/TeachingService';
import { HOST } from './hostClasses';
import { CheckIcon, CloseIcon, LockIcon, PencilIcon, TrashIcon } from './icons';
import { inLanguage } from './inLanguage';
import { useTeaching } from './useTeaching';

interface Props {
  annotation: DrawnAnnotation;
  position: number;
  selected: boolean;
  renaming: RenameDraft | undefined;
  /** Set when someone else drew it: shown, not changed from here. */
  drawnBy: Role | undefined;
  service: TeachingService;
  language: Language;
  t: Translate;
}

function whereText(annotation: DrawnAnnotation, t: Translate): string {
  const parts: string[] = [];
  if (annotation.seriesNumber !== undefined) parts.push(t('row.series', { number: annotation.seriesNumber }));
  if (annotation.sliceIndex !== undefined && annotation.sliceCount !== undefined) {
    parts.push(t('row.slice', { index: annotation.sliceIndex, count: annotation.sliceCount }));
  }
  if (annotation.frameNumber !== undefined) parts.push(t('row.frame', { frame: annotation.frameNumber }));
  return parts.join(' · ');
}

/** Who drew it, with the colour it has on the images. */
function AuthorBadge({ author, language, t }: { author: AuthorRole; language: Language; t: Translate }) {
  return (
    <div
      className="ohif-teaching__author"
      data-testid="teaching-annotation-author"
      data-role={author}
      title={t('author.drewThis', { role: inLanguage(ROLE_LABELS[author], language) })}
    >
      <span className="ohif-teaching__author-marker" style={{ background: AUTHOR_COLOURS[author] }} aria-hidden="true" />
      <span style={{ color: AUTHOR_COLOURS[author] }}>{t(author === 'tutor' ? 'author.tutor' : 'author.resident')}</span>
    </div>
  );
}

/** Memoised: a change to one annotation re-renders its row only. */
export const AnnotationRow = memo(function AnnotationRow({ annotation, position, selected, renaming, drawnBy, service, language, t }: Props) {
  const author = useTeaching(service, state => state.authors.get(annotation.uid));
  const signedOff = useTeaching(service, state => Boolean(state.record?.session.signOff));
  const locked = drawnBy !== undefined || signedOff;
  const stop = (event: MouseEvent) => event.stopPropagation();
  const onRowKey = (event: KeyboardEvent<HTMLDivElement>) => {
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
    <div className={HOST.row} role="option" aria-selected={selected} data-uid={annotation.uid} data-author={author} data-testid="teaching-annotation-row">
      <div
        className={`${HOST.rowMain(selected)} ohif-teaching__row`}
        tabIndex={0}
        title={t('row.jump')}
        onClick={() => service.select(annotation.uid)}
        onKeyDown={onRowKey}
      >
        <div className={HOST.rowHover} />
        <div className={HOST.rowNumber(selected)}>{position}</div>
        <div className={HOST.rowTitleBox}>
          {renaming ? (
            <div className="ohif-teaching__rename" onClick={stop}>
              <input
                className="ohif-teaching__input"
                autoFocus
                value={renaming.text}
                placeholder={t('row.labelPlaceholder')}
                aria-label={t('row.labelPlaceholder')}
                data-testid="teaching-rename-input"
                onChange={event => service.editRename(event.target.value)}
                onKeyDown={onInputKey}
              />
              <button className={HOST.iconButton(true)} aria-label={t('row.save')} title={t('row.save')} onClick={() => service.commitRename()}>
                <CheckIcon />
              </button>
              <button className={HOST.iconButton(true)} aria-label={t('row.cancel')} title={t('row.cancel')} onClick={() => service.cancelRename()}>
                <CloseIcon />
              </button>
            </div>
          ) : (
            <span
              className={`${HOST.rowTitle(selected)}${annotation.label ? '' : ' ohif-teaching__untitled'}`}
              data-testid="teaching-annotation-label"
            >
              {annotation.label || t('row.unlabelled')}
            </span>
          )}
        </div>
        {locked && (
          <span
            className={`${HOST.rowActions} text-muted-foreground`}
            title={drawnBy ? t('row.readOnly', { role: inLanguage(ROLE_LABELS[drawnBy], language) }) : t('author.signedOff')}
            data-testid="teaching-read-only"
          >
            <LockIcon />
          </span>
        )}
        {!renaming && !locked && (
          <div className={HOST.rowActions} onClick={stop}>
            <button
              className={HOST.iconButton(selected)}
              aria-label={t('row.rename')}
              title={t('row.rename')}
              data-testid="teaching-rename"
              onClick={() => service.startRename(annotation.uid)}
            >
              <PencilIcon />
            </button>
            <button
              className={`${HOST.iconButton(selected)} ohif-teaching__danger`}
              aria-label={t('row.delete')}
              title={t('row.delete')}
              data-testid="teaching-delete"
              onClick={() => service.remove(annotation.uid)}
            >
              <TrashIcon />
            </button>
          </div>
        )}
      </div>
      <div className={HOST.details}>
        <div className={HOST.detailsLine}>
          <span className="text-muted-foreground text-sm">{toolName(t, annotation.toolName)}</span>
          <span className={HOST.detailsPrimary} data-testid="teaching-annotation-value">
            {annotation.values.join(' · ')}
          </span>
          <span className={HOST.detailsSecondary} data-testid="teaching-annotation-where" title={annotation.seriesDescription}>
            {whereText(annotation, t)}
          </span>
        </div>
        {author && <AuthorBadge author={author} language={language} t={t} />}
      </div>
    </div>
  );
});
