import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Runs a process of the product to its end and returns what it said. */
function run(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', chunk => (output += chunk));
    child.stderr.on('data', chunk => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', code => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** An operator who gets the setting wrong reads one line that says what and where, not a stack trace. */
describe.each(['src/server/main.ts', 'src/server/recordsMain.ts'])('%s refuses to start on a broken setting', script => {
  it('names a data folder that cannot be written', async () => {
    const { code, output } = await run(script, { DATA_DIR: '/dev/null/x' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/Cannot write the data folder \/dev\/null\/x/);
    expect(output).not.toMatch(/\s+at\s+\S+\s+\(/);
  });

  it('names a database that cannot be reached', async () => {
    const { code, output } = await run(script, { DATABASE_URL: 'postgres://teaching@127.0.0.1:1/records', DATA_DIR: '/tmp/ohif-teaching-unused' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/Cannot reach the records database at PostgreSQL postgres:\/\/teaching@127\.0\.0\.1:1\/records/);
    expect(output).toMatch(/ECONNREFUSED/);
  });
});
