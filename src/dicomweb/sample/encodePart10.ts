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
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: options.transferSyntaxUID ?? EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({ ...dataset, _vrMap: options.vrOverrides ?? {} });
  return new Uint8Array(dict.write({ fragmentMultiframe: false }));
}
