/**
 * Prints the text splits of a DFS file or directory as JSON: `node dfs-splits-main.js dfs://host:port/path`.
 * `textFile` runs it as a child process because creating an RDD is synchronous (its partition
 * count must be known at once) while namenode calls are not.
 */
import { DfsClient, formatDfsUrl, getTextSplits, parseDfsUrl } from '@flint/dfs';

const url = parseDfsUrl(process.argv[2]);
const client = await DfsClient.connect(url.namenode, { rpcTimeoutMs: 10_000 });
try {
  const status = await client.stat(url.path);
  // A directory's visible files, as Hadoop lists them (names starting with _ or . are skipped).
  const files = status.kind === 'file' ? [status] : (await client.list(url.path)).filter((f) => f.kind === 'file' && !/^[_.]/.test(f.path.split('/').pop()!));
  const splits = (await Promise.all(files.map((f) => getTextSplits(client, f.path)))).flat();
  process.stdout.write(JSON.stringify(splits.map((s) => ({ ...s, path: formatDfsUrl({ namenode: url.namenode, path: s.path }) }))));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  client.close();
}
