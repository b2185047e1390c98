import { memo } from 'react';
import { saveStatusView } from '../SaveStatus';
import { AnnotationList } from '../AnnotationList';
import { HOST } from '../hostClasses';
import { useTeaching } from '../useTeaching';
import type { PreparationProps } from './preparationProps';
import { usePreparation } from './usePreparation';

/** Every drawing on the images, which in preparation is the case's reference, with whether they are saved under it. */
export const ReferenceDrawings = memo(function ReferenceDrawings({ preparation, service, language, t }: PreparationProps) {
  const annotations = useTeaching(service, state => state.annotations);
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
      <AnnotationList service={service} label={t('casePrep.referenceDrawings')} drawnBy={() => undefined} className="ohif-teaching__prep-drawings" language={language} t={t} />
    </>
  );
});
