/** Writes a benchmark's results as `benchmarks/results/<name>-<date>.<ext>` files and says where. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function writeResultFiles(name: string, isoDate: string, files: Record<string, string>, quiet = false): void {
  const resultsDir = fileURLToPath(new URL('results/', import.meta.url));
  const base = `${resultsDir}${name}-${isoDate.slice(0, 10)}`;
  mkdirSync(resultsDir, { recursive: true });
  for (const [extension, content] of Object.entries(files)) writeFileSync(`${base}.${extension}`, content);
  if (!quiet) console.log(`results written to ${base}.{${Object.keys(files).join(',')}}`);
}
