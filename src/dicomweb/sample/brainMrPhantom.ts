import { encodePart10 } from './encodePart10';
import { SeededRandom } from './seededRandom';
import { uidFromName } from './deterministicUid';
import { instanceAttributes, instanceFileName, seriesAttributes, studyAttributes, type GeneratedInstance } from './commonAttributes';
import { MR_SLICES, type SampleSeries, type SampleStudy } from './sampleCatalogue';

const SIZE = 256;
const SPACING = 0.9;
const ORIGIN = -((SIZE - 1) / 2) * SPACING;
const SLICE_THICKNESS = 5;
export const SLICE_SPACING = 6;
export const FIRST_SLICE_Z = -24;

enum Tissue { Air, Fat, Bone, Marrow, Csf, Grey, White, DeepGrey, LesionCore, LesionRim, Edema }

/** Signal per tissue; grey/white and CSF contrast invert between T1 and T2 as on real scans. */
const SIGNAL: Record<'T1' | 'T2', Record<Tissue, number>> = {
  T1: { [Tissue.Air]: 0, [Tissue.Fat]: 1150, [Tissue.Bone]: 60, [Tissue.Marrow]: 950, [Tissue.Csf]: 240, [Tissue.Grey]: 610, [Tissue.White]: 880, [Tissue.DeepGrey]: 700, [Tissue.LesionCore]: 330, [Tissue.LesionRim]: 760, [Tissue.Edema]: 540 },
  T2: { [Tissue.Air]: 0, [Tissue.Fat]: 720, [Tissue.Bone]: 60, [Tissue.Marrow]: 520, [Tissue.Csf]: 1900, [Tissue.Grey]: 1000, [Tissue.White]: 640, [Tissue.DeepGrey]: 880, [Tissue.LesionCore]: 1750, [Tissue.LesionRim]: 520, [Tissue.Edema]: 1380 },
};

/** A right frontal lesion with a rim and surrounding vasogenic oedema that spreads in white matter. */
export const BRAIN_LESION = { centerMm: [-30, -38, 30] as const, coreRadiusMm: 8, rimMm: 2, edemaRadiusMm: 19 };

function inEllipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean {
  const u = (x - cx) / rx;
  const v = (y - cy) / ry;
  return u * u + v * v <= 1;
}

function labelSlice(z: number): Uint8Array {
  const labels = new Uint8Array(SIZE * SIZE);
  const headScale = Math.sqrt(Math.max(0, 1 - ((z - 8) / 92) ** 2));
  const brainScale = Math.sqrt(Math.max(0, 1 - ((z - 8) / 84) ** 2));
  const headX = 74 * headScale;
  const headY = 94 * headScale;
  const [lx, ly, lz] = BRAIN_LESION.centerMm;
  for (let row = 0; row < SIZE; row++) {
    const y = ORIGIN + row * SPACING;
    for (let column = 0; column < SIZE; column++) {
      const x = ORIGIN + column * SPACING;
      const index = row * SIZE + column;
      const head = (x / headX) ** 2 + ((y - 4) / headY) ** 2;
      if (headScale === 0 || head > 1) continue;
      const depth = (1 - Math.sqrt(head)) * Math.min(headX, headY);
      if (depth < 4) { labels[index] = Tissue.Fat; continue; }
      if (depth < 5.5) { labels[index] = Tissue.Bone; continue; }
      if (depth < 7.5) { labels[index] = Tissue.Marrow; continue; }
      if (depth < 9) { labels[index] = Tissue.Bone; continue; }
      const brainX = 64 * brainScale;
      const brainY = 84 * brainScale;
      const radius = Math.sqrt((x / brainX) ** 2 + ((y - 4) / brainY) ** 2);
      const theta = Math.atan2(y - 4, x);
      // Gyri: the cortical ribbon folds, with CSF-filled sulci reaching into it.
      const fold = 0.5 + 0.5 * Math.sin(19 * theta + 2.2 * Math.sin(7 * theta + z * 0.07) + 9 * radius + z * 0.12);
      const sulcus = fold > 0.9 ? (fold - 0.9) / 0.1 : 0;
      let tissue: Tissue;
      if (brainScale === 0 || radius > 0.985 - 0.12 * sulcus) tissue = Tissue.Csf;
      else if (radius > 0.87 - 0.08 * (1 - fold) - 0.1 * sulcus) tissue = Tissue.Grey;
      else tissue = Tissue.White;
      if (Math.abs(x) < 1.3 && Math.abs(y - 4) > 18) tissue = Tissue.Csf;
      if (z < 2) {
        if (inEllipse(x, y, 0, 22, 15, 14)) tissue = Tissue.White;
        if (inEllipse(x, y, 0, 40, 5, 3)) tissue = Tissue.Csf;
        for (const side of [-1, 1]) {
          if (inEllipse(x, y, side * 24, 58, 26, 20)) tissue = fold > 0.5 ? Tissue.Grey : Tissue.White;
        }
      }
      if (z > -6 && z < 22) {
        for (const side of [-1, 1]) {
          if (inEllipse(x, y, side * 11, 14, 9, 12)) tissue = Tissue.DeepGrey;
          if (inEllipse(x, y, side * 23, -6, 6, 15)) tissue = Tissue.DeepGrey;
        }
        if (inEllipse(x, y, 0, 6, 2, 11)) tissue = Tissue.Csf;
      }
      if (z > 4 && z < 46) {
        const body = Math.min(1, (46 - z) / 20);
        for (const side of [-1, 1]) {
          if (inEllipse(x, y, side * (7 + 3 * body), -14, 5 * body + 1.5, 20)) tissue = Tissue.Csf;
          if (z < 30 && inEllipse(x, y, side * 14, 30, 4, 9)) tissue = Tissue.Csf;
        }
      }
      const lesionDistance = Math.sqrt((x - lx) ** 2 + (y - ly) ** 2 + (z - lz) ** 2);
      if (lesionDistance > BRAIN_LESION.edemaRadiusMm * 1.3) { labels[index] = tissue; continue; }
      const lobulation = 1 + 0.12 * Math.sin(4 * theta + z * 0.3);
      if (lesionDistance < BRAIN_LESION.coreRadiusMm * lobulation) tissue = Tissue.LesionCore;
      else if (lesionDistance < (BRAIN_LESION.coreRadiusMm + BRAIN_LESION.rimMm) * lobulation) tissue = Tissue.LesionRim;
      else if (tissue === Tissue.White && lesionDistance < BRAIN_LESION.edemaRadiusMm * (1 + 0.3 * Math.sin(6 * theta))) tissue = Tissue.Edema;
      labels[index] = tissue;
    }
  }
  return labels;
}

interface MrProtocol {
  weighting: 'T1' | 'T2';
  sequenceName: string;
  scanningSequence: string;
  sequenceVariant: string;
  repetitionTime: number;
  echoTime: number;
  echoTrainLength: number;
  flipAngle: number;
  windowCenter: number;
  windowWidth: number;
}

const PROTOCOLS: Record<number, MrProtocol> = {
  3: { weighting: 'T1', sequenceName: '*se2d1', scanningSequence: 'SE', sequenceVariant: 'SP', repetitionTime: 550, echoTime: 12, echoTrainLength: 1, flipAngle: 90, windowCenter: 650, windowWidth: 1300 },
  4: { weighting: 'T2', sequenceName: '*tse2d1_15', scanningSequence: 'SE', sequenceVariant: 'SK\\SP', repetitionTime: 4500, echoTime: 95, echoTrainLength: 15, flipAngle: 150, windowCenter: 1000, windowWidth: 2200 },
};

function render(labels: Uint8Array, weighting: 'T1' | 'T2', random: SeededRandom, noise: Float32Array): Uint16Array {
  const signal = SIGNAL[weighting];
  const pixels = new Uint16Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const row = Math.floor(i / SIZE);
    // Receive-coil sensitivity falls off towards the front of the head.
    const bias = 0.9 + 0.18 * (row / SIZE);
    const clean = signal[labels[i] as Tissue] * bias;
    const real = clean + noise[random.nextIndex(noise.length)]! * 16;
    const imaginary = noise[random.nextIndex(noise.length)]! * 16;
    pixels[i] = Math.min(4095, Math.round(Math.sqrt(real * real + imaginary * imaginary)));
  }
  return pixels;
}

export function generateBrainMr(study: SampleStudy): GeneratedInstance[] {
  const random = new SeededRandom(1979);
  const noise = random.gaussianTable(8192);
  const frameOfReferenceUID = uidFromName(`${study.key}/frame-of-reference`);
  const labelsBySlice = Array.from({ length: MR_SLICES }, (_, index) => labelSlice(FIRST_SLICE_Z + index * SLICE_SPACING));
  return study.series.flatMap((series: SampleSeries) => {
    const protocol = PROTOCOLS[series.seriesNumber];
    if (!protocol) throw new Error(`No MR protocol for series ${series.seriesNumber}`);
    return labelsBySlice.map((labels, index) => {
      const instanceNumber = index + 1;
      const z = FIRST_SLICE_Z + index * SLICE_SPACING;
      const dataset = {
        ...studyAttributes(study),
        ...seriesAttributes(study, series),
        ...instanceAttributes(study, series, instanceNumber),
        ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'ND'],
        ManufacturerModelName: 'Brain phantom 1.5T',
        PatientPosition: 'HFS',
        ScanningSequence: protocol.scanningSequence,
        SequenceVariant: protocol.sequenceVariant.split('\\'),
        ScanOptions: '',
        MRAcquisitionType: '2D',
        SequenceName: protocol.sequenceName,
        SliceThickness: SLICE_THICKNESS,
        SpacingBetweenSlices: SLICE_SPACING,
        RepetitionTime: protocol.repetitionTime,
        EchoTime: protocol.echoTime,
        EchoTrainLength: protocol.echoTrainLength,
        NumberOfAverages: 2,
        ImagingFrequency: 63.87,
        ImagedNucleus: '1H',
        MagneticFieldStrength: 1.5,
        FlipAngle: protocol.flipAngle,
        ProtocolName: `${protocol.weighting} axial brain`,
        FrameOfReferenceUID: frameOfReferenceUID,
        PositionReferenceIndicator: '',
        AcquisitionNumber: 1,
        ImagePositionPatient: [ORIGIN, ORIGIN, z],
        ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
        SliceLocation: z,
        SamplesPerPixel: 1,
        PhotometricInterpretation: 'MONOCHROME2',
        Rows: SIZE,
        Columns: SIZE,
        PixelSpacing: [SPACING, SPACING],
        BitsAllocated: 16,
        BitsStored: 12,
        HighBit: 11,
        PixelRepresentation: 0,
        WindowCenter: protocol.windowCenter,
        WindowWidth: protocol.windowWidth,
        PixelData: render(labels, protocol.weighting, random, noise).buffer,
      };
      return {
        relativePath: instanceFileName(series, instanceNumber),
        part10: encodePart10(dataset, { vrOverrides: { PixelData: 'OW' } }),
      };
    });
  });
}
