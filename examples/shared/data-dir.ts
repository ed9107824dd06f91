import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the examples cache the inputs they generate when none is given. */
export function exampleDataPath(name: string): string {
  return join(tmpdir(), 'flint-examples', name);
}
