import { encodePart10 } from './encodePart10';
import { SeededRandom } from './seededRandom';
import { instanceAttributes, instanceFileName, seriesAttributes, studyAttributes, type GeneratedInstance } from './commonAttributes';
import type { SampleStudy } from './sampleCatalogue';

const SIZE = 1024;
const SPACING = 0.35;
const HALF = ((SIZE - 1) / 2) * SPACING;

function smoothstep(edge0: number, edge1: number, value: number): number {
  const t = Math.min(1, Math.max(0, (value - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

/** 1 well inside a band of half-width `halfWidth` around 0, falling smoothly to 0 at its edges. */
function band(distance: number, halfWidth: number): number {
  return 1 - smoothstep(halfWidth * 0.7, halfWidth, Math.abs(distance));
}

/** Height of the hemidiaphragm dome (mm, downwards positive) under lateral position x; the right is higher. */
function diaphragm(x: number): number {
  const side = x < 0 ? -1 : 1;
  const peak = side < 0 ? 62 : 76;
  const u = (Math.abs(x) - 70) / 70;
  return peak + 30 * u * u;
}

/** Lung thickness fraction at (x, y): x lateral (patient right negative, on the image left), y downwards. */
function lungField(x: number, y: number): number {
  const ax = Math.abs(x);
  if (y < -135 || ax < 18 || ax > 150) return 0;
  const lateral = 62 + 82 * Math.sqrt(Math.min(1, (y + 135) / 190));
  const medial = 22 + (x > 0 ? 8 : 0);
  const inside =
    smoothstep(-135, -112, y) * smoothstep(medial, medial + 14, ax) * (1 - smoothstep(lateral - 14, lateral, ax)) *
    (1 - smoothstep(diaphragm(x) - 10, diaphragm(x) + 2, y));
  return inside;
}

/** X-ray attenuation summed along the beam: soft tissue, less air in the lungs, plus mediastinum and bones. */
function density(x: number, y: number, bone: number): number {
  const ax = Math.abs(x);
  const torsoHalfWidth = y < -150 ? 48 : y < -110 ? 48 + (y + 150) * 2.6 : 152;
  if (ax > torsoHalfWidth + 10 || y < -179) return 0;
  let d = 0.7 * smoothstep(torsoHalfWidth + 10, torsoHalfWidth - 10, ax) * Math.sqrt(Math.max(0, 1 - (ax / (torsoHalfWidth + 30)) ** 2));
  if (y > 60) {
    const breast = 1 - ((ax - 92) * (ax - 92) + (y - 110) * (y - 110)) / 4900;
    if (breast > 0) d += 0.25 * breast * smoothstep(60, 100, y);
  }
  const lung = lungField(x, y);
  d -= 0.55 * lung;
  d += 0.2 * band(x, 30) * smoothstep(-179, -100, y);
  const heart = ((x - 22) / 84) ** 2 + ((y - 38) / 58) ** 2;
  d += 0.4 * (1 - smoothstep(0.7, 1, heart)) * smoothstep(-30, 10, y);
  const aorticKnob = ((x - 32) / 20) ** 2 + ((y + 58) / 18) ** 2;
  d += 0.3 * (1 - smoothstep(0.8, 1, aorticKnob));
  d += 0.4 * smoothstep(diaphragm(x) - 6, diaphragm(x) + 6, y) * smoothstep(torsoHalfWidth, torsoHalfWidth - 25, ax);
  const gastric = ((x - 72) / 32) ** 2 + ((y - (diaphragm(72) + 22)) / 16) ** 2;
  d -= 0.35 * (1 - smoothstep(0.8, 1, gastric));
  // Spine: vertebral bodies with faint disc gaps behind the mediastinum.
  d += 0.1 * band(x, 20) * (0.75 + 0.25 * Math.cos((y / 26) * 2 * Math.PI));
  d += bone * (0.55 + 0.45 * lung);
  return Math.max(0, d);
}

/** Where each bone crosses one image column; they depend on x only, so they are computed once per column. */
interface ColumnBones {
  clavicleY: number | undefined;
  posteriorRibY: number[];
  anteriorRibY: number[];
}

const RIBS = 10;

function columnBones(ax: number): ColumnBones {
  const clavicleU = (ax - 14) / 146;
  const posteriorRibY: number[] = [];
  const anteriorRibY: number[] = [];
  for (let rib = 0; rib < RIBS; rib++) {
    const origin = -132 + 22.5 * rib;
    // Posterior ribs rise slightly from the spine then sweep laterally and down; anterior ribs run down-medially.
    if (ax > 16 && ax < 148) {
      const u = (ax - 16) / 132;
      posteriorRibY.push(origin - 9 * Math.sin(Math.PI * u * 0.9) + 52 * u * u);
    }
    if (ax > 40 && ax < 146) {
      const u = (146 - ax) / 106;
      anteriorRibY.push(origin + 48 + 34 * u - 10 * u * u);
    }
  }
  return {
    // Clavicles: S-shaped from the sternal notch out to the shoulders.
    clavicleY: ax > 14 && ax < 160 ? -122 - 20 * clavicleU + 7 * Math.sin(Math.PI * clavicleU * 1.6) : undefined,
    posteriorRibY,
    anteriorRibY,
  };
}

/** Adds a bone band's density profile along one column, visiting only the rows it covers. */
function paintBand(image: Float32Array, column: number, centreY: number, halfWidth: number, profile: (distance: number) => number): void {
  const first = Math.max(0, Math.floor((centreY - halfWidth + HALF) / SPACING));
  const last = Math.min(SIZE - 1, Math.ceil((centreY + halfWidth + HALF) / SPACING));
  for (let row = first; row <= last; row++) {
    const index = row * SIZE + column;
    image[index] = image[index]! + profile(-HALF + row * SPACING - centreY);
  }
}

const clavicleProfile = (distance: number) => 0.5 * band(distance, 6.5) * (0.6 + 0.4 * band(distance, 5.5));
// Cortical edges of a rib are denser than its middle.
const posteriorRibProfile = (distance: number) => 0.3 * band(distance, 5.5) * (0.55 + 0.45 * (1 - band(distance, 3.8)));
const anteriorRibProfile = (distance: number) => 0.12 * band(distance, 6);

function paintBones(): Float32Array {
  const image = new Float32Array(SIZE * SIZE);
  for (let column = 0; column < SIZE; column++) {
    const bones = columnBones(Math.abs(-HALF + column * SPACING));
    if (bones.clavicleY !== undefined) paintBand(image, column, bones.clavicleY, 6.5, clavicleProfile);
    for (const ribY of bones.posteriorRibY) paintBand(image, column, ribY, 5.5, posteriorRibProfile);
    for (const ribY of bones.anteriorRibY) paintBand(image, column, ribY, 6, anteriorRibProfile);
  }
  return image;
}

export function generateChestRadiograph(study: SampleStudy): GeneratedInstance[] {
  const [series] = study.series;
  if (!series) throw new Error(`${study.key} has no series`);
  const random = new SeededRandom(1990);
  const noise = random.gaussianTable(8192);
  const pixels = new Uint16Array(SIZE * SIZE);
  const bones = paintBones();
  for (let row = 0; row < SIZE; row++) {
    const y = -HALF + row * SPACING;
    for (let column = 0; column < SIZE; column++) {
      // Patient's right on the image left, as a PA film is viewed.
      const x = -HALF + column * SPACING;
      const exposure = 1 - Math.exp(-2.2 * density(x, y, bones[row * SIZE + column]!));
      const value = 150 + 3700 * exposure + noise[random.nextIndex(noise.length)]! * 28;
      pixels[row * SIZE + column] = Math.max(0, Math.min(4095, Math.round(value)));
    }
  }
  const dataset = {
    ...studyAttributes(study),
    ...seriesAttributes(study, series),
    ...instanceAttributes(study, series, 1),
    ImageType: ['ORIGINAL', 'PRIMARY'],
    ManufacturerModelName: 'Chest phantom DR',
    PresentationIntentType: 'FOR PRESENTATION',
    ProtocolName: 'Chest PA erect',
    KVP: 125,
    ExposureTime: 8,
    XRayTubeCurrent: 250,
    Exposure: 2,
    ExposureInuAs: 2000,
    // In dGy·cm²: about 0.1 Gy·cm², what a 2 mAs high-kV PA chest gives over its collimated field.
    ImageAndFluoroscopyAreaDoseProduct: 0.9,
    DistanceSourceToDetector: 1800,
    ViewPosition: 'PA',
    PatientOrientation: ['L', 'F'],
    ImageLaterality: 'U',
    ImagerPixelSpacing: [SPACING, SPACING],
    PixelSpacing: [SPACING, SPACING],
    DetectorType: 'SCINTILLATOR',
    BurnedInAnnotation: 'NO',
    LossyImageCompression: '00',
    PixelIntensityRelationship: 'LOG',
    PixelIntensityRelationshipSign: 1,
    RescaleIntercept: 0,
    RescaleSlope: 1,
    RescaleType: 'US',
    PresentationLUTShape: 'IDENTITY',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: SIZE,
    Columns: SIZE,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    WindowCenter: 2100,
    WindowWidth: 3800,
    PixelData: pixels.buffer,
  };
  return [{ relativePath: instanceFileName(series, 1), part10: encodePart10(dataset, { vrOverrides: { PixelData: 'OW' } }) }];
}
