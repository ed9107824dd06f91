/**
 * Copies a DFS file, or with `--recursive` a directory tree, into a local directory:
 * `node dfs-fetch-main.js dfs://host:port/path LOCAL_DIR [--recursive]` writes LOCAL_DIR/NAME and prints its path.
 * addFile and addArchive run it as a child process because they are synchronous (as Spark's are)
 * while DFS calls are not. An error is one line on stderr, in Spark's words where it has them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DfsClient, parseDfsUrl } from '@flint/dfs';

const [urlText, localDir, flag] = process.argv.slice(2);
try {
  process.stdout.write(await fetch(urlText, localDir, flag === '--recursive'));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}

async function fetch(urlText: string, localDir: string, recursive: boolean): Promise<string> {
  const url = parseDfsUrl(urlText);
  const client = await DfsClient.connect(url.namenode, { rpcTimeoutMs: 10_000 });
  try {
    const status = await client.stat(url.path).catch(() => undefined);
    if (!status) throw new Error(`File ${urlText} does not exist`);
    if (status.kind === 'directory' && !recursive) throw new Error(`Added file ${urlText} is a directory and recursive is not turned on.`);
    const copy = join(localDir, url.path.split('/').pop() || 'root');
    await copyTree(client, url.path, copy);
    return copy;
  } finally {
    client.close();
  }
}

async function copyTree(client: DfsClient, path: string, target: string): Promise<void> {
  const status = await client.stat(path);
  if (status.kind === 'file') {
    await writeFile(target, await client.readFile(path));
    return;
  }
  await mkdir(target, { recursive: true });
  for (const child of await client.list(path)) await copyTree(client, child.path, join(target, child.path.split('/').pop()!));
}
