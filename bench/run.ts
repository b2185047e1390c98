import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_STUDIES } from '../src/dicomweb/sample/sampleCatalogue';
import { bundleDir } from '../src/server/viewerAssets';
import { launchBrowser } from '../test/support/browser';
import { startServer } from '../test/support/serverProcess';
import { bundleSizes } from './bundleSizes';
import { median, timeToFirstImage } from './timeToFirstImage';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_RATIO = 1.03;
const EXTENSION_GZIP_TARGET = 120 * 1024;

async function benchTimeToFirstImage(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-bench-'));
  const server = await startServer({ DATA_DIR: dataDir });
  const browser = await launchBrowser();
  try {
    const study = SAMPLE_STUDIES.chestCt.studyUID;
    // "Basic Viewer" on the host's study list is its `viewer` route.
    const modes = { teaching: `${server.url}/teaching?StudyInstanceUIDs=${study}`, 'host basic viewer': `${server.url}/viewer?StudyInstanceUIDs=${study}` };
    const samples: Record<string, number[]> = { teaching: [], 'host basic viewer': [] };
    await timeToFirstImage(browser, modes.teaching); // warms the server's file cache, not the browser's
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, so drift in the machine's load falls on both alike.
      for (const [name, url] of Object.entries(modes)) samples[name]!.push(await timeToFirstImage(browser, url));
    }
    const teaching = median(samples.teaching!);
    const basic = median(samples['host basic viewer']!);
    console.log(`\n1. Time to first image, chest CT, median of ${RUNS} cold loads each`);
    for (const [name, values] of Object.entries(samples)) {
      console.log(`   ${name.padEnd(18)} median ${median(values).toFixed(0).padStart(5)} ms   runs: ${values.map(v => v.toFixed(0)).join(', ')}`);
    }
    const ratio = teaching / basic;
    console.log(`   ratio teaching / basic: ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER TARGET'}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function benchBundleSizes(): void {
  console.log('\n2. Runtime bundles (with the chunks each imports), gzip -9');
  for (const bundle of bundleSizes(bundleDir)) {
    const target = bundle.name === 'extension.js' ? ` (target ≤ ${EXTENSION_GZIP_TARGET / 1024} KB) ${bundle.gzipBytes <= EXTENSION_GZIP_TARGET ? 'OK' : 'OVER TARGET'}` : '';
    console.log(`   ${bundle.name.padEnd(14)} ${(bundle.bytes / 1024).toFixed(1).padStart(7)} KB raw ${(bundle.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzip${target}`);
  }
}

await benchTimeToFirstImage();
benchBundleSizes();
