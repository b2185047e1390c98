import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateBrainMr } from './brainMrPhantom';
import { generateChestCt } from './chestCtPhantom';
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
const GENERATOR_VERSION = 'ohif-teaching-samples 1';

const GENERATORS: Record<SampleStudyKey, (study: SampleStudy) => GeneratedInstance[]> = {
  chestCt: (study) => generateChestCt(study, CHEST_CT_NODULE),
  chestCtPrior: (study) => generateChestCt(study, CHEST_CT_PRIOR_NODULE),
  brainMr: generateBrainMr,
  chestRadiograph: generateChestRadiograph,
  liverUltrasound: generateLiverUltrasound,
};

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
  for (const study of Object.values(SAMPLE_STUDIES)) {
    const instances = GENERATORS[study.key](study);
    await Promise.all(
      instances.map(async (instance) => {
        const filePath = path.join(samplesDir, study.folder, instance.relativePath);
        await mkdir(path.dirname(filePath), { recursive: true });
        await writeFile(filePath, instance.part10);
      }),
    );
    files += instances.length;
  }
  await writeFile(markerPath, `${GENERATOR_VERSION}\n`);
  return { generated: true, files };
}
