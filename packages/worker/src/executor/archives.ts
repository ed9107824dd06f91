/**
 * Unpacking the archives added with fc.addArchive, as Spark's Utils.unpack does: `.zip` and `.jar`
 * are zip files (fflate), `.tar`, `.tar.gz` and `.tgz` tar files (node-tar, which also inflates
 * gzip). The driver unpacks its own copy and each executor its copy, into a directory named after
 * the archive under the SparkFiles directory. Unpacking is synchronous: the driver's addArchive is
 * (as addFile is), and the executor unpacks before the task that carried the archive runs.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { UnpackSync } from 'tar';
import type { ArchiveFormat } from '../protocol.js';

/** The format Spark unpacks a file of this name as, or undefined (Spark copies such a file as it is). */
export function archiveFormatOf(fileName: string): ArchiveFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.zip') || lower.endsWith('.jar')) return 'zip';
  if (lower.endsWith('.tar') || lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return 'tar';
  return undefined;
}

/** Replaces `destination` with the archive's contents; a corrupt archive is a one-line error naming it. */
export function unpackArchive(bytes: Uint8Array, format: ArchiveFormat, destination: string, archiveName: string): void {
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  try {
    if (format === 'zip') unzipInto(bytes, destination);
    // strict: a bad header is an error, not a warning; files belong to this process's user, not the archive's.
    else new UnpackSync({ cwd: destination, strict: true, preserveOwner: false }).end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    rmSync(destination, { recursive: true, force: true });
    throw new Error(`Cannot unpack ${archiveName} as a ${format} archive: ${(error as Error).message}`);
  }
}

/** `root/name`, refusing a name that would leave `root` (absolute, or through `..`). */
export function joinInside(root: string, name: string): string {
  const relative = normalize(name);
  if (relative.startsWith(`..${sep}`) || relative === '..' || relative.startsWith(sep)) throw new Error(`${name} is not a path under ${root}`);
  return join(root, relative);
}

function unzipInto(bytes: Uint8Array, destination: string): void {
  for (const [name, content] of Object.entries(unzipSync(bytes))) {
    const target = joinInside(destination, name);
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
