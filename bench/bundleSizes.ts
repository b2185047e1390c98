import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  name: string;
  bytes: number;
  gzipBytes: number;
}

/** Each runtime entry with the chunks it imports statically, as the browser downloads it. */
export function bundleSizes(bundleDir: string): BundleSize[] {
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const size = (file: string) => readFileSync(file).length;
  const chunkImports = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/from\s*"\.\/(chunks\/[^"]+)"/g)].map(match => path.join(bundleDir, match[1]!));

  return readdirSync(bundleDir)
    .filter(name => name.endsWith('.js'))
    .map(name => {
      const entry = path.join(bundleDir, name);
      const files = [entry, ...chunkImports(entry)];
      return {
        name,
        bytes: files.reduce((sum, file) => sum + size(file), 0),
        gzipBytes: files.reduce((sum, file) => sum + gz(file), 0),
      };
    });
}
