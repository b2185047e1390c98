/** One attribute in the DICOM JSON model (PS3.18 F.2). */
export interface DicomJsonElement {
  vr: string;
  Value?: unknown[];
  BulkDataURI?: string;
  InlineBinary?: string;
}

export type DicomJsonDataset = Record<string, DicomJsonElement>;

/** Keys in ascending tag order, as DICOM JSON producers conventionally emit them. */
export function sortedByTag(dataset: DicomJsonDataset): DicomJsonDataset {
  const sorted: DicomJsonDataset = {};
  for (const tag of Object.keys(dataset).sort()) sorted[tag] = dataset[tag]!;
  return sorted;
}

/** The first value of a string-like element (PN as its alphabetic form). */
export function firstString(element: DicomJsonElement | undefined): string | undefined {
  const value = element?.Value?.[0];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return (value as { Alphabetic?: string }).Alphabetic;
  return String(value);
}

export function stringValues(element: DicomJsonElement | undefined): string[] {
  return (element?.Value ?? []).flatMap((value) => {
    if (value === undefined || value === null) return [];
    if (typeof value === 'object') {
      const alphabetic = (value as { Alphabetic?: string }).Alphabetic;
      return alphabetic === undefined ? [] : [alphabetic];
    }
    return [String(value)];
  });
}
