/**
 * `flint history DIR`: serves the driver UI over the event logs in DIR (local or dfs://), as
 * Spark's history server does over spark.eventLog.dir. Runs until stopped (Ctrl-C).
 */
import { integerFlag, parseCommandLine, UsageError } from '@flint/dfs';
import { DEFAULT_HISTORY_PORT, startHistoryServer, type HistoryServer } from '../ui/history/history-server.js';

export const HISTORY_USAGE = `usage: flint history DIR [options]
  Serves the web UI over every application's event log in DIR (a local directory, or
  dfs://HOST:PORT/dir), finished or in progress; DIR is what FlintContext's eventLog option names.
  --port N         the port to listen on (default ${DEFAULT_HISTORY_PORT}; 0 for any free port)
  --host HOST      the address to listen on (default 127.0.0.1)
  --refresh-ms N   how often DIR is read again (default 2000)`;

const HISTORY_COMMAND = {
  usage: HISTORY_USAGE,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'refresh-ms': { type: 'string' },
  },
  args: { min: 1, max: 1 },
} as const;

export async function runHistoryCommand(argv: string[], log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<{ stop(): Promise<void> }> {
  const { values, positionals } = parseCommandLine(argv, HISTORY_COMMAND);
  const port = integerFlag('port', values.port, DEFAULT_HISTORY_PORT);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const refreshMs = Math.max(100, integerFlag('refresh-ms', values['refresh-ms'], 2000));
  const server: HistoryServer = await startHistoryServer({ dir: positionals[0], host: values.host ?? '127.0.0.1', port, refreshMs, log });
  log(`Flint history server for ${positionals[0]} at ${server.url}`);
  return { stop: () => server.stop() };
}
