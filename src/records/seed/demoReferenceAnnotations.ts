import type { ComparedAnnotation } from '../../core/comparison/signComparison';
import { BRAIN_LESION, FIRST_SLICE_Z, SLICE_SPACING } from '../../dicomweb/sample/brainMrPhantom';
import { uidFromName } from '../../dicomweb/sample/deterministicUid';
import { APEX_COLUMN, APEX_ROW, LIVER_LESION, PIXEL_MM, TRANSDUCER_FACE_MM } from '../../dicomweb/sample/liverUltrasoundPhantom';
import { CHEST_CT_NODULE, CHEST_CT_PRIOR_NODULE, SAMPLE_STUDIES, sopInstanceUidFor, type SampleNodule, type SampleStudy } from '../../dicomweb/sample/sampleCatalogue';
import type { DemoCaseKey } from './demoCases';

type Point = [number, number, number];

/** Every sample image is axial (or, on ultrasound, the image itself): cornerstone's stack camera looks along −z with the patient's front up. */
const AXIAL = { viewPlaneNormal: [0, 0, -1], viewUp: [0, -1, 0] };

export const DEMO_REFERENCE_UIDS = {
  chestCtNodule: 'demo-ref-chest-ct-nodule',
  chestCtPriorNodule: 'demo-ref-chest-ct-prior-nodule',
  brainMrLesion: 'demo-ref-brain-mr-lesion',
  brainMrOedema: 'demo-ref-brain-mr-oedema',
  liverUsNodule: 'demo-ref-liver-us-nodule',
} as const;

/**
 * A reference drawing as the viewer stores one, on a sample image by its generator's deterministic
 * UIDs. The image id is only a placeholder: the viewer places a restored drawing on its own image id
 * for the SOP instance. `cachedStats` is kept even when empty, as the Length tool needs it.
 */
function drawing(
  uid: string,
  study: SampleStudy,
  place: { seriesNumber: number; instanceNumber: number; frameOfReferenceUID?: string },
  toolName: string,
  data: { label: string; points: Point[]; stats?: Record<string, unknown> },
): ComparedAnnotation {
  const series = study.series.find(candidate => candidate.seriesNumber === place.seriesNumber);
  if (!series) throw new Error(`Sample study ${study.key} has no series ${place.seriesNumber}`);
  const sopInstanceUID = sopInstanceUidFor(study, place.seriesNumber, place.instanceNumber);
  const referencedImageId = `wadors:/dicom-web/studies/${study.studyUID}/series/${series.seriesUID}/instances/${sopInstanceUID}/frames/1`;
  return {
    uid,
    studyInstanceUID: study.studyUID,
    seriesInstanceUID: series.seriesUID,
    sopInstanceUID,
    frameNumber: null,
    annotation: {
      annotationUID: uid,
      isLocked: false,
      isVisible: true,
      metadata: {
        toolName,
        ...(place.frameOfReferenceUID ? { FrameOfReferenceUID: place.frameOfReferenceUID } : {}),
        referencedImageId,
        ...AXIAL,
      },
      data: {
        label: data.label,
        handles: { points: data.points, textBox: { hasMoved: false } },
        cachedStats: data.stats ? { [`imageId:${referencedImageId}`]: data.stats } : {},
      },
    },
  };
}

/** The CT generator's frame of reference for a study, as it writes it into every slice. */
const frameOf = (study: SampleStudy) => uidFromName(`${study.key}/frame-of-reference`);

/** A left-to-right Length through the nodule's centre on its centre slice, as long as the nodule is wide. */
function noduleLength(uid: string, study: SampleStudy, nodule: SampleNodule, label: string): ComparedAnnotation {
  const [x, y, z] = nodule.centerMm;
  const half = nodule.diameterMm / 2;
  return drawing(uid, study, { seriesNumber: study.series[0]!.seriesNumber, instanceNumber: nodule.centerInstanceNumber, frameOfReferenceUID: frameOf(study) }, 'Length', {
    label,
    points: [
      [x - half, y, z],
      [x + half, y, z],
    ],
  });
}

function brainMr(): ComparedAnnotation[] {
  const study = SAMPLE_STUDIES.brainMr;
  const [x, y, z] = BRAIN_LESION.centerMm;
  const instanceNumber = Math.round((z - FIRST_SLICE_Z) / SLICE_SPACING) + 1;
  const frameOfReferenceUID = frameOf(study);
  // The lesion across its rim (core and wall, the size the reference answer gives) on T1, where the wall shows.
  const across = BRAIN_LESION.coreRadiusMm + BRAIN_LESION.rimMm;
  const oedema = BRAIN_LESION.edemaRadiusMm;
  return [
    drawing(DEMO_REFERENCE_UIDS.brainMrLesion, study, { seriesNumber: 3, instanceNumber, frameOfReferenceUID }, 'Length', {
      label: '右额叶环形病灶',
      points: [
        [x - across, y, z],
        [x + across, y, z],
      ],
    }),
    // The oedema on T2, where it is bright: handles are the ellipse's axis ends, vertical pair first.
    drawing(DEMO_REFERENCE_UIDS.brainMrOedema, study, { seriesNumber: 4, instanceNumber, frameOfReferenceUID }, 'EllipticalROI', {
      label: '病灶周围水肿',
      points: [
        [x, y + oedema, z],
        [x, y - oedema, z],
        [x - oedema, y, z],
        [x + oedema, y, z],
      ],
    }),
  ];
}

/**
 * The liver nodule on the still without breathing shift (instance 2). An ultrasound image has no
 * patient position, so cornerstone's world coordinates on it are pixels; the Length's statistics
 * carry the millimetres the tool reads from the calibrated ultrasound region.
 */
function liverUltrasound(): ComparedAnnotation[] {
  const study = SAMPLE_STUDIES.liverUltrasound;
  const fromApex = LIVER_LESION.depthMm + TRANSDUCER_FACE_MM;
  const down = Math.sqrt(fromApex ** 2 - LIVER_LESION.lateralMm ** 2);
  const row = APEX_ROW + down / PIXEL_MM;
  const column = (lateralMm: number) => APEX_COLUMN + lateralMm / PIXEL_MM;
  return [
    drawing(DEMO_REFERENCE_UIDS.liverUsNodule, study, { seriesNumber: 1, instanceNumber: 2 }, 'Length', {
      label: '肝右叶高回声结节',
      points: [
        [column(LIVER_LESION.lateralMm - LIVER_LESION.halfWidthMm), row, 0],
        [column(LIVER_LESION.lateralMm + LIVER_LESION.halfWidthMm), row, 0],
      ],
      stats: { length: 2 * LIVER_LESION.halfWidthMm, unit: 'mm' },
    }),
  ];
}

/** The tutors' reference drawings of the demo cases; the normal radiograph has only negative signs, so none. */
export function demoReferenceAnnotations(): Record<DemoCaseKey, ComparedAnnotation[]> {
  return {
    chestCt: [
      noduleLength(DEMO_REFERENCE_UIDS.chestCtNodule, SAMPLE_STUDIES.chestCt, CHEST_CT_NODULE, '右肺上叶结节'),
      noduleLength(DEMO_REFERENCE_UIDS.chestCtPriorNodule, SAMPLE_STUDIES.chestCtPrior, CHEST_CT_PRIOR_NODULE, '右肺上叶结节（2026-04-15）'),
    ],
    brainMr: brainMr(),
    chestRadiograph: [],
    liverUltrasound: liverUltrasound(),
  };
}
