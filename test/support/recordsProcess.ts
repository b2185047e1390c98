import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild } from './childProcess';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningRecords {
  /** e.g. http://127.0.0.1:41234 (the API is under /api). */
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the records service on its own, exactly as `npm run records` does, and resolves once it is ready. */
export async function startRecordsService(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningRecords> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/recordsMain.ts'], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Records service not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout?.on('data', () => {
      const match = /records service is ready: (http:\/\/\S+?)\/api\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`Records service exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { url, child, output: () => output, stop: () => stopChild(child, 5_000) };
}
