/**
 * The web UI's HTTP server, shared by the driver UI (one application, live) and the history
 * server (every application of an event-log directory): static assets, the JSON API under
 * /api/v1 (api/status-api.ts), and /api/v1/stream, a server-sent event stream that says which
 * application changed so open pages fetch again without a reload.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenHttp, openEventStream, type EventStream, type HttpServer } from '@flint/net';
import { answerApi, type StoreLookup } from '../api/status-api.js';
import type { AppStatusStore } from '../status/app-status-store.js';
import { asset } from './static-assets.js';

/** Changes are sent at most this often: a busy stage ends hundreds of tasks a second. */
const CHANGE_BATCH_MS = 250;

export interface UiServerOptions {
  /** 'driver' opens the one application's jobs; 'history' opens the list of applications. */
  readonly mode: 'driver' | 'history';
  readonly host: string;
  readonly port: number;
  /** Further ports tried, one after another, when `port` is taken (Spark's spark.port.maxRetries). */
  readonly portRetries: number;
  readonly stores: StoreLookup;
  readonly log?: (line: string) => void;
  /** The driver's UI must not keep its program running; the history server is the program. */
  readonly unref: boolean;
}

export interface UiServer {
  readonly url: string;
  /** Starts sending the store's changes to open pages. */
  watch(store: AppStatusStore): void;
  /** Tells open pages that an application changed. */
  changed(appId: string): void;
  close(): Promise<void>;
}

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const streams = new Set<EventStream>();
  const changed = new Set<string>();
  let batch: NodeJS.Timeout | undefined;
  const unwatch: (() => void)[] = [];
  const flush = () => {
    batch = undefined;
    const data = JSON.stringify([...changed]);
    changed.clear();
    for (const stream of streams) stream.send('change', data);
  };
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://ui');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'the UI is read-only\n');
    if (url.pathname === '/api/v1/stream') {
      const stream = openEventStream(request, response);
      streams.add(stream);
      stream.onClose(() => streams.delete(stream));
      return;
    }
    if (url.pathname === '/api/v1/ui') return sendJson(response, 200, { mode: options.mode });
    if (url.pathname.startsWith('/api/')) {
      const answer = answerApi(url.pathname, url.searchParams, options.stores);
      return sendJson(response, answer.status, answer.body);
    }
    const found = asset(url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    if (!found) return send(response, 404, 'text/plain', `not found: ${url.pathname}\n`);
    return send(response, 200, found.contentType, found.body);
  };
  const server = await listenWithRetries(options, handle);
  const markChanged = (appId: string) => {
    changed.add(appId);
    batch ??= setTimeout(flush, CHANGE_BATCH_MS);
  };
  return {
    url: `${server.scheme}://${server.address.host}:${server.address.port}`,
    watch(store) {
      unwatch.push(store.onChange(() => store.application && markChanged(store.application.id)));
    },
    changed: markChanged,
    async close() {
      clearTimeout(batch);
      for (const stop of unwatch) stop();
      for (const stream of streams) stream.close();
      await server.close();
    },
  };
}

async function listenWithRetries(options: UiServerOptions, handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<HttpServer> {
  for (let retry = 0; ; retry++) {
    const port = options.port === 0 ? 0 : options.port + retry;
    try {
      return await listenHttp({ name: `${options.mode} ui`, host: options.host, port, log: options.log, handle, unref: options.unref });
    } catch (error) {
      const inUse = error instanceof Error && error.message.includes('address already in use');
      if (!inUse || options.port === 0 || retry >= options.portRetries) throw error;
    }
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json', `${JSON.stringify(body, null, 2)}\n`);
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
