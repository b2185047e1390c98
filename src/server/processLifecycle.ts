import type { FastifyInstance } from 'fastify';
import { DatabaseStartError } from '../records/db/openDatabase';
import { ConfigError } from './config';

/** Closes the server, then the records database, on Ctrl-C or a service manager's stop. */
export function stopOnSignal(app: FastifyInstance, records: { close(): Promise<void> }): void {
  const stop = async () => {
    await app.close();
    await records.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Runs a process's start-up; an operator's mistake is said in its one line, anything else in full. */
export function runMain(main: () => Promise<void>): void {
  main().catch(error => {
    console.error(error instanceof ConfigError || error instanceof DatabaseStartError ? error.message : error);
    process.exit(1);
  });
}
