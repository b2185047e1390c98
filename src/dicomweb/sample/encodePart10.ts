import dcmjs from 'dcmjs';

const { DicomDict, DicomMetaDictionary } = dcmjs.data;

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** Fixed so that files written by different runs are byte-identical. */
const IMPLEMENTATION_CLASS_UID = '2.25.176425318926154935437128418209398364461';
const IMPLEMENTATION_VERSION_NAME = 'OHIF_TEACHING_1';

/**
 * Encodes a dataset given with keywords (dcmjs "naturalized" form) as a Part 10 file.
 * `vrOverrides` settles elements whose dictionary VR is ambiguous, such as PixelData (OB or OW).
 */
export function encodePart10(
  dataset: Record<string, unknown>,
  options: { transferSyntaxUID?: string; vrOverrides?: Record<string, string> } = {},
): Uint8Array {
  const transferSyntaxUID = options.transferSyntaxUID ?? EXPLICIT_VR_LITTLE_ENDIAN;
  const { PixelData: pixelData, ...rest } = dataset;
  const vr = options.vrOverrides?.PixelData ?? 'OW';
  if (transferSyntaxUID !== EXPLICIT_VR_LITTLE_ENDIAN || !(pixelData instanceof ArrayBuffer) || (vr !== 'OW' && vr !== 'OB')) {
    return encodeWithDcmjs(dataset, transferSyntaxUID, options.vrOverrides);
  }
  // Native pixel data is the last element: appended directly, the same bytes dcmjs writes, without
  // dcmjs copying megabytes through its stream a few bytes at a time.
  return withPixelData([encodeWithDcmjs(rest, transferSyntaxUID, options.vrOverrides)], pixelData, vr);
}

function withPixelData(parts: readonly Uint8Array[], pixelData: ArrayBuffer, vr: string): Uint8Array {
  const headLength = parts.reduce((sum, part) => sum + part.length, 0);
  const length = pixelData.byteLength + (pixelData.byteLength & 1);
  const file = new Uint8Array(headLength + 12 + length);
  let offset = 0;
  for (const part of parts) {
    file.set(part, offset);
    offset += part.length;
  }
  const view = new DataView(file.buffer, headLength, 12);
  view.setUint16(0, 0x7fe0, true);
  view.setUint16(2, 0x0010, true);
  view.setUint8(4, vr.charCodeAt(0));
  view.setUint8(5, vr.charCodeAt(1));
  view.setUint32(8, length, true);
  file.set(new Uint8Array(pixelData), headLength + 12);
  return file;
}

/** Value representations whose explicit-VR header has a 4-byte length. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

interface EncodedElement {
  tag: number;
  bytes: Uint8Array;
}

/** Splits explicit-VR little-endian data elements (of defined length) from `offset` on. */
function splitElements(bytes: Uint8Array, offset: number, end = bytes.length, stopAtGroup?: number): { elements: EncodedElement[]; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const elements: EncodedElement[] = [];
  while (offset < end) {
    const group = view.getUint16(offset, true);
    if (stopAtGroup !== undefined && group !== stopAtGroup) break;
    const vr = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!);
    const long = LONG_VRS.has(vr);
    const length = long ? view.getUint32(offset + 8, true) : view.getUint16(offset + 6, true);
    if (length === 0xffffffff) throw new Error('Elements of undefined length cannot be merged');
    const size = (long ? 12 : 8) + length;
    elements.push({ tag: group * 0x10000 + view.getUint16(offset + 2, true), bytes: bytes.subarray(offset, offset + size) });
    offset += size;
  }
  return { elements, end: offset };
}

/** Offset of the first data set element: after the preamble, "DICM" and the file meta group. */
function dataSetStart(file: Uint8Array): number {
  return splitElements(file, 132, file.length, 0x0002).end;
}

/**
 * An encoder for the instances of one series with native pixel data: the attributes they all share
 * are encoded once, and each instance's own attributes are merged in in tag order, giving the same
 * bytes as `encodePart10` of the whole data set for a fraction of the work.
 */
export function seriesEncoder(
  shared: Record<string, unknown>,
  options: { vrOverrides?: Record<string, string> } = {},
): (own: Record<string, unknown>) => Uint8Array {
  const sharedFile = encodeWithDcmjs(shared, EXPLICIT_VR_LITTLE_ENDIAN, options.vrOverrides, { classUID: '', instanceUID: '' });
  const sharedElements = splitElements(sharedFile, dataSetStart(sharedFile)).elements;
  const vr = options.vrOverrides?.PixelData ?? 'OW';
  return (own) => {
    const { PixelData: pixelData, ...rest } = own;
    if (!(pixelData instanceof ArrayBuffer)) throw new Error('seriesEncoder needs native pixel data');
    const sop = { classUID: shared.SOPClassUID ?? rest.SOPClassUID, instanceUID: shared.SOPInstanceUID ?? rest.SOPInstanceUID };
    const ownFile = encodeWithDcmjs(rest, EXPLICIT_VR_LITTLE_ENDIAN, options.vrOverrides, sop);
    const start = dataSetStart(ownFile);
    const ownElements = splitElements(ownFile, start).elements;
    const parts: Uint8Array[] = [ownFile.subarray(0, start)];
    let i = 0;
    let j = 0;
    while (i < sharedElements.length || j < ownElements.length) {
      const a = sharedElements[i];
      const b = ownElements[j];
      if (b === undefined || (a !== undefined && a.tag < b.tag)) {
        parts.push(a!.bytes);
        i++;
      } else {
        if (a !== undefined && a.tag === b.tag) throw new Error(`Element ${b.tag.toString(16)} given twice`);
        parts.push(b.bytes);
        j++;
      }
    }
    return withPixelData(parts, pixelData, vr);
  };
}

function encodeWithDcmjs(
  dataset: Record<string, unknown>,
  transferSyntaxUID: string,
  vrOverrides: Record<string, string> = {},
  sop: { classUID: unknown; instanceUID: unknown } = { classUID: dataset.SOPClassUID, instanceUID: dataset.SOPInstanceUID },
): Uint8Array {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: sop.classUID,
    MediaStorageSOPInstanceUID: sop.instanceUID,
    TransferSyntaxUID: transferSyntaxUID,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({ ...dataset, _vrMap: vrOverrides });
  return new Uint8Array(dict.write({ fragmentMultiframe: false }));
}
