/**
 * Spark 4's timestamps from fields besides make_timestamp (zone-conversions.ts):
 * make_timestamp_ntz (the wall clock itself, a timestamp_ntz) and the try_ forms of the three,
 * null where make_timestamp fails (a field out of range, a day the month does not have); and
 * try_make_interval.
 */
import { TimestampNTZType } from '../../types/index.js';
import { lookupFunction, registerFunction, type ScalarFunction } from '../registry.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { constantZone } from './time-zone-codegen.js';
import { MAKE_WALL_HELPERS, zoneOf } from './zone-conversions.js';

const FIELDS = [Types.int, Types.int, Types.int, Types.int, Types.int, Types.double, Types.string];
const helpers = MAKE_WALL_HELPERS;
const orNull = (code: string) => `(() => { try { return ${code}; } catch { return null; } })()`;

for (const name of ['make_timestamp_ntz', 'try_make_timestamp_ntz']) {
  scalar(name, {
    args: 6,
    returns: new TimestampNTZType(),
    nullableResult: name.startsWith('try_'),
    coerce: () => FIELDS.slice(0, 6),
    gen: ([y, mo, d, h, mi, s]) => {
      const wall = `sqlMakeWall(${y}, ${mo}, ${d}, ${h}, ${mi}, ${s})`;
      return name.startsWith('try_') ? orNull(wall) : wall;
    },
    helpers,
  });
}

for (const name of ['try_make_timestamp', 'try_make_timestamp_ltz']) {
  scalar(name, {
    args: [6, 7],
    returns: Types.timestamp,
    nullableResult: true,
    coerce: (t) => FIELDS.slice(0, t.length),
    timeZoneAware: true,
    prepared: { 6: zoneOf },
    gen: ([y, mo, d, h, mi, s, zone], _, session, state) => orNull(`${zone ?? constantZone(state, session)}.instant(sqlMakeWall(${y}, ${mo}, ${d}, ${h}, ${mi}, ${s}))`),
    helpers,
  });
}

/** try_make_interval: make_interval under its own name (Flint's calendar intervals do not overflow, so never null for non-null fields). */
const makeInterval = lookupFunction('make_interval') as ScalarFunction;
registerFunction({ ...makeInterval, name: 'try_make_interval', pretty: (args) => `try_${makeInterval.pretty!(args)}` });
