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
  const head = encodeWithDcmjs(rest, transferSyntaxUID, options.vrOverrides);
  const length = pixelData.byteLength + (pixelData.byteLength & 1);
  const file = new Uint8Array(head.length + 12 + length);
  file.set(head);
  const view = new DataView(file.buffer, head.length, 12);
  view.setUint16(0, 0x7fe0, true);
  view.setUint16(2, 0x0010, true);
  view.setUint8(4, vr.charCodeAt(0));
  view.setUint8(5, vr.charCodeAt(1));
  view.setUint32(8, length, true);
  file.set(new Uint8Array(pixelData), head.length + 12);
  return file;
}

function encodeWithDcmjs(dataset: Record<string, unknown>, transferSyntaxUID: string, vrOverrides: Record<string, string> = {}): Uint8Array {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: transferSyntaxUID,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({ ...dataset, _vrMap: vrOverrides });
  return new Uint8Array(dict.write({ fragmentMultiframe: false }));
}
