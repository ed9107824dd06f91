/**
 * The one table of requests waiting for their response, matched by id. Each may have a timeout;
 * a lost connection fails (or settles) everything still waiting at once.
 */
export class PendingRequests<Response> {
  private readonly waiting = new Map<number, { resolve(response: Response): void; reject(error: Error): void; timer?: NodeJS.Timeout }>();
  private nextId = 1;

  get size(): number {
    return this.waiting.size;
  }

  /** A fresh id for a request whose response the caller will `wait` for. */
  newId(): number {
    return this.nextId++;
  }

  has(id: number): boolean {
    return this.waiting.has(id);
  }

  /** Waits for the response to request `id`; `onTimeout` makes the error (or value) after `timeoutMs`. */
  wait(id: number, timeoutMs?: number, onTimeout?: () => Error | Response): Promise<Response> {
    return new Promise((resolve, reject) => {
      const entry: { resolve(r: Response): void; reject(e: Error): void; timer?: NodeJS.Timeout } = { resolve, reject };
      if (timeoutMs !== undefined && onTimeout) {
        entry.timer = setTimeout(() => {
          this.waiting.delete(id);
          const outcome = onTimeout();
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        }, timeoutMs);
      }
      this.waiting.set(id, entry);
    });
  }

  /** Settles request `id` with its response; false if nobody waits for it (late or unknown). */
  resolve(id: number, response: Response): boolean {
    const entry = this.take(id);
    entry?.resolve(response);
    return entry !== undefined;
  }

  reject(id: number, error: Error): void {
    this.take(id)?.reject(error);
  }

  rejectAll(error: Error): void {
    for (const id of [...this.waiting.keys()]) this.reject(id, error);
  }

  resolveAll(response: Response): void {
    for (const id of [...this.waiting.keys()]) this.resolve(id, response);
  }

  private take(id: number) {
    const entry = this.waiting.get(id);
    if (!entry) return undefined;
    this.waiting.delete(id);
    clearTimeout(entry.timer);
    return entry;
  }
}
