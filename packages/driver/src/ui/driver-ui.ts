/**
 * The driver's web UI (Spark's :4040): a status store fed live by the context's scheduler events,
 * served by the UI server on port 4040 or the next free one. When 4040 to 4055 are all taken
 * (many drivers on one machine), it takes any free port rather than fail the application.
 */
import type { SchedulerEventListener } from '../scheduler/events.js';
import { AppStatusStore } from './status/app-status-store.js';
import type { RetentionLimits } from './status/status-retention.js';
import { startUiServer, type UiServer } from './server/ui-server.js';

export const DEFAULT_UI_PORT = 4040;
/** Spark's spark.port.maxRetries. */
const PORT_RETRIES = 15;
const UI_HOST = '127.0.0.1';

export interface DriverUi {
  readonly url: string;
  readonly store: AppStatusStore;
  close(): Promise<void>;
}

export async function startDriverUi(
  port: number,
  subscribe: (listener: SchedulerEventListener) => () => void,
  log: (line: string) => void,
  retention?: RetentionLimits,
): Promise<DriverUi> {
  const store = new AppStatusStore(retention);
  const stores = () => (store.application ? new Map([[store.application.id, store]]) : new Map<string, AppStatusStore>());
  const listen = (at: number, portRetries: number) => startUiServer({ mode: 'driver', host: UI_HOST, port: at, portRetries, stores, log, unref: true });
  let server: UiServer;
  try {
    server = await listen(port, port === 0 ? 0 : PORT_RETRIES);
  } catch (error) {
    if (port === 0 || !(error instanceof Error) || !error.message.includes('address already in use')) throw error;
    server = await listen(0, 0);
  }
  server.watch(store);
  const unsubscribe = subscribe((event) => store.apply(event));
  return {
    url: server.url,
    store,
    async close() {
      unsubscribe();
      await server.close();
    },
  };
}
