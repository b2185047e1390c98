import { defineConfig } from 'vite';

/**
 * Builds the extension and the mode as ES modules the prebuilt OHIF viewer imports by URL.
 * React is bundled (the host does not export its copy); cornerstone is never imported at runtime,
 * only its types, so annotations stay in the host's instances.
 */
export default defineConfig({
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist/teaching',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      entry: { extension: 'extension/index.ts', mode: 'modes/teaching/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
