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

// Minified output quotes with ', " or `. An import statement starts a statement, which tells it from
// a property called `from` followed by a string (as in `{from:"patient"}`).
const staticImports = (source: string) =>
  [...source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?from\s*)?["'`]([^"'`]+)["'`]/g)].map(match => match[1]);
const dynamicImports = (source: string) => [...source.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(match => match[1]);
const mentionsReact1831 = (source: string) => /version\s*=\s*["'`]18\.3\.1["'`]/.test(source);

describe('runtime bundles', () => {
  const chunks = [...files.keys()].filter(name => name.startsWith('extension-'));
  const panelChunk = chunks.find(name => name.startsWith('extension-mountTeachingPanel-')) ?? '';
  const apiChunk = chunks.find(name => name.startsWith('extension-teachingApi-')) ?? '';
  // Only a tutor or an administrator preparing a case needs this one, and only a session whose
  // comparison the person may see the other: most visits load neither.
  const preparationChunk = chunks.find(name => name.startsWith('extension-casePreparation-')) ?? '';
  const comparisonChunk = chunks.find(name => name.startsWith('extension-hostSignComparison-')) ?? '';
  const onDemand = [panelChunk, apiChunk, preparationChunk, comparisonChunk];
  // The core's schemas (and zod with them), needed by the panel and the client, which the bundler
  // puts in one chunk of their own rather than a copy in each.
  const sharedChunks = chunks.filter(name => !onDemand.includes(name));

  it('are the extension, the mode and the chunks the extension loads on demand: the panel, the records client, case preparation and the sign comparison', () => {
    expect([...files.keys()].filter(name => !name.startsWith('extension-')).sort()).toEqual(['extension.js', 'mode.js']);
    for (const chunk of onDemand) expect(chunk).not.toBe('');
    expect(sharedChunks.length).toBeLessThanOrEqual(1);
    expect(dynamicImports(code('extension.js')).sort()).toEqual(onDemand.map(name => `./${name}`).sort());
  });

  it('need nothing else to start: no static imports in the extension or the mode', () => {
    expect(staticImports(code('extension.js'))).toEqual([]);
    expect(staticImports(code('mode.js'))).toEqual([]);
    expect(dynamicImports(code('mode.js'))).toEqual([]);
  });

  it('let the chunks take shared code from the extension module itself, not from a copy', () => {
    const allowed = ['./extension.js', ...sharedChunks.map(name => `./${name}`)].sort();
    for (const chunk of onDemand) expect(staticImports(code(chunk)), chunk).toContain('./extension.js');
    for (const chunk of [...onDemand, ...sharedChunks]) {
      for (const imported of staticImports(code(chunk))) expect(allowed, `${chunk} imports ${imported}`).toContain(imported);
    }
  });

  it('leave zod and the schemas out of the start-up code: the client loads them when it is first used', () => {
    expect(code('extension.js')).not.toMatch(/ZodError|\$ZodType/);
    // Preparing and comparing talk to the server through the client, never with schemas of their own.
    for (const chunk of [preparationChunk, comparisonChunk]) expect(code(chunk), chunk).not.toMatch(/ZodError|\$ZodType/);
    expect([apiChunk, ...sharedChunks].some(chunk => /ZodError|\$ZodType/.test(code(chunk)))).toBe(true);
  });

  it('carry no copy of cornerstone or vtk, so annotations stay in the host instances', () => {
    // `getRenderingEngines` is the host's instance being asked, which is fine; a copy would define the class.
    for (const [name, source] of files) expect(/@cornerstonejs|vtk\.js|\bRenderingEngine\b/.test(source), name).toBe(false);
  });

  it("bundle React 18.3.1, the host's version, for the panel's own root, and not in the start-up code", () => {
    expect(mentionsReact1831(code(panelChunk))).toBe(true);
    expect(mentionsReact1831(code('extension.js'))).toBe(false);
    for (const [name, source] of files) expect(source.includes('process.env.NODE_ENV'), name).toBe(false);
  });
});
