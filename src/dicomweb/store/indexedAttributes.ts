export type QueryLevel = 'study' | 'series' | 'instance';

export interface IndexedAttribute {
  tag: string;
  keyword: string;
  vr: string;
  level: QueryLevel;
}

function attribute(tag: string, keyword: string, vr: string, level: QueryLevel): IndexedAttribute {
  return { tag, keyword, vr, level };
}

/** Attributes kept in memory for every instance: what QIDO matches on and returns without opening files. */
export const INDEXED_ATTRIBUTES: readonly IndexedAttribute[] = [
  attribute('00080005', 'SpecificCharacterSet', 'CS', 'study'),
  attribute('00080020', 'StudyDate', 'DA', 'study'),
  attribute('00080030', 'StudyTime', 'TM', 'study'),
  attribute('00080050', 'AccessionNumber', 'SH', 'study'),
  attribute('00080090', 'ReferringPhysicianName', 'PN', 'study'),
  attribute('00081030', 'StudyDescription', 'LO', 'study'),
  attribute('00100010', 'PatientName', 'PN', 'study'),
  attribute('00100020', 'PatientID', 'LO', 'study'),
  attribute('00100030', 'PatientBirthDate', 'DA', 'study'),
  attribute('00100040', 'PatientSex', 'CS', 'study'),
  attribute('0020000D', 'StudyInstanceUID', 'UI', 'study'),
  attribute('00200010', 'StudyID', 'SH', 'study'),
  attribute('00080021', 'SeriesDate', 'DA', 'series'),
  attribute('00080031', 'SeriesTime', 'TM', 'series'),
  attribute('00080060', 'Modality', 'CS', 'series'),
  attribute('0008103E', 'SeriesDescription', 'LO', 'series'),
  attribute('00180015', 'BodyPartExamined', 'CS', 'series'),
  attribute('0020000E', 'SeriesInstanceUID', 'UI', 'series'),
  attribute('00200011', 'SeriesNumber', 'IS', 'series'),
  attribute('00080016', 'SOPClassUID', 'UI', 'instance'),
  attribute('00080018', 'SOPInstanceUID', 'UI', 'instance'),
  attribute('00200013', 'InstanceNumber', 'IS', 'instance'),
  attribute('00280002', 'SamplesPerPixel', 'US', 'instance'),
  attribute('00280008', 'NumberOfFrames', 'IS', 'instance'),
  attribute('00280010', 'Rows', 'US', 'instance'),
  attribute('00280011', 'Columns', 'US', 'instance'),
  attribute('00280100', 'BitsAllocated', 'US', 'instance'),
];

export const INDEXED_BY_TAG: ReadonlyMap<string, IndexedAttribute> = new Map(INDEXED_ATTRIBUTES.map((a) => [a.tag, a]));
