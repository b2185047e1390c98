import type { DicomJsonDataset } from '../dicom/dicomJson';

export interface PixelDataLocation {
  /** Byte offset of the element's value in the file. */
  offset: number;
  /** Value length in bytes; undefined for encapsulated (undefined-length) pixel data. */
  length: number | undefined;
  encapsulated: boolean;
  vr: string;
}

/** What the index keeps about one stored instance. */
export interface InstanceRecord {
  filePath: string;
  studyUID: string;
  seriesUID: string;
  sopInstanceUID: string;
  sopClassUID: string;
  transferSyntaxUID: string;
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  numberOfFrames: number;
  pixelData: PixelDataLocation | undefined;
  /** The indexed attributes (see INDEXED_ATTRIBUTES) as DICOM JSON. */
  attributes: DicomJsonDataset;
}
