/** `rdd.pipe(command)`: feeds a partition's elements, one per line, to a shell command and returns its output lines. */
export function runPipe(command: string, env: Readonly<Record<string, string>>, checkCode: boolean, records: Iterable<unknown>): string[] {
  const input = Array.from(records, (r) => `${String(r)}\n`).join('');
  // node:child_process (and net, dgram) loaded here, not by every task thread's start.
  const result = process.getBuiltinModule('node:child_process').spawnSync('/bin/sh', ['-c', command], {
    input,
    env: { ...process.env, ...env },
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`pipe: cannot run '${command}': ${result.error.message}`);
  if (checkCode && result.status !== 0) {
    throw new Error(`pipe: subprocess '${command}' exited with status ${result.status}: ${result.stderr.trim().slice(0, 500)}`);
  }
  const lines = result.stdout.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
