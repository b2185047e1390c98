import type { ComparedAnnotation } from '../../src/core/comparison/signComparison';
import { authorStyle, comparisonStyle, type AuthorRole, type ComparisonMark } from './annotationStyle';
import type { CommandsManager, HostCornerstone, HostCornerstoneTools, ServicesManager } from './ohifTypes';
import { hostViewerAnnotations } from './viewerAnnotations';

export interface OverlayShowOptions {
  /** The case's reference drawings, with the UIDs they have in the case. */
  reference: readonly ComparedAnnotation[];
  /** What the comparison made of each drawing, the reference's and the resident's. */
  marks: ReadonlyMap<string, ComparisonMark>;
  /** The study the viewer opened: drawing waits until it is on screen. */
  studyInstanceUID: string;
  signal: AbortSignal;
}

/**
 * The comparison with the case's reference, drawn over the session's own drawings. Its reference
 * drawings are the host's measurements like any other, so the teaching service must ask `holds`
 * before it takes a drawing for the person's (to save it, or to make it a sign).
 */
export interface ComparisonOverlay {
  /** The drawing is shown only for the comparison. */
  holds(uid: string): boolean;
  /** Draws the reference (locked, under its own UIDs) and styles every marked drawing; returns the reference drawings on images not loaded here. */
  show(options: OverlayShowOptions): Promise<{ unplaced: string[] }>;
  /** Styles drawings the session drew again since `show` (the host keeps one style per UID). */
  mark(marks: ReadonlyMap<string, ComparisonMark>): void;
  /**
   * Takes the overlay off the images: reference drawings hidden (`remove`: taken away altogether),
   * the session's drawings back in their author's colour.
   */
  hide(authors: ReadonlyMap<string, AuthorRole>, remove: boolean): void;
}

const hostWindow = () => window as unknown as { cornerstone: HostCornerstone; cornerstoneTools: HostCornerstoneTools };

export function hostComparisonOverlay(servicesManager: ServicesManager, commandsManager: CommandsManager): ComparisonOverlay {
  const { measurementService } = servicesManager.services;
  /** Every reference drawing ever drawn on this page: a uid stays held, so its late host events are never taken for the person's. */
  const held = new Set<string>();
  /** The reference drawings of the comparison shown now, and the session's drawings it restyled. */
  let shownReference = new Set<string>();
  let marked = new Set<string>();

  const viewports = () => hostWindow().cornerstone.getRenderingEngines().flatMap(engine => engine.getViewports());
  const render = () => hostWindow().cornerstoneTools.utilities.triggerAnnotationRenderForViewportIds(viewports().map(viewport => viewport.id));
  // The measurementService's toggle keeps the host's copy in step; a direct cornerstone call would be written back at its next update.
  const setVisible = (uid: string, visible: boolean) => {
    const measurement = measurementService.getMeasurement(uid);
    if (measurement && (measurement.isVisible !== false) !== visible) measurementService.toggleVisibilityMeasurement(uid, visible);
  };
  const style = (marks: ReadonlyMap<string, ComparisonMark>) => {
    const { config, selection } = hostWindow().cornerstoneTools.annotation;
    for (const [uid, mark] of marks) {
      config.style.setAnnotationStyles(uid, comparisonStyle(mark));
      selection.setAnnotationSelected(uid, false);
      if (!shownReference.has(uid)) marked.add(uid);
    }
    render();
  };

  return {
    holds: uid => held.has(uid),

    async show({ reference, marks, studyInstanceUID, signal }) {
      const wanted = new Set(reference.map(item => item.uid));
      // Drawings of an earlier reference (compared again after the case was edited) go.
      for (const uid of shownReference) if (!wanted.has(uid) && measurementService.getMeasurement(uid)) void commandsManager.runCommand('removeMeasurement', { uid });
      for (const uid of wanted) held.add(uid);
      shownReference = wanted;
      const missing = reference.filter(item => !hostWindow().cornerstoneTools.annotation.state.getAnnotation(item.uid));
      const { unplaced } = await hostViewerAnnotations(servicesManager, commandsManager).restore(missing, {
        studyInstanceUID,
        locked: new Set(missing.map(item => item.uid)),
        signal,
      });
      for (const uid of wanted) setVisible(uid, true);
      style(marks);
      return { unplaced };
    },

    mark: style,

    hide(authors, remove) {
      const { config } = hostWindow().cornerstoneTools.annotation;
      for (const uid of shownReference) {
        if (!measurementService.getMeasurement(uid)) continue;
        if (remove) void commandsManager.runCommand('removeMeasurement', { uid });
        else setVisible(uid, false);
      }
      if (remove) shownReference = new Set();
      for (const uid of marked) {
        const author = authors.get(uid);
        config.style.setAnnotationStyles(uid, author ? authorStyle(author) : {});
      }
      marked = new Set();
      render();
    },
  };
}
