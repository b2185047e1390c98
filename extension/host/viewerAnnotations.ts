import type { DrawnAnnotation } from '../service/drawnAnnotation';
import type { CommandsManager, ServicesManager, Subscription } from './ohifTypes';
import { toDrawnAnnotation } from './toDrawnAnnotation';

export type AnnotationChange =
  | { type: 'upsert'; annotation: DrawnAnnotation }
  | { type: 'remove'; uid: string }
  | { type: 'clear' };

/** The annotations on the viewer's images, as the teaching service sees them. */
export interface ViewerAnnotations {
  list(): DrawnAnnotation[];
  watch(onChange: (change: AnnotationChange) => void): () => void;
  jumpTo(uid: string): void;
  rename(uid: string, label: string): void;
  remove(uid: string): void;
}

/**
 * The host side of annotations: the OHIF measurementService (fed by the host's cornerstoneTools)
 * and the host's commands, so panel actions behave exactly like the host's own panel.
 */
export function hostViewerAnnotations(servicesManager: ServicesManager, commandsManager: CommandsManager): ViewerAnnotations {
  const { measurementService, displaySetService } = servicesManager.services;
  const read = (uid: string) => {
    const measurement = measurementService.getMeasurement(uid);
    return measurement ? toDrawnAnnotation(measurement, displaySetService) : undefined;
  };

  return {
    list: () => measurementService.getMeasurements().map(measurement => toDrawnAnnotation(measurement, displaySetService)),

    watch(onChange) {
      const { EVENTS } = measurementService;
      const upsert = ({ measurement }: { measurement: { uid: string } }) => {
        const annotation = read(measurement.uid);
        if (annotation) onChange({ type: 'upsert', annotation });
      };
      const subscriptions: Subscription[] = [
        measurementService.subscribe(EVENTS.MEASUREMENT_ADDED, upsert),
        measurementService.subscribe(EVENTS.RAW_MEASUREMENT_ADDED, upsert),
        measurementService.subscribe(EVENTS.MEASUREMENT_UPDATED, upsert),
        measurementService.subscribe(EVENTS.MEASUREMENT_REMOVED, ({ measurement }: { measurement: string }) =>
          onChange({ type: 'remove', uid: measurement }),
        ),
        measurementService.subscribe(EVENTS.MEASUREMENTS_CLEARED, () => onChange({ type: 'clear' })),
      ];
      return () => subscriptions.forEach(subscription => subscription.unsubscribe());
    },

    jumpTo: uid => void commandsManager.runCommand('jumpToMeasurement', { uid }),
    rename: (uid, label) => void commandsManager.runCommand('updateMeasurement', { uid, textLabel: label }),
    remove: uid => void commandsManager.runCommand('removeMeasurement', { uid }),
  };
}
