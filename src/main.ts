#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { CLOCK_LIMITS } from './clock/clock.js';
import { EventSinkError } from './events/types.js';
import { CredentialsFileError } from './protocol/credentials-file.js';
import { CatalogError } from './satellite/catalog-error.js';
import { startGroundStationLocal, type GroundStationLocalOptions } from './index.js';
import { DataDirInUseError, databaseFile, isCorruptDatabase, NewerDataDirError } from './store/database.js';

const USAGE = `Usage: groundstation-local [options]

Options (environment variable in brackets):
  --host HOST          address to listen on (default 127.0.0.1) [GSL_HOST]
  --port PORT          port to listen on (default 4580; 0 picks a free one) [GSL_PORT]
  --data-dir DIR       where the SQLite database lives (default ./.groundstation-local) [GSL_DATA_DIR]
  --in-memory          keep state in memory only; nothing survives a restart [GSL_IN_MEMORY=1]
  --log-level LEVEL    fatal, error, warn, info, debug, trace or silent (default info) [GSL_LOG_LEVEL]
  --events-file PATH   append every event as one JSON line to PATH [GSL_EVENTS_FILE]
  --webhook URL        POST every event to URL; repeatable [GSL_WEBHOOKS, comma-separated]
                       (events also stream live from GET /_local/events, as fast as a client reads;
                       one that reads nothing for 30 s while events wait is disconnected)
  --satellites FILE    onboard the satellites of a TLE file (name line + 2 lines each) at start;
                       they stay onboarded, also after later starts without it [GSL_SATELLITES_FILE]
                       (POST /_local/satellites onboards one at run time, from a TLE or an OEM)
  --include-aqua       list Aqua (NORAD 27424) too: AWS support for it ended, so it is opt-in;
                       naming it in the satellites file also lists it [GSL_INCLUDE_AQUA=1]
  --clock-start TIME   run on a simulated clock starting at TIME (ISO-8601, e.g. 2026-07-21T00:00:00Z,
                       or epoch seconds) [GSL_CLOCK_START]
  --clock-rate R       simulated seconds per real second; 0 freezes the clock (default 1) [GSL_CLOCK_RATE]
                       A simulated clock is kept in the data directory: a restart resumes it as if the
                       server had kept running (a frozen one where it stopped; --clock-start is then
                       ignored, --clock-rate still applies). GET/POST /_local/clock reads or moves it.
  --scheduling-delay S seconds a contact stays SCHEDULING (and CANCELLING) (default 1)
                       [GSL_SCHEDULING_DELAY_SECONDS]
  --auth MODE          open (default): signatures are not checked, a 12-digit access key id is the
                       account; strict: every request (also /_local/*, but GET /_local/health) must be
                       SigV4-signed by a key of --credentials-file, within 5 minutes of real time [GSL_AUTH]
  --credentials-file PATH  the keys strict mode accepts, in the AWS shared-credentials format: one
                       section per key with aws_access_key_id, aws_secret_access_key and optionally
                       aws_session_token and aws_account_id (else a 12-digit key id is the account)
                       [GSL_CREDENTIALS_FILE]
  --max-body-bytes N   largest request body accepted, in bytes (default 8388608, 8 MiB); a larger one
                       is refused with 413 RequestEntityTooLargeException [GSL_MAX_BODY_BYTES]
  --max-resources N    resources of all kinds together one account may keep in one region (default
                       1000000); a create past it is refused with 402 ServiceQuotaExceededException
                       [GSL_MAX_RESOURCES]
  --help               show this help

Testing aid: GSL_MAX_DATABASE_PAGES=N caps the database at N pages, so writes fail as on a full disk.
`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function usageError(message: string): never {
  process.stderr.write(`groundstation-local: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function readOptions(): GroundStationLocalOptions & { host: string; port: number } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        'log-level': { type: 'string' },
        'events-file': { type: 'string' },
        webhook: { type: 'string', multiple: true },
        satellites: { type: 'string' },
        'include-aqua': { type: 'boolean' },
        'clock-start': { type: 'string' },
        'clock-rate': { type: 'string' },
        'scheduling-delay': { type: 'string' },
        auth: { type: 'string' },
        'credentials-file': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'max-resources': { type: 'string' },
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
  const maxDatabasePages = env.GSL_MAX_DATABASE_PAGES ? Number(env.GSL_MAX_DATABASE_PAGES) : undefined;
  if (maxDatabasePages !== undefined && !(Number.isInteger(maxDatabasePages) && maxDatabasePages > 0)) {
    usageError(`invalid GSL_MAX_DATABASE_PAGES: ${env.GSL_MAX_DATABASE_PAGES} (a positive number of pages)`);
  }
  const webhooks = values.webhook ?? (env.GSL_WEBHOOKS ?? '').split(',').map((url) => url.trim()).filter(Boolean);
  for (const url of webhooks) if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) usageError(`invalid webhook URL: ${url}`);
  const clockStart = values['clock-start'] ?? env.GSL_CLOCK_START;
  const clockStartMs = clockStart === undefined ? undefined : /^\d+(\.\d+)?$/.test(clockStart) ? Number(clockStart) * 1000 : Date.parse(clockStart);
  if (clockStartMs !== undefined && !(clockStartMs <= CLOCK_LIMITS.latestMs)) usageError(`invalid clock start: ${clockStart}`);
  const clockRateText = values['clock-rate'] ?? env.GSL_CLOCK_RATE;
  const clockRate = clockRateText === undefined ? undefined : Number(clockRateText);
  if (clockRate !== undefined && !(Number.isFinite(clockRate) && clockRate >= 0)) usageError(`invalid clock rate: ${clockRateText}`);
  const delayText = values['scheduling-delay'] ?? env.GSL_SCHEDULING_DELAY_SECONDS;
  const schedulingDelay = delayText === undefined ? undefined : Number(delayText);
  if (schedulingDelay !== undefined && !(Number.isFinite(schedulingDelay) && schedulingDelay >= 0)) usageError(`invalid scheduling delay: ${delayText}`);
  const bodyLimitText = values['max-body-bytes'] ?? env.GSL_MAX_BODY_BYTES;
  const bodyLimit = bodyLimitText === undefined ? undefined : Number(bodyLimitText);
  if (bodyLimit !== undefined && !(Number.isSafeInteger(bodyLimit) && bodyLimit > 0)) usageError(`invalid max body bytes: ${bodyLimitText} (a positive number of bytes)`);
  const maxResourcesText = values['max-resources'] ?? env.GSL_MAX_RESOURCES;
  const maxResources = maxResourcesText === undefined ? undefined : Number(maxResourcesText);
  if (maxResources !== undefined && !(Number.isSafeInteger(maxResources) && maxResources > 0)) usageError(`invalid max resources: ${maxResourcesText} (a positive number)`);
  const auth = values.auth ?? env.GSL_AUTH ?? 'open';
  if (auth !== 'open' && auth !== 'strict') usageError(`invalid auth mode: ${auth} (open or strict)`);
  const credentialsFile = values['credentials-file'] ?? env.GSL_CREDENTIALS_FILE;
  if (auth === 'strict' && !credentialsFile) usageError('--auth strict needs --credentials-file');
  if (auth === 'open' && credentialsFile) usageError('--credentials-file is used only with --auth strict');
  return {
    clock: clockStartMs === undefined && clockRate === undefined ? undefined : { start: clockStartMs, rate: clockRate },
    schedulingDelaySeconds: schedulingDelay,
    credentialsFile: auth === 'strict' ? credentialsFile : undefined,
    maxBodyBytes: bodyLimit,
    maxResourcesPerAccountRegion: maxResources,
    host: values.host ?? env.GSL_HOST ?? '127.0.0.1',
    port,
    dataDir: values['data-dir'] ?? env.GSL_DATA_DIR ?? '.groundstation-local',
    inMemory: values['in-memory'] ?? ['1', 'true'].includes(env.GSL_IN_MEMORY ?? ''),
    logLevel,
    maxDatabasePages,
    eventsFile: values['events-file'] ?? env.GSL_EVENTS_FILE,
    webhooks,
    satellitesFile: values.satellites ?? env.GSL_SATELLITES_FILE,
    includeAqua: values['include-aqua'] ?? ['1', 'true'].includes(env.GSL_INCLUDE_AQUA ?? ''),
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  let server;
  try {
    server = await startGroundStationLocal(options);
  } catch (error) {
    if (error instanceof DataDirInUseError || error instanceof NewerDataDirError || error instanceof EventSinkError || error instanceof CatalogError || error instanceof CredentialsFileError) {
      process.stderr.write(`groundstation-local: ${error.message}\n`);
      process.exit(1);
    }
    if (isCorruptDatabase(error) && !options.inMemory) {
      // Nothing has been written to it: the file stays as it was, for the user to inspect or restore.
      const file = databaseFile(options.dataDir);
      process.stderr.write(
        `groundstation-local: ${file} is not a readable SQLite database (${(error as Error).message}); it was left untouched. ` +
          `Move it away (or pass another --data-dir) to start with an empty one, or restore it from a backup.\n`,
      );
      process.exit(1);
    }
    // A port in use or an address that is not ours: say so plainly, without a stack trace.
    if (['listen', 'getaddrinfo'].includes((error as NodeJS.ErrnoException).syscall ?? '')) {
      process.stderr.write(`groundstation-local: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

await main();
