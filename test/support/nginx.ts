import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stopChild } from './childProcess';

export const NGINX_BINARY = process.env.NGINX_BINARY ?? '/usr/sbin/nginx';

export interface RunningNginx {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Runs Debian's nginx in the foreground on the configuration template a department is given
 * (docs/department/nginx.conf), with its placeholders filled in and nothing else changed.
 */
export async function startNginx(template: string, values: Record<string, string>, runDir: string, port: number): Promise<RunningNginx> {
  mkdirSync(runDir, { recursive: true });
  let config = readFileSync(template, 'utf8');
  for (const [name, value] of Object.entries(values)) config = config.replaceAll(`__${name}__`, value);
  const leftover = /__[A-Z_]+__/.exec(config);
  if (leftover) throw new Error(`nginx template placeholder ${leftover[0]} was not filled in`);
  // As root, nginx's workers would run as nobody, who may not read a checkout under /root.
  if (process.getuid?.() === 0) config = `user root;\n${config}`;
  const configPath = path.join(runDir, 'nginx.conf');
  writeFileSync(configPath, config);

  const child: ChildProcess = spawn(NGINX_BINARY, ['-c', configPath, '-p', runDir, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', chunk => (output += chunk));
  child.stderr?.on('data', chunk => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${output}`);
    const answering = await fetch(`${url}/api/health`).then(() => true, () => false);
    if (answering) break;
    if (Date.now() > deadline) throw new Error(`nginx did not start:\n${output}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return { url, stop: () => stopChild(child, 5_000) };
}
