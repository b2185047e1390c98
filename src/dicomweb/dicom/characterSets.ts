// Maps SpecificCharacterSet defined terms to WHATWG encoding labels understood by TextDecoder.
const ENCODINGS: Record<string, string> = {
  'ISO_IR 192': 'utf-8',
  'ISO_IR 100': 'windows-1252',
  'ISO_IR 101': 'iso-8859-2',
  'ISO_IR 109': 'iso-8859-3',
  'ISO_IR 110': 'iso-8859-4',
  'ISO_IR 144': 'iso-8859-5',
  'ISO_IR 127': 'iso-8859-6',
  'ISO_IR 126': 'iso-8859-7',
  'ISO_IR 138': 'iso-8859-8',
  'ISO_IR 148': 'iso-8859-9',
  'ISO_IR 166': 'windows-874',
  GB18030: 'gb18030',
  GBK: 'gbk',
  'ISO 2022 IR 100': 'windows-1252',
  'ISO 2022 IR 192': 'utf-8',
};

/** A decoder for text values under the given SpecificCharacterSet (first value wins; ISO 2022 escapes are not interpreted). */
export function decoderFor(specificCharacterSet: string | undefined): TextDecoder {
  const term = specificCharacterSet?.split('\\').map((part) => part.trim()).find((part) => part.length > 0);
  return new TextDecoder(term ? (ENCODINGS[term] ?? 'windows-1252') : 'windows-1252');
}
