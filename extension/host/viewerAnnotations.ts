import type { AnnotationView } from '../../src/records/api/annotations';
import type { AnnotationContent } from '../service/annotationSync';
import type { DrawnAnnotation } from '../service/drawnAnnotation';
import { isAuthorRole, ownerStyle, type DrawingOwner } from './annotationStyle';
import type { CommandsManager, HostCornerstone, HostCornerstoneTools, HostMeasurement, ServicesManager, Subscription } from './ohifTypes';
import { toRestorable, toSavedAnnotation } from './savedAnnotation';
import { toDrawnAnnotation } from './toDrawnAnnotation';

export type AnnotationChange =
  | { type: 'upsert'; annotation: DrawnAnnotation }
  | { type: 'remove'; uid: string }
  /**
   * Several at once: the person's "delete all". The host also clears on entering a mode, before
   * anything is drawn, and on leaving it, after we stopped listening.
   */
  | { type: 'clear'; uids: string[] };

export interface RestoreOptions {
  /** The study the viewer opened: restoring waits until it is on screen. */
  studyInstanceUID: string;
  /** Drawn by someone else: shown locked, since the server would refuse a change. */
  locked: ReadonlySet<string>;
  signal: AbortSignal;
  /** Drawn as the case's reference rather than in each author's colour. */
  owner?: 'reference';
}

/** What restoring needs of a saved annotation: a session's, or a case's reference drawing (which has no author role). */
export type RestorableAnnotation = Pick<AnnotationView, 'uid' | 'sopInstanceUID' | 'frameNumber' | 'annotation'> & { authorRole?: AnnotationView['authorRole'] };

export interface RestoreResult {
  restored: string[];
  /** Lying on images this viewer has not loaded. */
  unplaced: string[];
}

/** The annotations on the viewer's images, as the teaching service sees them. */
export interface ViewerAnnotations {
  list(): DrawnAnnotation[];
  watch(onChange: (change: AnnotationChange) => void): () => void;
  jumpTo(uid: string): void;
  rename(uid: string, label: string): void;
  remove(uid: string): void;
  /** An annotation as it is saved, with the image it lies on; undefined when it is not drawn (any more). */
  rawAnnotation(uid: string): AnnotationContent | undefined;
  /**
   * Draws saved annotations again with their own UIDs, so the host lists them as its own
   * measurements, each in its author's colour.
   */
  restore(annotations: readonly RestorableAnnotation[], options: RestoreOptions): Promise<RestoreResult>;
  /** Draws an annotation in its owner's colour at once: a drawing just finished is shown as drawn, not as selected. */
  paint(uid: string, owner: DrawingOwner): void;
  /** The person may no longer change it (someone else's, or the session is signed off). */
  lock(uid: string): void;
}

const hostWindow = () => window as unknown as { cornerstone: HostCornerstone; cornerstoneTools: HostCornerstoneTools };

function frameNumberOf(measurement: HostMeasurement): number | null {
  const frame = Number(measurement.frameNumber);
  return Number.isInteger(frame) && frame >= 1 ? frame : null;
}

/** Polls until `ready` holds; the host announces neither the first render nor loaded metadata to extensions. */
function until(ready: () => boolean, signal: AbortSignal, timeoutMs = Infinity): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (signal.aborted) return reject(signal.reason);
      if (ready()) return resolve(true);
      if (Date.now() - started >= timeoutMs) return resolve(false);
      setTimeout(check, 100);
    };
    check();
  });
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
  const viewports = () => hostWindow().cornerstone.getRenderingEngines().flatMap(engine => engine.getViewports());

  const studyOnScreen = (studyInstanceUID: string) =>
    viewports().some(viewport => {
      const imageId = viewport.viewportStatus === 'rendered' ? viewport.getCurrentImageId?.() : undefined;
      return imageId !== undefined && hostWindow().cornerstone.metaData.get('instance', imageId)?.StudyInstanceUID === studyInstanceUID;
    });

  /** The image id this viewer loads for a SOP instance (and frame), from the display sets it holds. */
  const imageIdFor = (sopInstanceUID: string, frameNumber: number | null) => {
    for (const displaySet of displaySetService.getActiveDisplaySets()) {
      const instance = displaySet.instances?.find(item => item.SOPInstanceUID === sopInstanceUID);
      if (!instance?.imageId) continue;
      return frameNumber && frameNumber > 1 ? instance.imageId.replace(/\/frames\/\d+$/, `/frames/${frameNumber}`) : instance.imageId;
    }
    return undefined;
  };

  const render = () => hostWindow().cornerstoneTools.utilities.triggerAnnotationRenderForViewportIds(viewports().map(viewport => viewport.id));

  const styleBy = (uid: string, owner: DrawingOwner) => hostWindow().cornerstoneTools.annotation.config.style.setAnnotationStyles(uid, ownerStyle(owner));

  // The measurementService's toggle sets the tools' lock registry and the host's own copy, which
  // would otherwise write its stale value back at its next update.
  const lock = (uid: string) => {
    const measurement = measurementService.getMeasurement(uid);
    if (measurement && !measurement.isLocked) measurementService.toggleLockMeasurement(uid);
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
        measurementService.subscribe(EVENTS.MEASUREMENTS_CLEARED, ({ measurements }: { measurements?: Array<{ uid: string }> }) =>
          onChange({ type: 'clear', uids: (measurements ?? []).map(measurement => measurement.uid) }),
        ),
      ];
      return () => subscriptions.forEach(subscription => subscription.unsubscribe());
    },

    jumpTo: uid => void commandsManager.runCommand('jumpToMeasurement', { uid }),
    rename: (uid, label) => void commandsManager.runCommand('updateMeasurement', { uid, textLabel: label }),
    remove: uid => void commandsManager.runCommand('removeMeasurement', { uid }),

    rawAnnotation(uid) {
      const measurement = measurementService.getMeasurement(uid);
      const annotation = hostWindow().cornerstoneTools.annotation.state.getAnnotation(uid);
      if (!measurement || !annotation) return undefined;
      const { referenceStudyUID, referenceSeriesUID, SOPInstanceUID } = measurement;
      if (!referenceStudyUID || !referenceSeriesUID || !SOPInstanceUID) return undefined;
      return {
        studyInstanceUID: referenceStudyUID,
        seriesInstanceUID: referenceSeriesUID,
        sopInstanceUID: SOPInstanceUID,
        frameNumber: frameNumberOf(measurement),
        annotation: toSavedAnnotation(annotation),
      };
    },

    async restore(annotations, { studyInstanceUID, locked, signal, owner }) {
      if (annotations.length === 0) return { restored: [], unplaced: [] };
      await until(() => studyOnScreen(studyInstanceUID), signal);
      // Other series of the study may still be loading their metadata once the first is shown.
      await until(() => annotations.every(saved => imageIdFor(saved.sopInstanceUID, saved.frameNumber)), signal, 10_000);

      const { state } = hostWindow().cornerstoneTools.annotation;
      const restored: string[] = [];
      const unplaced: string[] = [];
      for (const saved of annotations) {
        const imageId = imageIdFor(saved.sopInstanceUID, saved.frameNumber);
        if (!imageId) {
          unplaced.push(saved.uid);
          continue;
        }
        // A UID already drawn is not refused by the host, which would then hold two of it.
        if (state.getAnnotation(saved.uid)) continue;
        const annotation = toRestorable(saved.annotation, saved.uid, imageId);
        const frameOfReference = annotation.metadata.FrameOfReferenceUID;
        if (!frameOfReference) {
          unplaced.push(saved.uid);
          continue;
        }
        state.addAnnotation(annotation, frameOfReference);
        // Without completion the host's measurementService holds it silently and no panel lists it.
        state.triggerAnnotationCompleted(annotation);
        if (owner) styleBy(saved.uid, owner);
        else if (isAuthorRole(saved.authorRole)) styleBy(saved.uid, saved.authorRole);
        // Lock and visibility live in registries of the tools that the JSON's flags only mirror.
        if (locked.has(saved.uid) || saved.annotation.isLocked === true) lock(saved.uid);
        const measurement = measurementService.getMeasurement(saved.uid);
        if (measurement && saved.annotation.isVisible === false && measurement.isVisible !== false) measurementService.toggleVisibilityMeasurement(saved.uid, false);
        restored.push(saved.uid);
      }
      render();
      return { restored, unplaced };
    },

    paint(uid, owner) {
      styleBy(uid, owner);
      hostWindow().cornerstoneTools.annotation.selection.setAnnotationSelected(uid, false);
      render();
    },

    lock(uid) {
      lock(uid);
      render();
    },
  };
}
