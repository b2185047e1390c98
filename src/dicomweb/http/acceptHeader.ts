export interface MediaRange {
  /** Lower-case type/subtype, e.g. "multipart/related". */
  type: string;
  /** Parameter names lower-cased, values unquoted. */
  parameters: Record<string, string>;
}

// Hand-written: no maintained library parses Accept with quoted parameters such as DICOMweb's type="...".
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    if (character === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

export function parseMediaType(text: string): MediaRange {
  const [type = '', ...parameterTexts] = splitOutsideQuotes(text, ';');
  const parameters: Record<string, string> = {};
  for (const parameterText of parameterTexts) {
    const equals = parameterText.indexOf('=');
    if (equals < 0) continue;
    const name = parameterText.slice(0, equals).trim().toLowerCase();
    parameters[name] = parameterText.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { type: type.toLowerCase(), parameters };
}

/** The media ranges of an Accept header in the order given; an absent header accepts anything. */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header || header.trim() === '') return [{ type: '*/*', parameters: {} }];
  return splitOutsideQuotes(header, ',').map(parseMediaType);
}
