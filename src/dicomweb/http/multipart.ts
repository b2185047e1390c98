import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

export interface Part {
  contentType: string;
  body: Uint8Array;
}

// Hand-written multipart/related framing: the common multipart libraries only handle form-data.

export function newBoundary(): string {
  return `dicomweb-${randomUUID()}`;
}

function partHeader(boundary: string, contentType: string): Buffer {
  // Clients (dicomweb-client, cornerstone) read the first "Content-Type:" line of each part.
  return Buffer.from(`--${boundary}\r\nContent-Type: ${contentType}\r\n\r\n`, 'latin1');
}

/** A multipart/related body from parts in memory. */
export function multipartBody(boundary: string, parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(partHeader(boundary, part.contentType), Buffer.from(part.body.buffer, part.body.byteOffset, part.body.byteLength), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A multipart/related body wrapping one streamed part, so large files are not buffered. */
export function multipartStream(boundary: string, contentType: string, content: Readable): Readable {
  async function* frame() {
    yield partHeader(boundary, contentType);
    for await (const chunk of content) yield chunk as Buffer;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return Readable.from(frame());
}

/**
 * Splits a multipart/related body into its parts. Preamble and epilogue are ignored; a missing
 * closing delimiter ends the last part at the end of the body.
 */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Part[] = [];
  let position = body.indexOf(delimiter);
  while (position >= 0) {
    let cursor = position + delimiter.length;
    if (body[cursor] === 0x2d && body[cursor + 1] === 0x2d) break;
    const lineEnd = body.indexOf('\r\n', cursor);
    if (lineEnd < 0) break;
    cursor = lineEnd + 2;
    const headersEnd = body.indexOf('\r\n\r\n', cursor - 2);
    if (headersEnd < 0) break;
    const headers = body.subarray(cursor, headersEnd).toString('latin1');
    const contentStart = headersEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), contentStart);
    const contentEnd = next < 0 ? body.length : next;
    const contentType = /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? '';
    parts.push({ contentType, body: body.subarray(contentStart, contentEnd) });
    position = next < 0 ? -1 : next + 2;
  }
  return parts;
}
