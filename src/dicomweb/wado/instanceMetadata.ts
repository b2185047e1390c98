import { open, readFile } from 'node:fs/promises';
import dcmjs, { type DcmjsDenaturalizedDataset } from 'dcmjs';
import type { DicomJsonDataset, DicomJsonElement } from '../dicom/dicomJson';
import { sortedByTag } from '../dicom/dicomJson';
import type { InstanceRecord } from '../store/InstanceRecord';

const { DicomMessage } = dcmjs.data;

const PIXEL_DATA = '7FE00010';
const BINARY_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN']);

/** The URL of an instance resource under the plugin's prefix. */
export function instanceUrl(prefix: string, record: InstanceRecord): string {
  return `${prefix}/studies/${record.studyUID}/series/${record.seriesUID}/instances/${record.sopInstanceUID}`;
}

/** Bytes of the file up to the pixel data value: all dcmjs needs for metadata, without reading frames. */
async function headerBytes(record: InstanceRecord): Promise<ArrayBuffer> {
  if (!record.pixelData) {
    const whole = await readFile(record.filePath);
    return whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength);
  }
  const handle = await open(record.filePath, 'r');
  try {
    const bytes = new Uint8Array(record.pixelData.offset);
    await handle.read(bytes, 0, bytes.length, 0);
    return bytes.buffer;
  } finally {
    await handle.close();
  }
}

function toDicomJson(dataset: DcmjsDenaturalizedDataset, bulkDataBase: string, path: string): DicomJsonDataset {
  const result: DicomJsonDataset = {};
  for (const [tag, element] of Object.entries(dataset)) {
    if (!element.vr) continue;
    const vr = element.vr;
    const values = element.Value ?? [];
    const out: DicomJsonElement = { vr };
    if (BINARY_VRS.has(vr)) {
      if (values.length > 0) out.BulkDataURI = `${bulkDataBase}/${path}${tag}`;
    } else if (vr === 'SQ') {
      if (values.length > 0) {
        out.Value = values.map((item, index) =>
          toDicomJson(item as DcmjsDenaturalizedDataset, bulkDataBase, `${path}${tag}/${index}/`),
        );
      }
    } else if (vr === 'AT') {
      if (values.length > 0) out.Value = values.map((value) => Number(value).toString(16).toUpperCase().padStart(8, '0'));
    } else if (values.length > 0) {
      out.Value = values;
    }
    result[tag] = out;
  }
  return sortedByTag(result);
}

/**
 * The instance's attributes as DICOM JSON with every binary value, pixel data included, given as a
 * BulkDataURI under `prefix` (an absolute path, so it works behind the same proxy as the metadata).
 */
export async function buildInstanceMetadata(record: InstanceRecord, prefix: string): Promise<DicomJsonDataset> {
  const { dict } = DicomMessage.readFile(await headerBytes(record), { untilTag: PIXEL_DATA, includeUntilTagValue: false });
  delete dict[PIXEL_DATA];
  const bulkDataBase = `${instanceUrl(prefix, record)}/bulkdata`;
  const metadata = toDicomJson(dict, bulkDataBase, '');
  if (record.pixelData) metadata[PIXEL_DATA] = { vr: record.pixelData.vr, BulkDataURI: `${bulkDataBase}/${PIXEL_DATA}` };
  return metadata;
}
