/**
 * Server-sent events over an HTTP response (the web UIs' live updates): the stream's headers,
 * `event:`/`data:` messages, and a comment every few seconds so proxies and idle timers keep it open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const KEEP_ALIVE_MS = 15_000;

export interface EventStream {
  send(event: string, data: string): void;
  /** Called once, when the client goes away or the stream is closed. */
  onClose(listener: () => void): void;
  close(): void;
}

export function openEventStream(request: IncomingMessage, response: ServerResponse): EventStream {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.write('retry: 1000\n\n');
  const closeListeners: (() => void)[] = [];
  let closed = false;
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const end = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    for (const listener of closeListeners) listener();
  };
  request.on('close', end);
  response.on('close', end);
  return {
    send(event, data) {
      if (closed) return;
      const lines = data.split('\n').map((line) => `data: ${line}`).join('\n');
      response.write(`event: ${event}\n${lines}\n\n`);
    },
    onClose(listener) {
      if (closed) listener();
      else closeListeners.push(listener);
    },
    close() {
      response.end();
      end();
    },
  };
}
