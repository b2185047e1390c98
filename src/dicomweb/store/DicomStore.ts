import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InstanceRecord } from './InstanceRecord';
import { InvalidDicomError } from './InvalidDicomError';
import { readInstanceHeader } from './readInstanceHeader';
import { scanFiles } from './scanFiles';

export { InvalidDicomError } from './InvalidDicomError';
export type { InstanceRecord, PixelDataLocation } from './InstanceRecord';

export interface StoreLog {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface SeriesEntry {
  uid: string;
  studyUID: string;
  instances: Map<string, InstanceRecord>;
}

export interface StudyEntry {
  uid: string;
  series: Map<string, SeriesEntry>;
}

export interface StoredInstanceIds {
  studyUID: string;
  seriesUID: string;
  sopInstanceUID: string;
  sopClassUID: string;
}

/** Headers are nearly always within this; larger ones are read whole. */
const HEADER_READ_BYTES = 256 * 1024;
const INDEXING_CONCURRENCY = 16;
/** Instances received through STOW-RS live here, one folder per study and series. */
const STORED_FOLDER = 'stored';

async function readHeaderBytes(filePath: string): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, HEADER_READ_BYTES);
    const bytes = new Uint8Array(length);
    await handle.read(bytes, 0, length, 0);
    return { bytes, complete: length === size };
  } finally {
    await handle.close();
  }
}

async function indexFile(filePath: string): Promise<InstanceRecord> {
  const head = await readHeaderBytes(filePath);
  if (!head.complete) {
    try {
      const record = readInstanceHeader(head.bytes, filePath);
      if (record.pixelData) return record;
    } catch {
      // The header runs past the first chunk: read the whole file below.
    }
  }
  const bytes = head.complete ? head.bytes : new Uint8Array(await readFile(filePath));
  return readInstanceHeader(bytes, filePath);
}

function safeFileName(uid: string): string {
  return uid.replace(/[^0-9A-Za-z.]/g, '_');
}

/** The embedded archive: Part 10 files under a data folder, indexed in memory by UID. */
export class DicomStore {
  private readonly studiesByUid = new Map<string, StudyEntry>();
  private readonly instancesByUid = new Map<string, InstanceRecord>();
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    private readonly log: StoreLog,
  ) {}

  static async open(dataDir: string, log: StoreLog): Promise<DicomStore> {
    const store = new DicomStore(dataDir, log);
    await mkdir(dataDir, { recursive: true });
    const files = (await scanFiles(dataDir)).sort();
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const filePath = files[next++]!;
        try {
          store.add(await indexFile(filePath));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          log.warn(`Skipped ${filePath}: ${reason}`);
        }
      }
    };
    await Promise.all(Array.from({ length: INDEXING_CONCURRENCY }, worker));
    log.info(`Indexed ${store.instancesByUid.size} DICOM instances in ${store.studiesByUid.size} studies from ${dataDir}`);
    return store;
  }

  studies(): StudyEntry[] {
    return [...this.studiesByUid.values()];
  }

  study(studyUID: string): StudyEntry | undefined {
    return this.studiesByUid.get(studyUID);
  }

  series(studyUID: string, seriesUID: string): SeriesEntry | undefined {
    return this.studiesByUid.get(studyUID)?.series.get(seriesUID);
  }

  instance(studyUID: string, seriesUID: string, sopInstanceUID: string): InstanceRecord | undefined {
    return this.series(studyUID, seriesUID)?.instances.get(sopInstanceUID);
  }

  /**
   * Validates and writes a Part 10 instance, then indexes it. An instance with the same SOP Instance
   * UID is replaced. Throws InvalidDicomError when the bytes are not a storable instance.
   */
  async store(part10: Uint8Array): Promise<StoredInstanceIds> {
    const parsed = readInstanceHeader(part10, '');
    if (parsed.pixelData?.encapsulated === false && parsed.pixelData.length !== undefined && parsed.pixelData.offset + parsed.pixelData.length > part10.length) {
      throw new InvalidDicomError('the pixel data is truncated');
    }
    const filePath = path.join(
      this.dataDir,
      STORED_FOLDER,
      safeFileName(parsed.studyUID),
      safeFileName(parsed.seriesUID),
      `${safeFileName(parsed.sopInstanceUID)}.dcm`,
    );
    const record: InstanceRecord = { ...parsed, filePath };
    const write = this.writes.then(() => this.writeAndIndex(record, part10));
    this.writes = write.catch(() => undefined);
    await write;
    return { studyUID: record.studyUID, seriesUID: record.seriesUID, sopInstanceUID: record.sopInstanceUID, sopClassUID: record.sopClassUID };
  }

  private async writeAndIndex(record: InstanceRecord, part10: Uint8Array): Promise<void> {
    await mkdir(path.dirname(record.filePath), { recursive: true });
    // Written aside and renamed so that readers never see a half-written file.
    const temporaryPath = path.join(path.dirname(record.filePath), `.${path.basename(record.filePath)}.partial`);
    await writeFile(temporaryPath, part10);
    await rename(temporaryPath, record.filePath);
    const previous = this.instancesByUid.get(record.sopInstanceUID);
    if (previous) {
      this.remove(previous);
      if (previous.filePath !== record.filePath) await rm(previous.filePath, { force: true });
    }
    this.add(record);
  }

  private add(record: InstanceRecord): void {
    const duplicate = this.instancesByUid.get(record.sopInstanceUID);
    if (duplicate) {
      this.log.warn(`${record.filePath} repeats SOP Instance UID ${record.sopInstanceUID} of ${duplicate.filePath}; kept the one indexed first`);
      return;
    }
    let study = this.studiesByUid.get(record.studyUID);
    if (!study) {
      study = { uid: record.studyUID, series: new Map() };
      this.studiesByUid.set(record.studyUID, study);
    }
    let series = study.series.get(record.seriesUID);
    if (!series) {
      series = { uid: record.seriesUID, studyUID: record.studyUID, instances: new Map() };
      study.series.set(record.seriesUID, series);
    }
    series.instances.set(record.sopInstanceUID, record);
    this.instancesByUid.set(record.sopInstanceUID, record);
  }

  private remove(record: InstanceRecord): void {
    this.instancesByUid.delete(record.sopInstanceUID);
    const study = this.studiesByUid.get(record.studyUID);
    const series = study?.series.get(record.seriesUID);
    if (!study || !series) return;
    series.instances.delete(record.sopInstanceUID);
    if (series.instances.size === 0) study.series.delete(record.seriesUID);
    if (study.series.size === 0) this.studiesByUid.delete(record.studyUID);
  }
}
