import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  name: string;
  /** The entry and every chunk it may load, static or on demand. */
  files: string[];
  bytes: number;
  gzipBytes: number;
}

// Minified output quotes with ', " or `.
const IMPORTED_CHUNK = /(?:\bfrom\s*|\bimport\(\s*)["'`]\.\/([^"'`]+\.js)["'`]/g;

/** What the browser can download for one runtime entry: the entry and the chunks it reaches. */
export function bundleSize(bundleDir: string, entry: string): BundleSize {
  const files = new Set<string>([entry]);
  for (const file of files) {
    for (const match of readFileSync(path.join(bundleDir, file), 'utf8').matchAll(IMPORTED_CHUNK)) files.add(match[1]!);
  }
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const code = readFileSync(path.join(bundleDir, file));
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { name: entry, files: [...files], bytes, gzipBytes };
}
