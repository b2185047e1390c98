import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateBrainMr } from './brainMrPhantom';
import { generateChestCts } from './chestCtPhantom';
import { generateChestRadiograph } from './chestRadiographPhantom';
import type { GeneratedInstance } from './commonAttributes';
import { generateLiverUltrasound } from './liverUltrasoundPhantom';
import { CHEST_CT_NODULE, CHEST_CT_PRIOR_NODULE, SAMPLE_STUDIES, sampleFileCount, type SampleStudy, type SampleStudyKey } from './sampleCatalogue';

export {
  SAMPLE_STUDIES,
  CHEST_CT_GEOMETRY,
  CHEST_CT_NODULE,
  CHEST_CT_PRIOR_NODULE,
  SOP_CLASS,
  sopInstanceUidFor,
  type SampleStudy,
  type SampleSeries,
  type SamplePatient,
  type SampleNodule,
  type SampleStudyKey,
  type ChestCtGeometry,
} from './sampleCatalogue';

export const SAMPLES_FOLDER = 'samples';
/** Written last; bump the version when the phantoms change so existing data dirs are regenerated. */
const MARKER_FILE = '.generated';
const GENERATOR_VERSION = 'ohif-teaching-samples 3';

/** Studies generated together: the two chest CTs share their anatomy, painted once. */
const GENERATORS: { keys: SampleStudyKey[]; generate: (studies: SampleStudy[]) => GeneratedInstance[][] }[] = [
  {
    keys: ['chestCt', 'chestCtPrior'],
    generate: ([current, prior]) =>
      generateChestCts([
        { study: current!, nodule: CHEST_CT_NODULE },
        { study: prior!, nodule: CHEST_CT_PRIOR_NODULE },
      ]),
  },
  { keys: ['brainMr'], generate: ([study]) => [generateBrainMr(study!)] },
  { keys: ['chestRadiograph'], generate: ([study]) => [generateChestRadiograph(study!)] },
  { keys: ['liverUltrasound'], generate: ([study]) => [generateLiverUltrasound(study!)] },
];

async function alreadyGenerated(markerPath: string): Promise<boolean> {
  try {
    return (await readFile(markerPath, 'utf8')).trim() === GENERATOR_VERSION;
  } catch {
    return false;
  }
}

/**
 * Writes the sample department's studies under `<dataDir>/samples` unless a previous run finished
 * doing so. Files are deterministic: the same bytes on every run and machine.
 */
export async function ensureSampleStudies(dataDir: string): Promise<{ generated: boolean; files: number }> {
  const samplesDir = path.join(dataDir, SAMPLES_FOLDER);
  const markerPath = path.join(samplesDir, MARKER_FILE);
  if (await alreadyGenerated(markerPath)) return { generated: false, files: sampleFileCount() };

  let files = 0;
  for (const group of GENERATORS) {
    const studies = group.keys.map((key) => SAMPLE_STUDIES[key]);
    const generated = group.generate(studies);
    for (const [index, study] of studies.entries()) {
      const instances = generated[index]!;
      await Promise.all(
        instances.map(async (instance) => {
          const filePath = path.join(samplesDir, study.folder, instance.relativePath);
          await mkdir(path.dirname(filePath), { recursive: true });
          await writeFile(filePath, instance.part10);
        }),
      );
      files += instances.length;
    }
  }
  await writeFile(markerPath, `${GENERATOR_VERSION}\n`);
  return { generated: true, files };
}
