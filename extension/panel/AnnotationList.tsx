import type { Language, Translate } from '../../src/core/i18n';
import type { Role } from '../../src/core/session/people';
import type { TeachingService } from '../service/TeachingService';
import { AnnotationRow } from './AnnotationRow';
import { EmptyState } from './EmptyState';
import { HOST } from './hostClasses';
import { useTeaching } from './useTeaching';

/**
 * The drawings on the images, one row each in the order drawn, or the hint to draw when there are
 * none: the session's annotations, or in preparation the case's reference drawings.
 */
export function AnnotationList({
  service,
  label,
  drawnBy,
  className,
  language,
  t,
}: {
  service: TeachingService;
  label: string;
  /** Who drew it when it is someone else's (shown, not changed from here). */
  drawnBy: (uid: string) => Role | undefined;
  className?: string;
  language: Language;
  t: Translate;
}) {
  const annotations = useTeaching(service, state => state.annotations);
  const selectedUid = useTeaching(service, state => state.selectedUid);
  const renaming = useTeaching(service, state => state.renaming);
  return (
    <div className={className ? `ohif-teaching__scroll ${className}` : 'ohif-teaching__scroll'}>
      {annotations.length === 0 ? (
        <EmptyState t={t} />
      ) : (
        <div className={HOST.rowList} role="listbox" aria-label={label}>
          {annotations.map((annotation, index) => (
            <AnnotationRow
              key={annotation.uid}
              annotation={annotation}
              position={index + 1}
              selected={annotation.uid === selectedUid}
              renaming={renaming?.uid === annotation.uid ? renaming : undefined}
              drawnBy={drawnBy(annotation.uid)}
              service={service}
              language={language}
              t={t}
            />
          ))}
        </div>
      )}
    </div>
  );
}
