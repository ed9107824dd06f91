/**
 * Fuzzes any Flint HTTP server, given its URL (the namenode's status page today; the cluster UI
 * and the driver UI can be handed to it the same way): seeded malformed requests over raw TCP —
 * bad request lines, bad methods, oversized header blocks, path traversal, bad percent-encoding,
 * request smuggling headers, oversized and lying bodies, pipelined garbage, WebSocket upgrades
 * followed by malformed frames and a second handshake (the servers speak no WebSocket: they must
 * answer or close, never switch protocols) — plus slowloris
 * connections that send half a request and stop. It reports what came back; the caller checks the
 * server's process and state.
 */
import { connect, type Socket } from 'node:net';
import { SeededRandom } from './frame-fuzzer.js';

export interface HttpFuzzReport {
  /** Responses by status code; 0: the server closed the connection without a response. */
  readonly statuses: ReadonlyMap<number, number>;
  /** Response bodies that leaked a file from outside the server (e.g. /etc/passwd). */
  readonly leaks: number;
  /** Half-sent requests, and how many of them the server closed on its own. */
  readonly halfSent: number;
  readonly halfSentClosed: number;
}

export interface HttpFuzzOptions {
  readonly requests: number;
  readonly seed: number;
  readonly inFlight?: number;
  /** Every this many requests, one half-sent (slowloris) connection is left open for the server to time out. */
  readonly halfSentEvery?: number;
  /** How long to wait for the server to close the half-sent connections. */
  readonly halfSentWaitMs?: number;
}

const TRAVERSALS = ['/../../../../etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '//etc/passwd', '/static/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..\\..\\..\\etc\\passwd', '/json/../../etc/passwd'];
const BAD_ENCODINGS = ['/%', '/%z', '/%zz', '/%c0%af', '/%ff%fe%fd', '/%00', '/json%00', '/%E0%A4%A', '/?q=%%%', '/%uD800'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'FOO', 'get', 'G E T', '', 'GET\0', 'X'.repeat(300)];

function line(random: SeededRandom, path: string): string {
  const method = random.pick(METHODS);
  const version = random.pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra', '', 'http/1.1']);
  return `${method} ${path} ${version}`;
}

function path(random: SeededRandom, known: readonly string[]): string {
  return random.pick([
    () => random.pick(known),
    () => random.pick(TRAVERSALS),
    () => random.pick(BAD_ENCODINGS),
    () => `/${'a'.repeat(random.int(20_000))}`,
    () => `/${random.bytes(random.int(40)).toString('latin1').replace(/[\r\n ]/g, '')}`,
    () => '*',
    () => 'http://evil.example/',
  ])();
}

/** One malformed (or hostile) request as bytes. */
export function hostileHttpRequest(random: SeededRandom, known: readonly string[]): Buffer {
  const p = path(random, known);
  const crlf = '\r\n';
  const kinds: (() => string | Buffer)[] = [
    // Bad request lines: wrong methods, versions, paths, line endings.
    () => `${line(random, p)}${crlf}Host: x${crlf}${crlf}`,
    () => `${line(random, p)}\nHost: x\n\n`,
    () => `${random.bytes(random.int(200)).toString('latin1')}${crlf}${crlf}`,
    () => random.bytes(random.int(2_000)),
    // A header block past the server's limit, as many headers or one huge one.
    () => `GET ${p} HTTP/1.1${crlf}Host: x${crlf}${Array.from({ length: 40 + random.int(200) }, (_, i) => `X-Pad-${i}: ${'v'.repeat(500)}`).join(crlf)}${crlf}${crlf}`,
    () => `GET ${p} HTTP/1.1${crlf}Host: x${crlf}Cookie: ${'c'.repeat(20_000 + random.int(50_000))}${crlf}${crlf}`,
    // Malformed headers: no colon, NUL, bare CR, folded lines, non-ASCII names.
    () => `GET ${p} HTTP/1.1${crlf}Host x${crlf}Bad\0Name: 1${crlf}\rX: y${crlf} folded${crlf}Ñame: z${crlf}${crlf}`,
    // Smuggling: two lengths, length and chunked, bad chunked encoding.
    () => `POST ${p} HTTP/1.1${crlf}Host: x${crlf}Content-Length: 5${crlf}Content-Length: 50${crlf}${crlf}hello`,
    () => `POST ${p} HTTP/1.1${crlf}Host: x${crlf}Content-Length: 4${crlf}Transfer-Encoding: chunked${crlf}${crlf}0${crlf}${crlf}GET /json HTTP/1.1${crlf}Host: x${crlf}${crlf}`,
    () => `POST ${p} HTTP/1.1${crlf}Host: x${crlf}Transfer-Encoding: chunked${crlf}${crlf}zz${crlf}nothex${crlf}`,
    () => `POST ${p} HTTP/1.1${crlf}Host: x${crlf}Transfer-Encoding: chunked${crlf}${crlf}FFFFFFFFFFFFFFFF${crlf}${'b'.repeat(1000)}`,
    // Oversized and lying bodies: declared beyond any limit, or longer/shorter than declared.
    () => `POST ${p} HTTP/1.1${crlf}Host: x${crlf}Content-Length: ${random.pick(['1000000000000', '99999999999999999999', '-1', '1e9', '0x10'])}${crlf}${crlf}${'d'.repeat(random.int(100_000))}`,
    () => Buffer.concat([Buffer.from(`PUT ${p} HTTP/1.1${crlf}Host: x${crlf}Content-Length: 2000000${crlf}${crlf}`), random.bytes(300_000)]),
    // Pipelined: a good request, then garbage, then another.
    () => `GET ${random.pick(known)} HTTP/1.1${crlf}Host: x${crlf}${crlf}${random.bytes(random.int(300)).toString('latin1')}${crlf}GET / HTTP/1.1${crlf}Host: x${crlf}${crlf}`,
    () => Array.from({ length: 2 + random.int(30) }, () => `GET ${random.pick(known)} HTTP/1.1${crlf}Host: x${crlf}${crlf}`).join(''),
    // A WebSocket upgrade, then malformed frames, then a second handshake on the same connection.
    () => Buffer.concat([webSocketUpgrade(p), malformedWebSocketFrame(random), malformedWebSocketFrame(random), webSocketUpgrade(p)]),
  ];
  const request = random.pick(kinds)();
  return typeof request === 'string' ? Buffer.from(request, 'latin1') : request;
}

function webSocketUpgrade(path: string): Buffer {
  const crlf = '\r\n';
  const headers = ['Host: x', 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13'];
  return Buffer.from(`GET ${path} HTTP/1.1${crlf}${headers.join(crlf)}${crlf}${crlf}`, 'latin1');
}

/** RFC 6455 frames a server must reject: unmasked, reserved bits set, unknown opcodes, oversized control frames, bad close codes, lying lengths. */
function malformedWebSocketFrame(random: SeededRandom): Buffer {
  const payload = random.bytes(random.int(64));
  const kinds: (() => Buffer)[] = [
    () => Buffer.concat([Buffer.from([0x81, payload.length]), payload]),
    () => Buffer.concat([Buffer.from([0x81 | (0x10 << random.int(3)), 0x80 | payload.length]), random.bytes(4), payload]),
    () => Buffer.concat([Buffer.from([0x80 | random.pick([3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), 0x80 | payload.length]), random.bytes(4), payload]),
    () => Buffer.concat([Buffer.from([0x89, 0x80 | 126, 0x01, 0x00]), random.bytes(4), random.bytes(256)]),
    () => Buffer.concat([Buffer.from([0x88, 0x82]), random.bytes(4), Buffer.from([random.pick([0, 999, 1004, 1005, 1006, 2999, 5000]) >> 8, 0x07])]),
    () => Buffer.concat([Buffer.from([0x82, 0xff, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]), random.bytes(4)]),
    () => Buffer.from([0x01, 0x80, 0, 0, 0, 0, 0x00, 0x80, 0, 0, 0, 0]),
  ];
  return random.pick(kinds)();
}

/** Half of a request's header block: the server must time it out (slowloris). */
function halfSentRequest(random: SeededRandom): Buffer {
  return Buffer.from(`GET /${'x'.repeat(random.int(100))} HTTP/1.1\r\nHost: x\r\nX-Slow: ${'s'.repeat(random.int(200))}`);
}

interface Exchange {
  readonly status: number;
  readonly body: string;
}

/** Sends `bytes`, half-closes, and reads until the server closes (or `timeoutMs`). */
function exchange(url: URL, bytes: Buffer, timeoutMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    let received = 0;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : 0, body: text });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      // Keep what tells the status and a leak; drop the rest of a long answer.
      if (received < 64 * 1024) chunks.push(chunk);
      received += chunk.length;
    });
    socket.once('close', done);
    socket.once('connect', () => socket.end(bytes));
  });
}

function closedWithin(socket: Socket, timeoutMs: number): Promise<boolean> {
  if (socket.destroyed) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function fuzzHttp(serverUrl: string, known: readonly string[], options: HttpFuzzOptions): Promise<HttpFuzzReport> {
  const url = new URL(serverUrl);
  const random = new SeededRandom(options.seed);
  const statuses = new Map<number, number>();
  const halfSent: Socket[] = [];
  let leaks = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.inFlight ?? 16 }, async () => {
      while (next < options.requests) {
        const i = next++;
        if (options.halfSentEvery && i % options.halfSentEvery === 0) {
          const socket = connect({ host: url.hostname, port: Number(url.port) });
          socket.on('error', () => undefined);
          socket.on('data', () => undefined);
          socket.once('connect', () => socket.write(halfSentRequest(random)));
          halfSent.push(socket);
        }
        const { status, body } = await exchange(url, hostileHttpRequest(random, known), 5_000);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (/root:.*:0:0:/.test(body)) leaks++;
      }
    }),
  );
  const closed = await Promise.all(halfSent.map((socket) => closedWithin(socket, options.halfSentWaitMs ?? 15_000)));
  for (const socket of halfSent) socket.destroy();
  return { statuses, leaks, halfSent: halfSent.length, halfSentClosed: closed.filter(Boolean).length };
}
