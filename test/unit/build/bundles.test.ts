import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleDir } from '../../../src/server/viewerAssets';

// Needs the built bundles (`npm test` builds before it runs the suites).
const files = readdirSync(bundleDir, { recursive: true, encoding: 'utf8' })
  .filter(name => name.endsWith('.js'))
  .map(name => ({ name, code: readFileSync(path.join(bundleDir, name), 'utf8') }));

/** Module specifiers of static and dynamic imports in a minified ES module. */
function importSpecifiers(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map(match => match[1]!);
}

describe('runtime bundles', () => {
  it('are the extension and the mode, plus shared chunks', () => {
    expect(files.map(file => file.name)).toEqual(expect.arrayContaining(['extension.js', 'mode.js']));
  });

  it('import nothing but their own chunks, so the host cornerstone and nothing else is used at runtime', () => {
    for (const file of files) {
      for (const specifier of importSpecifiers(file.code)) expect(specifier, file.name).toMatch(/^\.\.?\//);
    }
  });

  it('carry no copy of cornerstone or vtk', () => {
    for (const file of files) {
      expect(file.code, file.name).not.toMatch(/@cornerstonejs|vtk\.js|RenderingEngine/);
    }
  });

  it("bundle React 18.3.1, the host's version, for the panel's own root", () => {
    const extension = files.find(file => file.name === 'extension.js')!;
    expect(extension.code).toContain('"18.3.1"');
    expect(extension.code).not.toMatch(/process\.env\.NODE_ENV/);
  });
});
