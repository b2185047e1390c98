import dicomParser, { type DataSet } from 'dicom-parser';
import { decoderFor } from '../dicom/characterSets';
import type { DicomJsonDataset, DicomJsonElement } from '../dicom/dicomJson';
import { INDEXED_ATTRIBUTES } from './indexedAttributes';
import type { InstanceRecord } from './InstanceRecord';
import { InvalidDicomError } from './InvalidDicomError';

const PIXEL_DATA = 'x7fe00010';
const ASCII_VRS = new Set(['UI', 'DA', 'TM', 'DT', 'CS', 'AS', 'IS', 'DS']);

/** dicom-parser throws strings or `{ exception }` objects; this turns them into a readable reason. */
export function parserFailureReason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'exception' in error) return String((error as { exception: unknown }).exception);
  return String(error);
}

function elementValue(dataSet: DataSet, tag: string, vr: string, decoder: TextDecoder): DicomJsonElement | undefined {
  const element = dataSet.elements[`x${tag.toLowerCase()}`];
  if (!element) return undefined;
  if (element.length === 0) return { vr };
  if (vr === 'US') return { vr, Value: [dataSet.uint16(element.tag)] };
  const bytes = dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length);
  const text = ASCII_VRS.has(vr) ? String.fromCharCode(...bytes) : decoder.decode(bytes);
  const values = text.split('\\').map((value) => value.replace(/[\0\s]+$/, '').replace(/^\s+/, ''));
  if (vr === 'PN') return { vr, Value: values.map((value) => ({ Alphabetic: value.split('=')[0] })) };
  if (vr === 'IS' || vr === 'DS') {
    const numbers = values.filter((value) => value !== '').map(Number).filter((n) => Number.isFinite(n));
    return numbers.length > 0 ? { vr, Value: numbers } : { vr };
  }
  return { vr, Value: values };
}

/**
 * Reads the index entry from a Part 10 file's bytes. `bytes` may stop anywhere after the pixel data
 * element's header; parsing ends there.
 */
export function readInstanceHeader(bytes: Uint8Array, filePath: string): InstanceRecord {
  if (bytes.length < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') {
    throw new InvalidDicomError('not a DICOM Part 10 file: no "DICM" marker after the 128-byte preamble');
  }
  let dataSet: DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, { untilTag: PIXEL_DATA });
  } catch (error) {
    throw new InvalidDicomError(`not a readable DICOM Part 10 file: ${parserFailureReason(error)}`);
  }
  const transferSyntaxUID = dataSet.string('x00020010');
  if (!transferSyntaxUID) throw new InvalidDicomError('the file meta information has no TransferSyntaxUID');
  const decoder = decoderFor(dataSet.string('x00080005'));
  const attributes: DicomJsonDataset = {};
  for (const { tag, vr } of INDEXED_ATTRIBUTES) {
    const element = elementValue(dataSet, tag, vr, decoder);
    if (element) attributes[tag] = element;
  }
  const uid = (tag: string, keyword: string): string => {
    const value = attributes[tag]?.Value?.[0];
    if (typeof value !== 'string' || value === '') throw new InvalidDicomError(`the dataset has no ${keyword}`);
    return value;
  };
  const pixelElement = dataSet.elements[PIXEL_DATA];
  const encapsulated = pixelElement !== undefined && pixelElement.hadUndefinedLength === true;
  return {
    filePath,
    studyUID: uid('0020000D', 'StudyInstanceUID'),
    seriesUID: uid('0020000E', 'SeriesInstanceUID'),
    sopInstanceUID: uid('00080018', 'SOPInstanceUID'),
    sopClassUID: uid('00080016', 'SOPClassUID'),
    transferSyntaxUID,
    rows: dataSet.uint16('x00280010') ?? 0,
    columns: dataSet.uint16('x00280011') ?? 0,
    samplesPerPixel: dataSet.uint16('x00280002') ?? 1,
    bitsAllocated: dataSet.uint16('x00280100') ?? 0,
    numberOfFrames: dataSet.intString('x00280008') ?? 1,
    pixelData: pixelElement
      ? {
          offset: pixelElement.dataOffset,
          length: encapsulated ? undefined : pixelElement.length,
          encapsulated,
          vr: pixelElement.vr ?? ((dataSet.uint16('x00280100') ?? 8) > 8 ? 'OW' : 'OB'),
        }
      : undefined,
    attributes,
  };
}
