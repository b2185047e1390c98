import Fastify, { LogController } from 'fastify';
import { describeLocation } from '../records/db/openDatabase';
import { openRecords } from '../records/openRecords';
import { FASTIFY_OPTIONS } from '../records/http/fastifyOptions';
import { registerRecords } from '../records/recordsPlugin';
import { qidoStudyDirectory } from '../records/studies/qidoStudyDirectory';
import { readConfig } from './config';
import { runMain, stopOnSignal } from './processLifecycle';

/**
 * The records service alone, for a department that already serves OHIF and a PACS behind its own
 * web server: that server forwards /api here (and may ask /api/auth/check before serving anything else).
 */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const records = await openRecords(config.records);
  const app = Fastify({ ...FASTIFY_OPTIONS, logger: true, logController: new LogController({ disableRequestLogging: true }), trustProxy: true });
  // With PACS_URL, a new case's studies are checked against the department's PACS (QIDO-RS);
  // without it the service has no archive to ask and takes the studies as given.
  await registerRecords(app, config.pacsUrl ? { ...records, studies: qidoStudyDirectory(config.pacsUrl) } : records);
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(
    `\nOHIF Teaching records service is ready: ${address}/api/\n  Records: ${describeLocation(config.records.database)}\n  Case studies checked against: ${config.pacsUrl ?? 'nothing (set PACS_URL to check them with the PACS)'}\n`,
  );
  stopOnSignal(app, records);
}

runMain(main);
