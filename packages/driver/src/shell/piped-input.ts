/**
 * Piped input for `flint shell` (a script, a test, `cat lines | flint shell`): Node's REPL reads
 * on while a top-level `await` is pending, so the next line would run before the value it needs
 * exists. Here each line goes to the REPL only once the previous one is done (it shows its prompt
 * again), and the end of the input ends the REPL once the last line is done.
 */
import type { REPLServer } from 'node:repl';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';

export class PipedInput {
  /** What the REPL reads. */
  readonly stream = new PassThrough();

  constructor(private readonly source: NodeJS.ReadableStream) {}

  /** Starts feeding `server`, which must read `this.stream`. */
  feed(server: REPLServer): void {
    let lineDone: Promise<void> = Promise.resolve();
    let finishLine = (): void => undefined;
    const displayPrompt = server.displayPrompt.bind(server);
    server.displayPrompt = (preserveCursor?: boolean) => {
      displayPrompt(preserveCursor);
      finishLine();
    };
    const lines = createInterface({ input: this.source, crlfDelay: Infinity });
    // After `.exit` no prompt comes again: stop reading, so the process can end.
    server.once('exit', () => {
      lines.close();
      finishLine();
    });
    void (async () => {
      for await (const line of lines) {
        await lineDone;
        lineDone = new Promise((resolve) => (finishLine = resolve));
        this.stream.write(`${line}\n`);
      }
      await lineDone;
      this.stream.end();
    })();
  }
}
