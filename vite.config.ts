import { defineConfig, type UserConfig } from 'vite';

const ENTRIES = { extension: 'extension/index.ts', mode: 'modes/teaching/index.ts' } as const;

/**
 * One ES module per bundle, which the prebuilt OHIF viewer imports by URL; they are built one at a
 * time so that neither waits on a chunk shared with the other while the viewer starts. The panel's
 * React (the host does not export its copy) sits in a chunk loaded when the panel is first shown.
 * Cornerstone is never imported at runtime, only its types, so annotations stay in the host's
 * instances. An app build rather than Vite's library mode, because library mode leaves ES output
 * unminified.
 */
export function bundleConfig(name: keyof typeof ENTRIES): UserConfig {
  return defineConfig({
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: 'dist/teaching',
      // The extension is built first and starts from an empty folder; the mode is added beside it.
      emptyOutDir: name === 'extension',
      target: 'es2022',
      sourcemap: true,
      modulePreload: false,
      copyPublicDir: false,
      rollupOptions: {
        input: { [name]: ENTRIES[name] },
        // The host reads the default export; letting the entry export more allows the panel chunk to
        // take shared code from it instead of from a third file.
        preserveEntrySignatures: 'allow-extension',
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: `${name}-[name]-[hash].js` },
      },
    },
  });
}

export default bundleConfig('extension');
