/**
 * The idle timeout of a framed server closes an authenticated peer that went silent; a dialed
 * connection sends keepalives, so one that is merely waiting (for a long task, say) stays open.
 */
import { afterEach, expect, it } from 'vitest';
import { connect } from 'node:net';
import { FramedConnection, dialFrames, listenFrames, proofOf, type ListeningServer } from '@flint/net';

const SECRET = 'a-test-secret-of-enough-length';
const IDLE_MS = 600;
const saved = { secret: process.env.FLINT_SECRET, idle: process.env.FLINT_NET_IDLE_TIMEOUT_MS };
let server: ListeningServer | undefined;

afterEach(async () => {
  await server?.close();
  for (const [name, value] of [['FLINT_SECRET', saved.secret], ['FLINT_NET_IDLE_TIMEOUT_MS', saved.idle]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

function closedWithin(connection: FramedConnection, ms: number): Promise<boolean> {
  return connection.receive(ms).then(
    () => false,
    () => connection.closed,
  );
}

it('closes a silent authenticated peer after the idle timeout, and keeps a dialed connection that sends keepalives', async () => {
  process.env.FLINT_SECRET = SECRET;
  process.env.FLINT_NET_IDLE_TIMEOUT_MS = String(IDLE_MS);
  const log: string[] = [];
  server = await listenFrames({
    name: 'quiet',
    host: '127.0.0.1',
    port: 0,
    log: (line) => log.push(line),
    serve: async (connection) => {
      for (;;) {
        const frame = await connection.receive();
        if (frame.kind === 'message') await connection.send({ echo: frame.value });
      }
    },
  });

  // A peer that proves the secret by hand and then says nothing, not even a keepalive.
  const socket = connect({ host: '127.0.0.1', port: server.address.port });
  await new Promise((resolve) => socket.once('connect', resolve));
  const silent = new FramedConnection(socket, 'server', 1 << 20, { frameTimeoutMs: 5_000 });
  const hello = (await silent.receive(5_000)) as { value: { nonce: Uint8Array } };
  const clientNonce = Buffer.alloc(32, 1);
  await silent.send({ type: 'prove', nonce: clientNonce, proof: proofOf(Buffer.from(SECRET), 'client', hello.value.nonce, clientNonce) });
  await silent.receive(5_000);

  const waiting = await dialFrames(server.address, 'quiet', 5_000);
  expect(await closedWithin(silent, 5 * IDLE_MS)).toBe(true);
  expect(log.filter((line) => line.includes(`was idle for ${IDLE_MS} ms`))).toHaveLength(1);

  // Three idle timeouts later the dialed connection is still open, and still answers.
  await new Promise((resolve) => setTimeout(resolve, 3 * IDLE_MS));
  expect(waiting.closed).toBe(false);
  await waiting.send({ type: 'still there?' });
  expect(await waiting.receive(5_000)).toEqual({ kind: 'message', value: { echo: { type: 'still there?' } } });
  waiting.destroy();
});
