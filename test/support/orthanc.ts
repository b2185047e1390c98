import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureSampleStudies } from '../../src/dicomweb/sample/generateSampleStudies';
import { stopChild } from './childProcess';
import { freePort } from './net';

export const ORTHANC_BINARY = process.env.ORTHANC_BINARY ?? 'Orthanc';
export const ORTHANC_DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';

export interface RunningOrthanc {
  httpUrl: string;
  dicomWebUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts a throwaway Orthanc (Debian packages orthanc + orthanc-dicomweb) with its own storage and ports. */
export async function startOrthanc(workDir: string): Promise<RunningOrthanc> {
  const storage = path.join(workDir, 'orthanc-db');
  mkdirSync(storage, { recursive: true });
  const httpPort = await freePort();
  const dicomPort = await freePort();
  const configPath = path.join(workDir, 'orthanc.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      Name: 'ohif-teaching-test',
      StorageDirectory: storage,
      IndexDirectory: storage,
      HttpPort: httpPort,
      DicomPort: dicomPort,
      // Orthanc 1.10 cannot bind to loopback only; refusing remote access keeps it private.
      RemoteAccessAllowed: false,
      AuthenticationEnabled: false,
      Plugins: [ORTHANC_DICOMWEB_PLUGIN],
      DicomWeb: { Enable: true, Root: '/dicom-web/' },
    }),
  );

  const child: ChildProcess = spawn(ORTHANC_BINARY, [configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', chunk => (output += chunk));
  child.stderr?.on('data', chunk => (output += chunk));
  const httpUrl = `http://127.0.0.1:${httpPort}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Orthanc exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${httpUrl}/system`).then(response => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`Orthanc did not start:\n${output}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }

  return {
    httpUrl,
    dicomWebUrl: `${httpUrl}/dicom-web`,
    output: () => output,
    // Orthanc takes a few seconds to close its database.
    stop: () => stopChild(child, 10_000),
  };
}

/** Stores Part 10 files through Orthanc's REST API, as a modality would send them. */
export async function uploadToOrthanc(orthanc: RunningOrthanc, files: string[]): Promise<void> {
  for (const file of files) {
    const response = await fetch(`${orthanc.httpUrl}/instances`, { method: 'POST', body: await readFile(file) });
    if (!response.ok) throw new Error(`Orthanc refused ${file}: ${response.status} ${await response.text()}`);
  }
}

/** An Orthanc holding the sample department's studies, as a department PACS would hold its own. */
export async function startOrthancWithSamples(workDir: string): Promise<RunningOrthanc> {
  const samplesDir = path.join(workDir, 'samples');
  await ensureSampleStudies(samplesDir);
  const files = readdirSync(samplesDir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && entry.name.endsWith('.dcm'))
    .map(entry => path.join(entry.parentPath, entry.name));
  const orthanc = await startOrthanc(workDir);
  await uploadToOrthanc(orthanc, files);
  return orthanc;
}
