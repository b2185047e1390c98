import { memo } from 'react';
import { saveStatusView } from '../SaveStatus';
import { AnnotationRow } from '../AnnotationRow';
import { EmptyState } from '../EmptyState';
import { HOST } from '../hostClasses';
import { useTeaching } from '../useTeaching';
import type { PreparationProps } from './preparationProps';
import { usePreparation } from './usePreparation';

/** Every drawing on the images, which in preparation is the case's reference, with whether they are saved under it. */
export const ReferenceDrawings = memo(function ReferenceDrawings({ preparation, service, language, t }: PreparationProps) {
  const annotations = useTeaching(service, state => state.annotations);
  const selectedUid = useTeaching(service, state => state.selectedUid);
  const renaming = useTeaching(service, state => state.renaming);
  const drawings = usePreparation(preparation, state => state.drawings);
  const saved = usePreparation(preparation, state => state.caseId !== undefined);
  const { text, tone, icon } = saveStatusView(drawings, t);
  return (
    <>
      <div className={HOST.sectionHeader}>
        <span>
          {t('casePrep.referenceDrawings')} (<span data-testid="teaching-annotation-count">{annotations.length}</span>)
        </span>
        {saved && (
          <span className={`ohif-teaching__status${tone}`} role="status" data-testid="case-drawings-status" data-state={drawings.state}>
            {icon}
            <span>{text}</span>
          </span>
        )}
      </div>
      <div className="ohif-teaching__scroll ohif-teaching__prep-drawings">
        {annotations.length === 0 ? (
          <EmptyState t={t} />
        ) : (
          <div className={HOST.rowList} role="listbox" aria-label={t('casePrep.referenceDrawings')}>
            {annotations.map((annotation, index) => (
              <AnnotationRow
                key={annotation.uid}
                annotation={annotation}
                position={index + 1}
                selected={annotation.uid === selectedUid}
                renaming={renaming?.uid === annotation.uid ? renaming : undefined}
                drawnBy={undefined}
                service={service}
                language={language}
                t={t}
              />
            ))}
          </div>
        )}
      </div>
    </>
  );
});
