/**
 * A request target that is no URL (`//x:99999`, `//[`: Node's HTTP parser lets them through) is
 * the client's error: listenHttp answers 400 before any handler runs, so a handler that reads
 * `new URL(request.url, base)` never throws on it and never answers 500 (the fuzz test found
 * such a 500 on the namenode's cluster UI). Real TCP on loopback.
 */
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { listenHttp, type HttpServer } from '../src/http.js';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The status line of the answer to `target`, sent as written over a raw socket. */
function statusOf(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0]));
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

it('answers 400 to a request target that is no URL, without calling the handler, and keeps serving', async () => {
  const seen: string[] = [];
  server = await listenHttp({
    name: 'request target test',
    host: '127.0.0.1',
    port: 0,
    handle(request, response) {
      seen.push(new URL(request.url ?? '/', 'http://test').pathname);
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok\n');
    },
  });
  const port = server.address.port;
  for (const target of ['//x:99999', '//[', '//a%zz@[']) {
    expect(URL.canParse(target, 'http://test')).toBe(false);
    expect(await statusOf(port, target)).toBe('HTTP/1.1 400 Bad Request');
  }
  expect(seen).toEqual([]);
  expect(await statusOf(port, '/api/workers?path=//x:99999')).toBe('HTTP/1.1 200 OK');
  expect(seen).toEqual(['/api/workers']);
});
