import { encodePart10 } from './encodePart10';
import { SeededRandom } from './seededRandom';
import { instanceAttributes, instanceFileName, seriesAttributes, studyAttributes, type GeneratedInstance } from './commonAttributes';
import type { SampleSeries, SampleStudy } from './sampleCatalogue';

const ROWS = 384;
const COLUMNS = 512;
/** Millimetres per pixel in both directions. */
export const PIXEL_MM = 0.4;
/** Where the sector's apex is on the image: the transducer face is a short arc around it. */
export const APEX_COLUMN = 256;
export const APEX_ROW = 12;
/** Depth is measured from the transducer face, this far from the apex. */
export const TRANSDUCER_FACE_MM = 4;
const SECTOR_HALF_ANGLE = (38 * Math.PI) / 180;
const MAX_DEPTH_MM = (ROWS - APEX_ROW - 4) * PIXEL_MM;

/** The hyperechoic nodule (a haemangioma): lateral centre and depth, and half its width and height, in mm. */
export const LIVER_LESION = { lateralMm: -24, depthMm: 48, halfWidthMm: 10.5, halfDepthMm: 9.5 } as const;

/** Echogenicity of the tissue at lateral x / depth (mm), with the liver shifted by breathing. */
function echogenicity(x: number, depth: number, breath: number): number {
  if (depth < 2.5) return 1.6;
  if (depth < 11) return 0.35;
  if (depth < 18) return 0.55 + 0.25 * Math.sin(depth * 2.4);
  if (depth < 19.5) return 1.5;
  const d = depth - breath;
  const diaphragmDepth = 118 + 0.0025 * x * x - 0.12 * x;
  if (Math.abs(d - diaphragmDepth) < 2.2) return 1.9;
  const portal = ((x - 12) / 10) ** 2 + ((d - 72) / 6.5) ** 2;
  if (portal < 1) return 0.03;
  if (portal < 1.5) return 1.5;
  // An oblique hepatic vein: anechoic, without the bright wall of the portal vein.
  const veinAxis = (x + 35) * 0.6 - (d - 95) * 0.8;
  if (Math.abs(veinAxis) < 4 && x > -60 && x < 5 && d < diaphragmDepth - 6) return 0.04;
  const lesion = ((x - LIVER_LESION.lateralMm) / LIVER_LESION.halfWidthMm) ** 2 + ((d - LIVER_LESION.depthMm) / LIVER_LESION.halfDepthMm) ** 2;
  if (lesion < 1) return 1.45;
  return d > diaphragmDepth ? 0.45 : 0.62;
}

/** Laterally correlated Rayleigh speckle, fixed to the tissue so it moves with it between frames. */
function speckleField(random: SeededRandom, noise: Float32Array, rows: number): Float32Array {
  const field = new Float32Array(rows * COLUMNS);
  for (let i = 0; i < field.length; i++) {
    const a = noise[random.nextIndex(noise.length)]!;
    const b = noise[random.nextIndex(noise.length)]!;
    field[i] = Math.sqrt(a * a + b * b);
  }
  const smoothed = new Float32Array(field.length);
  for (let row = 0; row < rows; row++) {
    for (let column = 2; column < COLUMNS - 2; column++) {
      const i = row * COLUMNS + column;
      smoothed[i] = (field[i - 2]! + field[i - 1]! + field[i]! + field[i + 1]! + field[i + 2]!) / 5;
    }
  }
  return smoothed;
}

function renderFrame(speckle: Float32Array, breathMm: number): Uint8Array {
  const pixels = new Uint8Array(ROWS * COLUMNS);
  const shiftRows = Math.round(breathMm / PIXEL_MM);
  for (let row = 0; row < ROWS; row++) {
    for (let column = 0; column < COLUMNS; column++) {
      const dx = (column - APEX_COLUMN) * PIXEL_MM;
      const dy = (row - APEX_ROW) * PIXEL_MM;
      const radius = Math.sqrt(dx * dx + dy * dy);
      const angle = Math.atan2(dx, dy);
      if (dy <= 0 || Math.abs(angle) > SECTOR_HALF_ANGLE || radius > MAX_DEPTH_MM || radius < TRANSDUCER_FACE_MM) continue;
      const echo = echogenicity(dx, radius - TRANSDUCER_FACE_MM, breathMm);
      const speckleRow = Math.min(ROWS + 15, Math.max(0, row + 8 - shiftRows));
      const grain = speckle[speckleRow * COLUMNS + column]! * 0.8;
      // Time-gain compensation leaves a little attenuation with depth.
      const gain = 1 - 0.25 * (radius / MAX_DEPTH_MM);
      const value = 255 * Math.pow(Math.min(1, 0.42 * echo * grain * gain), 0.7);
      pixels[row * COLUMNS + column] = Math.round(value);
    }
  }
  return pixels;
}

const ULTRASOUND_REGION = {
  RegionSpatialFormat: 1,
  RegionDataType: 1,
  RegionFlags: 0,
  RegionLocationMinX0: 0,
  RegionLocationMinY0: 0,
  RegionLocationMaxX1: COLUMNS - 1,
  RegionLocationMaxY1: ROWS - 1,
  ReferencePixelX0: APEX_COLUMN,
  ReferencePixelY0: APEX_ROW,
  PhysicalUnitsXDirection: 3,
  PhysicalUnitsYDirection: 3,
  ReferencePixelPhysicalValueX: 0,
  ReferencePixelPhysicalValueY: 0,
  // Centimetres per pixel.
  PhysicalDeltaX: PIXEL_MM / 10,
  PhysicalDeltaY: PIXEL_MM / 10,
  TransducerType: 'CURVED LINEAR',
  // In kHz: the centre of the C5-1's 1–5 MHz band, the abdominal preset's frequency.
  TransducerFrequency: 3500,
};

function imageAttributes(frames: Uint8Array[]): Record<string, unknown> {
  const pixelData = new Uint8Array(frames.length * ROWS * COLUMNS);
  frames.forEach((frame, index) => pixelData.set(frame, index * ROWS * COLUMNS));
  return {
    ImageType: ['ORIGINAL', 'PRIMARY', 'ABDOMINAL', '0001'],
    ManufacturerModelName: 'Liver phantom C5-1',
    TransducerData: ['C5-1'],
    ProcessingFunction: 'ABDOMEN',
    MechanicalIndex: 1.1,
    SoftTissueThermalIndex: 0.4,
    DepthOfScanField: Math.round(MAX_DEPTH_MM),
    LossyImageCompression: '00',
    BurnedInAnnotation: 'NO',
    SequenceOfUltrasoundRegions: [ULTRASOUND_REGION],
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: ROWS,
    Columns: COLUMNS,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    PixelData: pixelData.buffer,
  };
}

export function generateLiverUltrasound(study: SampleStudy): GeneratedInstance[] {
  const random = new SeededRandom(1967);
  const noise = random.gaussianTable(8192);
  const speckle = speckleField(random, noise, ROWS + 16);
  const [stills, cine] = study.series as [SampleSeries, SampleSeries];
  const instances: GeneratedInstance[] = [];
  for (let instanceNumber = 1; instanceNumber <= stills.instances; instanceNumber++) {
    const dataset = {
      ...studyAttributes(study),
      ...seriesAttributes(study, stills),
      ...instanceAttributes(study, stills, instanceNumber),
      ...imageAttributes([renderFrame(speckle, (instanceNumber - 2) * 2)]),
    };
    instances.push({ relativePath: instanceFileName(stills, instanceNumber), part10: encodePart10(dataset, { vrOverrides: { PixelData: 'OB' } }) });
  }
  const frames = Array.from({ length: cine.framesPerInstance }, (_, frame) =>
    renderFrame(speckle, 3 * Math.sin((2 * Math.PI * frame) / cine.framesPerInstance)),
  );
  const dataset = {
    ...studyAttributes(study),
    ...seriesAttributes(study, cine),
    ...instanceAttributes(study, cine, 1),
    ...imageAttributes(frames),
    NumberOfFrames: frames.length,
    FrameTime: 66.7,
    CineRate: 15,
    FrameIncrementPointer: 0x00181063,
  };
  instances.push({ relativePath: instanceFileName(cine, 1), part10: encodePart10(dataset, { vrOverrides: { PixelData: 'OB' } }) });
  return instances;
}
