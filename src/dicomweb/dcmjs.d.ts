// dcmjs ships no type declarations; this covers only the parts of its data API this folder uses.
declare module 'dcmjs' {
  /** A dataset in the DICOM JSON model as dcmjs reads it: tags as keys, binary values as ArrayBuffers. */
  export interface DcmjsElement {
    vr: string;
    Value?: unknown[];
    _rawValue?: unknown;
  }
  export type DcmjsDenaturalizedDataset = Record<string, DcmjsElement>;

  export interface DcmjsDictionaryEntry {
    tag: string;
    vr: string;
    vm: string;
    name: string;
  }

  export class DicomDict {
    constructor(meta: DcmjsDenaturalizedDataset);
    meta: DcmjsDenaturalizedDataset;
    dict: DcmjsDenaturalizedDataset;
    write(options?: { fragmentMultiframe?: boolean }): ArrayBuffer;
  }

  export const DicomMessage: {
    readFile(
      buffer: ArrayBuffer,
      options?: { untilTag?: string; includeUntilTagValue?: boolean; ignoreErrors?: boolean },
    ): { meta: DcmjsDenaturalizedDataset; dict: DcmjsDenaturalizedDataset };
  };

  export const DicomMetaDictionary: {
    /** Keyed by "(gggg,eeee)". */
    dictionary: Record<string, DcmjsDictionaryEntry>;
    /** Keyed by keyword. */
    nameMap: Record<string, DcmjsDictionaryEntry>;
    denaturalizeDataset(dataset: Record<string, unknown>): DcmjsDenaturalizedDataset;
  };

  const dcmjs: {
    data: {
      DicomDict: typeof DicomDict;
      DicomMessage: typeof DicomMessage;
      DicomMetaDictionary: typeof DicomMetaDictionary;
    };
  };
  export default dcmjs;
}
