import { buildApp } from './app';
import { loadConfig } from './config';
import { closeWithDeadline } from './shutdown';

// The only place that listens (ARCHITECTURE.md, convention 1).
async function main() {
  const config = loadConfig();
  const app = await buildApp(config);
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal, deadlineSeconds: config.shutdownSeconds }, 'closing');
      // Finish what is in flight, then cut the rest after SHUTDOWN_SECONDS (shutdown.ts).
      closeWithDeadline(app, config.shutdownSeconds * 1000).then(() => process.exit(0), () => process.exit(1));
    });
  }
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  app.log.info(`Welcome Desk is ready: demo page http://${shown}:${config.port}/ · API http://${shown}:${config.port}/api/chat`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
