import type { ComparedAnnotation } from '../../core/comparison/signComparison';
import { DEMO_REFERENCE_UIDS, demoReferenceAnnotations } from './demoReferenceAnnotations';

export const DEMO_RESIDENT_UIDS = {
  brainMrLesion: 'demo-resident3-brain-mr-lesion',
  brainMrExtra: 'demo-resident3-brain-mr-extra',
  liverUsNodule: 'demo-resident4-liver-us-nodule',
} as const;

type Point = [number, number, number];

/**
 * The resident's own drawing of a reference sign: a little off the reference's place and size, as a
 * hand draws it, so that the comparison has a measurement difference to show.
 */
function drawnLike(reference: ComparedAnnotation, uid: string, change: { shift: Point; scale: number; label: string }): ComparedAnnotation {
  const annotation = structuredClone(reference.annotation) as { annotationUID: string; data: { label: string; handles: { points: Point[] }; cachedStats: Record<string, { length?: number }> } };
  const points = annotation.data.handles.points;
  const centre = points[0]!.map((value, axis) => points.reduce((sum, point) => sum + point[axis]!, 0) / points.length) as Point;
  annotation.annotationUID = uid;
  annotation.data.label = change.label;
  annotation.data.handles.points = points.map(point => point.map((value, axis) => centre[axis]! + (value - centre[axis]!) * change.scale + change.shift[axis]!) as Point);
  for (const stats of Object.values(annotation.data.cachedStats)) if (stats.length !== undefined) stats.length = Math.round(stats.length * change.scale * 10) / 10;
  return { ...reference, uid, annotation };
}

/**
 * What two residents of the signed-off demo sessions drew: on the brain MR the lesion (found, a
 * little short) and a mark on the normal left frontal lobe (extra), but not the oedema (missed); on
 * the liver ultrasound the nodule (found). A newcomer opening those sessions sees every kind of
 * comparison result.
 */
export function demoResidentDrawings(): Record<'brainMr' | 'liverUltrasound', ComparedAnnotation[]> {
  const reference = demoReferenceAnnotations();
  const byUid = (list: ComparedAnnotation[], uid: string) => list.find(item => item.uid === uid)!;
  const lesion = byUid(reference.brainMr, DEMO_REFERENCE_UIDS.brainMrLesion);
  return {
    brainMr: [
      drawnLike(lesion, DEMO_RESIDENT_UIDS.brainMrLesion, { shift: [0.8, -0.6, 0], scale: 0.98, label: '右额叶环形病灶' }),
      drawnLike(lesion, DEMO_RESIDENT_UIDS.brainMrExtra, { shift: [60, 0, 0], scale: 0.5, label: '左额叶可疑信号' }),
    ],
    liverUltrasound: [drawnLike(byUid(reference.liverUltrasound, DEMO_REFERENCE_UIDS.liverUsNodule), DEMO_RESIDENT_UIDS.liverUsNodule, { shift: [3, 2, 0], scale: 1.02, label: '肝右叶高回声结节' })],
  };
}
