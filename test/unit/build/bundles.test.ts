import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleDir } from '../../../src/server/viewerAssets';

// Needs the built bundles (`npm test` builds before it runs the suites).
const files = new Map(
  readdirSync(bundleDir)
    .filter(name => name.endsWith('.js'))
    .map(name => [name, readFileSync(path.join(bundleDir, name), 'utf8')]),
);
const code = (name: string) => files.get(name) ?? '';

// Minified output quotes with ', " or `.
const staticImports = (source: string) => [...source.matchAll(/\bfrom\s*["'`]([^"'`]+)["'`]/g)].map(match => match[1]);
const dynamicImports = (source: string) => [...source.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(match => match[1]);
const mentionsReact1831 = (source: string) => /version\s*=\s*["'`]18\.3\.1["'`]/.test(source);

describe('runtime bundles', () => {
  const panelChunks = [...files.keys()].filter(name => name.startsWith('extension-'));

  it('are the extension, the mode and the panel chunk the extension loads on demand', () => {
    expect([...files.keys()].filter(name => !name.startsWith('extension-')).sort()).toEqual(['extension.js', 'mode.js']);
    expect(panelChunks).toHaveLength(1);
    expect(dynamicImports(code('extension.js'))).toEqual([`./${panelChunks[0]}`]);
  });

  it('need nothing else to start: no static imports in the extension or the mode', () => {
    expect(staticImports(code('extension.js'))).toEqual([]);
    expect(staticImports(code('mode.js'))).toEqual([]);
    expect(dynamicImports(code('mode.js'))).toEqual([]);
  });

  it('let the panel chunk take shared code from the extension module itself, not from a copy', () => {
    expect(staticImports(code(panelChunks[0]!))).toEqual(['./extension.js']);
  });

  it('carry no copy of cornerstone or vtk, so annotations stay in the host instances', () => {
    for (const [name, source] of files) expect(/@cornerstonejs|vtk\.js|RenderingEngine/.test(source), name).toBe(false);
  });

  it("bundle React 18.3.1, the host's version, for the panel's own root, and not in the start-up code", () => {
    expect(mentionsReact1831(code(panelChunks[0]!))).toBe(true);
    expect(mentionsReact1831(code('extension.js'))).toBe(false);
    for (const [name, source] of files) expect(source.includes('process.env.NODE_ENV'), name).toBe(false);
  });
});
