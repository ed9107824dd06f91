/** Facts about the running application that PySpark's SparkContext reports: Flint's version and the user. */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

export const FLINT_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function sparkUser(): string {
  return process.env.SPARK_USER ?? userInfo().username;
}
