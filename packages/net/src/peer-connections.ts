/** The cap on connections one remote address may hold open to a server (framed or HTTP). */
import type { Socket } from 'node:net';

export class PeerConnections {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly server: string,
    private readonly limit: number,
    private readonly log: (line: string) => void,
  ) {}

  /** Counts `socket` until it closes; one past the limit is logged, destroyed, and not admitted. */
  admit(socket: Socket): boolean {
    const peer = socket.remoteAddress ?? 'unknown';
    const open = this.open.get(peer) ?? 0;
    if (open >= this.limit) {
      this.log(`${this.server}: refused a connection from ${peer}: it already has ${open} open (the limit)`);
      socket.destroy();
      return false;
    }
    this.open.set(peer, open + 1);
    socket.once('close', () => {
      const left = (this.open.get(peer) ?? 1) - 1;
      if (left === 0) this.open.delete(peer);
      else this.open.set(peer, left);
    });
    return true;
  }
}
