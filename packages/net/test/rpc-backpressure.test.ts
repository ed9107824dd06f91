/** A client that sends requests and reads none of the answers cannot make an RPC server buffer without bound. */
import { afterEach, expect, it } from 'vitest';
import { dialFrames, literal, object, serveRpc, type ListeningServer } from '@flint/net';

const savedSecret = process.env.FLINT_SECRET;
let server: ListeningServer | undefined;

afterEach(async () => {
  await server?.close();
  if (savedSecret === undefined) delete process.env.FLINT_SECRET;
  else process.env.FLINT_SECRET = savedSecret;
});

it('stops reading requests while 16 MiB of answers wait to be sent, and answers every one once the client reads', async () => {
  process.env.FLINT_SECRET = 'a-test-secret-of-enough-length';
  const REQUESTS = 200;
  const answer = { bytes: Buffer.alloc(2 ** 20, 7) };
  let handled = 0;
  server = await serveRpc(
    { name: 'big answers', host: '127.0.0.1', port: 0 },
    { requestSchema: object({ type: literal('big') }), handle: () => (handled++, answer), errorCode: () => 'INTERNAL' },
  );
  const connection = await dialFrames(server.address, 'big answers', 5_000);
  connection.socket.pause();
  for (let id = 1; id <= REQUESTS; id++) await connection.send({ type: 'request', id, body: { type: 'big' } });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  // 16 MiB waiting in the server, a few more in the kernel's socket buffers; unbounded it answers all 200.
  expect(handled).toBeLessThan(60);

  connection.socket.resume();
  for (let id = 1; id <= REQUESTS; id++) {
    const frame = (await connection.receive(10_000)) as { value: { type: string; id: number; body: { bytes: Uint8Array } } };
    expect([frame.value.type, frame.value.id, frame.value.body.bytes.length]).toEqual(['response', id, 2 ** 20]);
  }
  expect(handled).toBe(REQUESTS);
  connection.destroy();
});
