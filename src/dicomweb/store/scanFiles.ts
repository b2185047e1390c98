import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every regular file under `dir`, recursively. Dot-files and dot-folders are ours or the OS's
 * (generator marker, temporary files of in-flight writes), not instances.
 */
export async function scanFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map(async (entry) => {
        const entryPath = path.join(dir, entry.name);
        if (entry.isDirectory()) return scanFiles(entryPath);
        return entry.isFile() ? [entryPath] : [];
      }),
  );
  return nested.flat();
}
