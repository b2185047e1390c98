export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';

/** Native little-endian syntaxes: their pixel bytes are identical, so either can be served for the other. */
const NATIVE_LITTLE_ENDIAN = new Set([EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN, '1.2.840.10008.1.2.1.99']);

// PS3.18 Table 8.7.3-2/-3: the media type a frame in each compressed syntax is sent as.
const FRAME_MEDIA_TYPES: Record<string, string> = {
  '1.2.840.10008.1.2.4.50': 'image/jpeg',
  '1.2.840.10008.1.2.4.51': 'image/jpeg',
  '1.2.840.10008.1.2.4.57': 'image/jpeg',
  '1.2.840.10008.1.2.4.70': 'image/jpeg',
  '1.2.840.10008.1.2.4.80': 'image/jls',
  '1.2.840.10008.1.2.4.81': 'image/jls',
  '1.2.840.10008.1.2.4.90': 'image/jp2',
  '1.2.840.10008.1.2.4.91': 'image/jp2',
  '1.2.840.10008.1.2.4.92': 'image/jpx',
  '1.2.840.10008.1.2.4.93': 'image/jpx',
  '1.2.840.10008.1.2.4.201': 'image/jphc',
  '1.2.840.10008.1.2.4.202': 'image/jphc',
  '1.2.840.10008.1.2.4.203': 'image/jphc',
  '1.2.840.10008.1.2.5': 'image/dicom-rle',
};

export function isNativeLittleEndian(transferSyntaxUID: string): boolean {
  return NATIVE_LITTLE_ENDIAN.has(transferSyntaxUID);
}

/** The media type frames of an instance stored in `transferSyntaxUID` are sent as. */
export function frameMediaType(transferSyntaxUID: string): string {
  return FRAME_MEDIA_TYPES[transferSyntaxUID] ?? 'application/octet-stream';
}

/** The transfer syntax to name for frames sent as stored: native data is described as explicit VR little endian. */
export function servedTransferSyntax(transferSyntaxUID: string): string {
  return isNativeLittleEndian(transferSyntaxUID) ? EXPLICIT_VR_LITTLE_ENDIAN : transferSyntaxUID;
}
