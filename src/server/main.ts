import { ConfigError, readConfig } from './config';
import { createServer } from './createServer';
import { probePacs } from './pacsProxy';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const app = await createServer(config, { logger: true });
  if (config.pacsUrl) {
    const problem = await probePacs(config.pacsUrl);
    if (problem) app.log.warn(`PACS_URL ${config.pacsUrl} is not answering (${problem}); the viewer will show an error until it does.`);
  }
  const address = await app.listen({ host: config.host, port: config.port });
  const url = `${address}/`;
  console.log(`\nOHIF Teaching is ready: ${url}\n  DICOMweb: ${config.pacsUrl ?? `embedded, data in ${config.dataDir}`}\n`);

  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(error => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
