/**
 * The namenode's cluster UI (HDFS's :9870): one page and its assets, the JSON API under `/api/`,
 * and `/api/events`, a server-sent event stream that pushes a snapshot (workers, block health,
 * namenode state) every interval to the open pages. Read-only: only GET and HEAD are answered,
 * so it needs no secret.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenHttp, type HttpServer } from '@flint/net';
import { DfsError, errorMessage } from '../../errors.js';
import type { Namesystem } from '../namesystem.js';
import { CLUSTER_PAGE_HTML, CLUSTER_PAGE_CSS } from './cluster-page.js';
import { CLUSTER_PAGE_SCRIPT } from './cluster-page-script.js';
import { blocksView, filesView, namenodeView, workersView, type CheckpointStatus } from './cluster-views.js';

/** How often open pages get a fresh snapshot. */
const SNAPSHOT_INTERVAL_MS = 1_000;

export interface ClusterUiOptions {
  host: string;
  port: number;
  system: Namesystem;
  checkpoint: () => CheckpointStatus;
  log: (line: string) => void;
}

const ASSETS: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: CLUSTER_PAGE_HTML },
  '/assets/cluster-ui.css': { type: 'text/css; charset=utf-8', body: CLUSTER_PAGE_CSS },
  '/assets/cluster-ui.js': { type: 'text/javascript; charset=utf-8', body: CLUSTER_PAGE_SCRIPT },
};

export async function startClusterUi(options: ClusterUiOptions): Promise<HttpServer> {
  const { system } = options;
  const startTime = Date.now();
  const streams = new Set<ServerResponse>();
  const snapshot = () => ({ time: Date.now(), workers: workersView(system), blocks: blocksView(system), namenode: namenodeView(system, startTime, options.checkpoint()) });
  const api: Record<string, (url: URL) => unknown> = {
    '/api/workers': () => workersView(system),
    '/api/files': (url) => filesView(system, url.searchParams.get('path') ?? '/'),
    '/api/blocks': () => blocksView(system),
    '/api/namenode': () => namenodeView(system, startTime, options.checkpoint()),
    '/api/snapshot': snapshot,
  };

  const timer = setInterval(() => {
    if (streams.size === 0) return;
    const event = `event: snapshot\ndata: ${JSON.stringify(snapshot())}\n\n`;
    for (const stream of streams) stream.write(event);
  }, SNAPSHOT_INTERVAL_MS);
  timer.unref();

  const openStream = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    if (request.method === 'HEAD') return void response.end();
    response.write(`event: snapshot\ndata: ${JSON.stringify(snapshot())}\n\n`);
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  const server = await listenHttp({
    name: 'cluster ui',
    host: options.host,
    port: options.port,
    log: options.log,
    handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendJson(response, 405, { error: `${request.method} is not allowed: the cluster UI is read-only` }, { allow: 'GET, HEAD' });
        return;
      }
      const url = new URL(request.url ?? '/', 'http://namenode');
      const asset = ASSETS[url.pathname];
      if (asset) {
        response.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
        response.end(asset.body);
        return;
      }
      if (url.pathname === '/api/events') return openStream(request, response);
      const view = api[url.pathname];
      if (!view) {
        sendJson(response, 404, { error: `${url.pathname}: no such page; the API is ${Object.keys(api).join(', ')}, /api/events` });
        return;
      }
      try {
        sendJson(response, 200, view(url));
      } catch (error) {
        if (!(error instanceof DfsError)) throw error;
        sendJson(response, error.code === 'NOT_FOUND' ? 404 : 400, { error: errorMessage(error) });
      }
    },
  });
  return {
    address: server.address,
    scheme: server.scheme,
    close: async () => {
      clearInterval(timer);
      for (const stream of streams) stream.end();
      streams.clear();
      await server.close();
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', ...headers });
  response.end(`${JSON.stringify(body, null, 2)}\n`);
}
