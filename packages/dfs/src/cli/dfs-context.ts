/** What every `flint dfs` subcommand gets: its streams, paths resolved, and a lazily opened client. */
import { parseAddress, type NodeAddress } from '../address.js';
import { DfsClient } from '../client/dfs-client.js';
import { DEFAULT_NAMENODE_PORT, defaultNamenode, isDfsUrl, parseDfsUrl } from '../client/dfs-url.js';
import { normalizePath } from '../namenode/namespace.js';

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export class DfsCommandContext {
  private client: Promise<DfsClient> | undefined;
  private urlNamenode: NodeAddress | undefined;

  constructor(
    readonly io: CommandIo,
    private readonly namenodeFlag: string | undefined,
  ) {}

  /** A DFS path from an argument: `/a/b`, `a/b` (relative to /), or a dfs:// URL. */
  dfsPath(argument: string): string {
    if (!isDfsUrl(argument)) return normalizePath(argument.startsWith('/') ? argument : `/${argument}`);
    const url = parseDfsUrl(argument, this.io.env);
    this.urlNamenode ??= url.namenode;
    return url.path;
  }

  connect(): Promise<DfsClient> {
    return (this.client ??= DfsClient.connect(this.namenode(), { safeModeWaitMs: 10_000 }));
  }

  async close(): Promise<void> {
    const client = await this.client?.catch(() => undefined);
    client?.close();
  }

  print(line: string): void {
    this.io.stdout.write(`${line}\n`);
  }

  private namenode(): NodeAddress {
    if (this.namenodeFlag) return parseAddress(this.namenodeFlag, DEFAULT_NAMENODE_PORT);
    return this.urlNamenode ?? defaultNamenode(this.io.env);
  }
}
