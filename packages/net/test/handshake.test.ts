/** The challenge–response over real loopback sockets: who gets in, and what a replay or a forgery gets. */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FramedConnection, dialFrames, listenFrames, proofOf, type ListeningServer } from '@flint/net';

const SECRET = 'a-test-secret-of-enough-length';
const servers: ListeningServer[] = [];
const savedSecret = process.env.FLINT_SECRET;

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  if (savedSecret === undefined) delete process.env.FLINT_SECRET;
  else process.env.FLINT_SECRET = savedSecret;
});

/** An echo server that records who reached its handler, and its log. */
async function echoServer(secret: string | undefined) {
  if (secret === undefined) delete process.env.FLINT_SECRET;
  else process.env.FLINT_SECRET = secret;
  const served: string[] = [];
  const log: string[] = [];
  const server = await listenFrames({
    name: 'echo',
    host: '127.0.0.1',
    port: 0,
    log: (line) => log.push(line),
    serve: async (connection) => {
      served.push(connection.peer);
      for (;;) {
        const frame = await connection.receive();
        if (frame.kind === 'message') await connection.send({ echo: frame.value });
      }
    },
  });
  servers.push(server);
  return { server, served, log };
}

/** A raw connection that has not authenticated: the test speaks the handshake itself. */
async function rawConnection(port: number): Promise<FramedConnection> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  return new FramedConnection(socket, 'server', 1 << 20, { frameTimeoutMs: 5_000 });
}

async function closed(connection: FramedConnection): Promise<boolean> {
  try {
    await connection.receive(5_000);
    return false;
  } catch {
    return connection.closed;
  }
}

describe('authentication', () => {
  it('lets a client with the secret in, and it talks', async () => {
    const { server, served } = await echoServer(SECRET);
    const client = await dialFrames(server.address, 'echo', 2_000);
    await client.send({ hello: 1 });
    expect(await client.receive(2_000)).toEqual({ kind: 'message', value: { echo: { hello: 1 } } });
    expect(served).toHaveLength(1);
    client.destroy();
  });

  it('refuses a client without the secret or with a wrong one, before the handler, and logs the peer once', async () => {
    const { server, served, log } = await echoServer(SECRET);
    delete process.env.FLINT_SECRET;
    await expect(dialFrames(server.address, 'echo', 2_000)).rejects.toThrow(/requires authentication: set FLINT_SECRET/);
    process.env.FLINT_SECRET = 'another-secret-of-enough-length';
    await expect(dialFrames(server.address, 'echo', 2_000)).rejects.toThrow(/refused our secret/);
    await expect.poll(() => log.filter((line) => line.includes('refused connection from 127.0.0.1:')).length).toBe(2);
    expect(log.some((line) => line.includes('wrong secret'))).toBe(true);
    expect(served).toEqual([]);
  });

  it('refuses a recorded proof replayed on a new connection, and a tampered one', async () => {
    const { server, served } = await echoServer(SECRET);
    const secret = Buffer.from(SECRET);
    const first = await rawConnection(server.address.port);
    const hello = (await first.receive(2_000)) as { value: { nonce: Uint8Array } };
    const clientNonce = Buffer.alloc(32, 7);
    const recorded = { type: 'prove', nonce: clientNonce, proof: proofOf(secret, 'client', hello.value.nonce, clientNonce) };
    await first.send(recorded);
    expect(((await first.receive(2_000)) as { value: { type: string } }).value.type).toBe('welcome');
    first.destroy();

    const replay = await rawConnection(server.address.port);
    await replay.receive(2_000);
    await replay.send(recorded);
    expect(await closed(replay)).toBe(true);

    const tampered = await rawConnection(server.address.port);
    const hello2 = (await tampered.receive(2_000)) as { value: { nonce: Uint8Array } };
    const proof = proofOf(secret, 'client', hello2.value.nonce, clientNonce);
    proof[0] ^= 1;
    await tampered.send({ type: 'prove', nonce: clientNonce, proof });
    expect(await closed(tampered)).toBe(true);
    expect(served).toHaveLength(1);
  });

  it('refuses a client that sends anything but a proof first', async () => {
    const { server, served } = await echoServer(SECRET);
    const client = await rawConnection(server.address.port);
    await client.receive(2_000);
    await client.send({ type: 'request', id: 1, body: { type: 'delete', path: '/', recursive: true } });
    expect(await closed(client)).toBe(true);
    expect(served).toEqual([]);
  });

  it('a client with a secret refuses a server that announces no authentication (no downgrade)', async () => {
    const { server, served } = await echoServer(undefined);
    process.env.FLINT_SECRET = SECRET;
    await expect(dialFrames(server.address, 'echo', 2_000)).rejects.toThrow(
      /echo 127\.0\.0\.1:\d+ announces no authentication, but we have a cluster secret: refusing it/,
    );
    expect(served).toEqual([]);
  });

  it('a server without a secret lets in anyone without one, and says so loudly', async () => {
    const { server, served, log } = await echoServer(undefined);
    const client = await dialFrames(server.address, 'echo', 2_000);
    await client.send({ n: 2 });
    expect(await client.receive(2_000)).toEqual({ kind: 'message', value: { echo: { n: 2 } } });
    expect(served).toHaveLength(1);
    expect(log.some((line) => line.includes('WITHOUT authentication'))).toBe(true);
    client.destroy();
  });
});
