import { describe, expect, it } from 'vitest';
import type { ToolAnnotation } from '../../../extension/host/ohifTypes';
import { toRestorable, toSavedAnnotation } from '../../../extension/host/savedAnnotation';

const IMAGE = 'wadors:http://127.0.0.1:41234/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4/frames/1';

/** A Length as cornerstoneTools holds it right after a drag ended, hover and statistics included. */
const drawn = (): ToolAnnotation => ({
  annotationUID: 'b7f1c2d4-0000-4000-8000-000000000001',
  highlighted: true,
  isSelected: true,
  invalidated: false,
  isLocked: false,
  isVisible: true,
  metadata: {
    toolName: 'Length',
    FrameOfReferenceUID: '1.2.9',
    referencedImageId: IMAGE,
    referencedImageURI: IMAGE.slice('wadors:'.length),
    viewPlaneNormal: new Float32Array([0, 0, -1]),
  },
  data: {
    label: 'Nodule',
    handles: {
      points: [
        [-69, -14, -60],
        [-55, -14, -60],
      ],
      activeHandleIndex: 1,
      textBox: { hasMoved: false, worldPosition: [1, 2, 3], worldBoundingBox: { topLeft: [0, 0, 0] } },
    },
    cachedStats: { [`imageId:${IMAGE}`]: { length: 14, unit: 'mm', pointsInShape: [[1, 2, 3]], statsArray: [{ name: 'mean' }] } },
  },
});

describe('the saved form of an annotation', () => {
  it('keeps what was drawn and what it measures, and drops what only the pointer holds or the tools derive', () => {
    expect(toSavedAnnotation(drawn())).toEqual({
      annotationUID: 'b7f1c2d4-0000-4000-8000-000000000001',
      isLocked: false,
      isVisible: true,
      metadata: { toolName: 'Length', FrameOfReferenceUID: '1.2.9', referencedImageId: IMAGE, viewPlaneNormal: [0, 0, -1] },
      data: {
        label: 'Nodule',
        handles: {
          points: [
            [-69, -14, -60],
            [-55, -14, -60],
          ],
          textBox: { hasMoved: false },
        },
        cachedStats: { [`imageId:${IMAGE}`]: { length: 14, unit: 'mm' } },
      },
    });
  });

  it('keeps a text box the person moved', () => {
    const annotation = drawn();
    (annotation.data.handles as { textBox: { hasMoved: boolean } }).textBox.hasMoved = true;
    expect(toSavedAnnotation(annotation).data.handles.textBox).toEqual({ hasMoved: true, worldPosition: [1, 2, 3], worldBoundingBox: { topLeft: [0, 0, 0] } });
  });

  it('is a copy: the host annotation is left as it was', () => {
    const annotation = drawn();
    toSavedAnnotation(annotation);
    expect(annotation.highlighted).toBe(true);
    expect(annotation.data.cachedStats).toBeDefined();
  });

  it('is restored on the image id of this viewer, with its own UID and its measured values moved there', () => {
    const saved = toSavedAnnotation(drawn());
    const here = IMAGE.replace('127.0.0.1:41234', 'pacs.example:443');
    const restored = toRestorable(saved, 'stored-uid', here);
    expect(restored).toMatchObject({ annotationUID: 'stored-uid', invalidated: true, isLocked: false, metadata: { referencedImageId: here }, data: { label: 'Nodule' } });
    expect(restored.data.cachedStats).toEqual({ [`imageId:${here}`]: { length: 14, unit: 'mm' } });
    expect(restored.metadata.referencedImageURI).toBeUndefined();
    expect(saved.metadata.referencedImageId).toBe(IMAGE);
  });

  it('gets empty statistics when none were saved for its image: the tool needs the object', () => {
    const { cachedStats: _stats, ...data } = toSavedAnnotation(drawn()).data;
    expect(toRestorable({ ...toSavedAnnotation(drawn()), data }, 'u', IMAGE).data.cachedStats).toEqual({});
  });
});
