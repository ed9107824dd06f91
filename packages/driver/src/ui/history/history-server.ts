/**
 * `flint history DIR`: the driver UI over every application whose event log is in DIR, finished
 * or in progress, with a list of applications (Spark's history server). DIR is read again every
 * `refreshMs`; a log that changed is replayed from its start into a fresh store.
 */
import { replayEventLog } from './replay.js';
import { openEventLogDir } from './event-log-dir.js';
import type { AppStatusStore } from '../status/app-status-store.js';
import { startUiServer } from '../server/ui-server.js';

export const DEFAULT_HISTORY_PORT = 18080;

export interface HistoryServerOptions {
  readonly dir: string;
  readonly host: string;
  readonly port: number;
  readonly refreshMs: number;
  readonly log: (line: string) => void;
}

export interface HistoryServer {
  readonly url: string;
  /** Reads DIR again now (tests; the timer does it every refreshMs). */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

interface Loaded {
  readonly version: string;
  readonly store: AppStatusStore;
}

export async function startHistoryServer(options: HistoryServerOptions): Promise<HistoryServer> {
  const dir = await openEventLogDir(options.dir);
  const logs = new Map<string, Loaded>();
  const reported = new Set<string>();
  const reportOnce = (line: string) => {
    if (reported.has(line)) return;
    reported.add(line);
    options.log(line);
  };
  const stores = () => new Map([...logs.values()].flatMap(({ store }) => (store.application ? [[store.application.id, store] as const] : [])));
  const server = await startUiServer({ mode: 'history', host: options.host, port: options.port, portRetries: 0, stores, log: options.log, unref: false });
  const refresh = async () => {
    const files = await dir.list();
    for (const name of logs.keys()) if (!files.some((f) => f.name === name)) logs.delete(name);
    for (const file of files) {
      if (logs.get(file.name)?.version === file.version) continue;
      const text = await dir.read(file.name).catch(() => undefined);
      // Gone since the listing: an in-progress log renamed to its final name as its application ended.
      if (text === undefined) continue;
      let store: AppStatusStore;
      try {
        store = replayEventLog(text, file.name);
      } catch (error) {
        logs.delete(file.name);
        reportOnce(`history: skipping ${(error as Error).message}`);
        continue;
      }
      logs.set(file.name, { version: file.version, store });
      if (store.application) server.changed(store.application.id);
      else reportOnce(`history: skipping ${file.name}: it has no applicationStart event`);
    }
  };
  try {
    await refresh();
  } catch (error) {
    await server.close();
    dir.close();
    throw error;
  }
  let refreshing = Promise.resolve();
  const timer = setInterval(() => {
    refreshing = refresh().catch((error: unknown) => options.log(`history: cannot read ${dir.location}: ${(error as Error).message}`));
  }, options.refreshMs);
  return {
    url: server.url,
    refresh,
    async stop() {
      clearInterval(timer);
      await refreshing;
      await server.close();
      dir.close();
    },
  };
}
