/**
 * The reference exporter: `EXPORTER_ROLE=api|worker node --conditions=sextant-source --import tsx exporter/main.ts`.
 * Exits 2 on bad configuration, stops gracefully on SIGTERM and SIGINT.
 */
import { ConfigError, readConfig } from './config.ts';
import { createMetrics } from './instruments/index.ts';
import { startRole } from './roles.ts';

const SHUTDOWN_GRACE_MS = 10_000;

function main(): void {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`exporter: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const metrics = createMetrics({ role: config.role });
  const role = startRole(config, metrics);
  role.server.on('error', (error) => {
    console.error(`exporter: cannot listen on ${config.host}:${config.port}: ${error.message}`);
    process.exit(1);
  });
  role.server.listen(config.port, config.host, () => {
    const address = role.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`exporter ${config.role} listening on http://${config.host}:${port} (metrics at /metrics, faults at /admin/faults)`);
    role.started(`http://127.0.0.1:${port}`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`exporter ${config.role}: ${signal}, finishing in-flight requests`);
    role.stop();
    const force = setTimeout(() => {
      console.error('exporter: in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    role.server.close(() => {
      console.log(`exporter ${config.role}: stopped`);
      process.exit(0);
    });
    role.server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();
