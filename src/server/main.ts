import { describeLocation } from '../records/db/openDatabase';
import { openRecords } from '../records/openRecords';
import { DEMO_USERNAMES } from '../records/seed/demoDepartment';
import { readConfig } from './config';
import { runMain, stopOnSignal } from './processLifecycle';
import { createServer } from './createServer';
import { probePacs } from './pacsProxy';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const records = await openRecords(config.records);
  const app = await createServer(config, records, { logger: true });
  if (config.pacsUrl) {
    const problem = await probePacs(config.pacsUrl);
    if (problem) app.log.warn(`PACS_URL ${config.pacsUrl} is not answering (${problem}); the viewer will show an error until it does.`);
  }
  const address = await app.listen({ host: config.host, port: config.port });
  const url = `${address}/`;
  const demo = config.records.demo;
  const accounts = demo.enabled
    ? `\n  Demo accounts: ${DEMO_USERNAMES.join(', ')}; password ${demo.passwordIsDefault ? `"${demo.password}" (set TEACHING_DEMO_PASSWORD to change it)` : 'from TEACHING_DEMO_PASSWORD'}`
    : '';
  console.log(
    `\nOHIF Teaching is ready: ${url}\n  DICOMweb: ${config.pacsUrl ?? `embedded, data in ${config.dataDir}`}\n  Records: ${describeLocation(config.records.database)}${accounts}\n`,
  );
  stopOnSignal(app, records);
}

runMain(main);
