/** A local copy of a DFS file or directory, for addFile and addArchive (dfs-fetch-main.ts does the copying). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FETCH_MAIN = fileURLToPath(new URL('./dfs-fetch-main.js', import.meta.url));

/** Copies `url` (`dfs://host:port/path`) into `directory`; returns the copy's path (`directory/NAME`). */
export function fetchFromDfs(url: string, directory: string, recursive: boolean): string {
  try {
    return execFileSync(process.execPath, [FETCH_MAIN, url, directory, ...(recursive ? ['--recursive'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(stderr.split('\n').at(-1) || `Cannot fetch ${url} from DFS: ${(error as Error).message}`);
  }
}
