import dcmjs from 'dcmjs';

const { DicomMetaDictionary } = dcmjs.data;

const HEX_TAG = /^[0-9A-Fa-f]{8}$/;

/** The 8-hex-digit tag (upper case) for a keyword or a hex tag, or undefined when it names no attribute. */
export function tagForAttribute(keywordOrTag: string): string | undefined {
  if (HEX_TAG.test(keywordOrTag)) return keywordOrTag.toUpperCase();
  const entry = DicomMetaDictionary.nameMap[keywordOrTag];
  return entry ? entry.tag.replace(/[(),]/g, '').toUpperCase() : undefined;
}

/** The dictionary VR of a tag; ambiguous ones ("OB or OW") come back as the first choice. */
export function dictionaryVr(tag: string): string | undefined {
  const entry = DicomMetaDictionary.dictionary[`(${tag.slice(0, 4)},${tag.slice(4)})`];
  return entry?.vr.split(/\s+or\s+|\|/)[0];
}

export function keywordOf(tag: string): string {
  return DicomMetaDictionary.dictionary[`(${tag.slice(0, 4)},${tag.slice(4)})`]?.name ?? tag;
}
