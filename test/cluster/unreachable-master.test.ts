import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { FlintContext } from '@flint/driver';

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a flint:// master that cannot be reached', () => {
  // The message is the fast path's: without it the driver would wait for workers to register.
  it('fails at once with an error naming the namenode', async () => {
    const port = await closedPort();
    await expect(FlintContext.create({ master: `flint://127.0.0.1:${port}` })).rejects.toThrow(`Cannot reach the Flint namenode at 127.0.0.1:${port}`);
  });
});
