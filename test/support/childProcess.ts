import type { ChildProcess } from 'node:child_process';

/** Asks a child process to stop, kills it if it has not within `graceMs`, and resolves when it is gone. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}
