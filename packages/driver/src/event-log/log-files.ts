/**
 * Where an application's event log lives, local or on the DFS, as Spark's EventLogFileWriter
 * names it: `DIR/APP_ID.inprogress` while the application runs, renamed to `DIR/APP_ID` when it
 * ends. The DFS has no rename, so there the finished log is copied to its name and the
 * in-progress file deleted.
 */
import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DfsClient, isDfsUrl, parseDfsUrl, type DfsOutputStream } from '@flint/dfs/client';

export const IN_PROGRESS_SUFFIX = '.inprogress';

/** An event log being written: lines appended in order, then finished under its final name. */
export interface LogFile {
  /** Where the finished log will be (a path or a dfs:// URL). */
  readonly finalName: string;
  append(text: string): Promise<void>;
  finish(): Promise<void>;
}

/** Creates `dir` if needed and opens the application's in-progress log there; fails with one line if it cannot. */
export async function openLogFile(dir: string, appId: string): Promise<LogFile> {
  try {
    return isDfsUrl(dir) ? await DfsLogFile.open(dir, appId) : LocalLogFile.open(dir, appId);
  } catch (error) {
    throw new Error(`cannot write the event log in ${dir}: ${(error as Error).message}`);
  }
}

class LocalLogFile implements LogFile {
  private constructor(
    private readonly fd: number,
    private readonly path: string,
    readonly finalName: string,
  ) {}

  static open(dir: string, appId: string): LocalLogFile {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    const path = join(dir, appId + IN_PROGRESS_SUFFIX);
    return new LocalLogFile(openSync(path, 'wx'), path, join(dir, appId));
  }

  async append(text: string): Promise<void> {
    writeSync(this.fd, text);
  }

  async finish(): Promise<void> {
    closeSync(this.fd);
    renameSync(this.path, this.finalName);
  }
}

class DfsLogFile implements LogFile {
  private constructor(
    private readonly client: DfsClient,
    private readonly stream: DfsOutputStream,
    private readonly path: string,
    readonly finalName: string,
    private readonly finalPath: string,
  ) {}

  static async open(dir: string, appId: string): Promise<DfsLogFile> {
    const url = parseDfsUrl(dir);
    const client = await DfsClient.connect(url.namenode);
    try {
      await client.mkdirs(url.path);
      const path = `${url.path.replace(/\/$/, '')}/${appId}${IN_PROGRESS_SUFFIX}`;
      const finalPath = path.slice(0, -IN_PROGRESS_SUFFIX.length);
      const finalName = `${dir.replace(/\/$/, '')}/${appId}`;
      return new DfsLogFile(client, await client.create(path), path, finalName, finalPath);
    } catch (error) {
      client.close();
      throw error;
    }
  }

  async append(text: string): Promise<void> {
    await this.stream.write(Buffer.from(text, 'utf8'));
  }

  async finish(): Promise<void> {
    try {
      await this.stream.close();
      await this.client.writeFile(this.finalPath, await this.client.readFile(this.path));
      await this.client.delete(this.path);
    } finally {
      this.client.close();
    }
  }
}
