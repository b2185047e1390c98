import type { DicomJsonDataset } from '../dicom/dicomJson';

// PS3.18 / PS3.4 failure reasons used in FailedSOPSequence.
export const FAILURE_REASON = {
  cannotUnderstand: 0xc000,
  processingFailure: 0x0110,
  /** The instance belongs to another study than the one in the request URL (dcm4chee uses the same code). */
  differentStudy: 0xc409,
} as const;

export interface StoredReference {
  sopClassUID: string;
  sopInstanceUID: string;
  retrieveURL: string;
}

export interface FailedReference {
  sopClassUID: string | undefined;
  sopInstanceUID: string | undefined;
  failureReason: number;
}

/** The STOW-RS response dataset (PS3.18 Table 10.5.3-1) as DICOM JSON. */
export function stowResponse(studyRetrieveURL: string | undefined, stored: StoredReference[], failed: FailedReference[]): DicomJsonDataset {
  const uid = (value: string | undefined) => (value ? { vr: 'UI', Value: [value] } : { vr: 'UI' });
  const response: DicomJsonDataset = {};
  if (studyRetrieveURL) response['00081190'] = { vr: 'UR', Value: [studyRetrieveURL] };
  response['00081198'] = failed.length
    ? {
        vr: 'SQ',
        Value: failed.map((f) => ({ '00081150': uid(f.sopClassUID), '00081155': uid(f.sopInstanceUID), '00081197': { vr: 'US', Value: [f.failureReason] } })),
      }
    : { vr: 'SQ' };
  response['00081199'] = stored.length
    ? {
        vr: 'SQ',
        Value: stored.map((s) => ({ '00081150': uid(s.sopClassUID), '00081155': uid(s.sopInstanceUID), '00081190': { vr: 'UR', Value: [s.retrieveURL] } })),
      }
    : { vr: 'SQ' };
  return response;
}
