import type { ToolAnnotation } from './ohifTypes';

type Json = Record<string, any>;

// Typed arrays (gl-matrix vectors in the metadata) would otherwise become {"0": …} objects.
const plainArrays = (_key: string, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value);

const isScalar = (value: unknown) => value === null || ['number', 'string', 'boolean'].includes(typeof value);

/** The measured values only: the tools also cache every pixel inside a shape, far too much to send. */
function scalarStats(cachedStats: Json | undefined): Json | undefined {
  if (!cachedStats) return undefined;
  const kept: Json = {};
  for (const [target, stats] of Object.entries(cachedStats)) {
    if (stats && typeof stats === 'object') kept[target] = Object.fromEntries(Object.entries(stats).filter(([, value]) => isScalar(value)));
  }
  return kept;
}

/**
 * The annotation as it is stored: what the person drew and what it measures, without what only
 * describes the pointer now (hover, selection, the handle being dragged) or what the tools derive
 * again on every render (the text box beside the line, the image URI). A hover or a re-render then
 * changes nothing that is saved.
 */
export function toSavedAnnotation(annotation: ToolAnnotation): Json {
  const saved: Json = JSON.parse(JSON.stringify(annotation, plainArrays));
  delete saved.highlighted;
  delete saved.isSelected;
  delete saved.invalidated;
  delete saved.metadata?.referencedImageURI;
  if (saved.data?.cachedStats) saved.data.cachedStats = scalarStats(saved.data.cachedStats);
  const handles = saved.data?.handles;
  if (handles) {
    delete handles.activeHandleIndex;
    if (handles.textBox && !handles.textBox.hasMoved) {
      delete handles.textBox.worldPosition;
      delete handles.textBox.worldBoundingBox;
    }
  }
  return saved;
}

/**
 * A stored annotation made ready for the host, keeping its UID: placed on the image id this viewer
 * uses for its SOP instance (image ids carry the server's address, which may differ from when it
 * was drawn), its measured values moved to that image so that the host lists them before the slice
 * is ever shown, and marked invalidated so that the tool measures again once it is: the host shows
 * a new value only when told.
 */
export function toRestorable(stored: Json, uid: string, imageId: string): ToolAnnotation {
  const annotation: Json = structuredClone(stored);
  const measured = annotation.data?.cachedStats?.[`imageId:${annotation.metadata?.referencedImageId}`];
  annotation.annotationUID = uid;
  annotation.invalidated = true;
  annotation.metadata = { ...annotation.metadata, referencedImageId: imageId };
  delete annotation.metadata.referencedImageURI;
  // A Length needs the object even when empty.
  annotation.data = { ...annotation.data, cachedStats: measured ? { [`imageId:${imageId}`]: measured } : {} };
  return annotation as ToolAnnotation;
}
