#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { DataDirInUseError } from './store/database.js';

const USAGE = `Usage: groundstation-local [options]

Options (environment variable in brackets):
  --host HOST          address to listen on (default 127.0.0.1) [GSL_HOST]
  --port PORT          port to listen on (default 4580; 0 picks a free one) [GSL_PORT]
  --data-dir DIR       where the SQLite database lives (default ./.groundstation-local) [GSL_DATA_DIR]
  --in-memory          keep state in memory only; nothing survives a restart [GSL_IN_MEMORY=1]
  --log-level LEVEL    fatal, error, warn, info, debug, trace or silent (default info) [GSL_LOG_LEVEL]
  --help               show this help
`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function usageError(message: string): never {
  process.stderr.write(`groundstation-local: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        'log-level': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const env = process.env;
  const port = Number(values.port ?? env.GSL_PORT ?? 4580);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usageError(`invalid port: ${values.port ?? env.GSL_PORT}`);
  const logLevel = values['log-level'] ?? env.GSL_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) usageError(`invalid log level: ${logLevel}`);
  return {
    host: values.host ?? env.GSL_HOST ?? '127.0.0.1',
    port,
    dataDir: values['data-dir'] ?? env.GSL_DATA_DIR,
    inMemory: values['in-memory'] ?? ['1', 'true'].includes(env.GSL_IN_MEMORY ?? ''),
    logLevel,
    maxDatabasePages: env.GSL_MAX_DATABASE_PAGES ? Number(env.GSL_MAX_DATABASE_PAGES) : undefined,
  };
}

async function main(): Promise<void> {
  const { host, port, ...appOptions } = readOptions();
  let app;
  try {
    app = buildApp(appOptions);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      process.stderr.write(`groundstation-local: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const shutdown = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.server.listen({ host, port });
}

await main();
