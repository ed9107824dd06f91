/**
 * What a query can ask of its session (current_catalog, current_database / current_schema,
 * current_user / user / session_user, version), fixed while planning as Spark's ReplaceCurrentLike
 * does, and the functions that fail on purpose: raise_error and assert_true, both Spark 4's
 * USER_RAISED_EXCEPTION. Flint has one catalog, spark_catalog, with its one database, default.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

scalar('current_catalog', { args: 0, returns: Types.string, gen: () => `'spark_catalog'` });
// Spark's CurrentDatabase is named current_schema() whichever name called it.
scalar('current_database', { args: 0, returns: Types.string, prettyName: 'current_schema', gen: () => `'default'`, aliases: ['current_schema'] });

/** The user running the driver, as Spark's CurrentUserContext falls back to it: SPARK_USER, else the OS user. */
const currentUser = (): string => process.env.SPARK_USER ?? userInfo().username;
scalar('current_user', { args: 0, returns: Types.string, gen: () => JSON.stringify(currentUser()), aliases: ['user', 'session_user'] });

/**
 * Flint's release (@flint/sql's package.json, found upwards from this module, which is bundled or
 * not) and, where Spark gives its git revision, "flint". Read while planning, on the driver.
 */
function flintVersion(): string {
  for (const up of ['../', '../../', '../../../', '../../../../']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === '@flint/sql') return pkg.version;
    } catch {
      // not at this level
    }
  }
  return 'unknown';
}
scalar('version', { args: 0, returns: Types.string, gen: () => JSON.stringify(`${flintVersion()} flint`) });

const RAISE = `function sqlRaiseError(message) {
  throw new Error('[USER_RAISED_EXCEPTION] ' + message + ' SQLSTATE: P0001');
}`;
/** raise_error(message): never folded while planning, so a query fails only when a row reaches it. */
scalar('raise_error', {
  args: 1,
  returns: Types.null,
  coerce: () => [Types.string],
  nullTolerant: true,
  nondeterministic: true,
  gen: ([message]) => `sqlRaiseError(${message})`,
  helpers: { sqlRaiseError: RAISE },
});
/** assert_true(condition[, message]): null when condition is true, else raise_error(message); the analyzer supplies Spark's default message. */
scalar('assert_true', {
  args: 2,
  returns: Types.null,
  coerce: () => [Types.boolean, Types.string],
  nullTolerant: true,
  nondeterministic: true,
  pretty: ([condition, message]) => `assert_true(${condition}, ${message ?? `'${condition}' is not true!`})`,
  gen: ([condition, message]) => `(${condition} === true ? null : sqlRaiseError(${message}))`,
  helpers: { sqlRaiseError: RAISE },
});
