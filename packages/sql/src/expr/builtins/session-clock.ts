/**
 * The session's clock and zone: current_timezone() (the session time zone's id),
 * localtimestamp() (now as a timestamp_ntz: the wall clock in the session time zone) and
 * curdate() (current_date under the name it was called by, as Spark names it).
 */
import { TimestampNTZType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { ZONE, constantZone } from './time-zone-codegen.js';

scalar('current_timezone', { args: 0, returns: Types.string, timeZoneAware: true, pretty: () => 'current_timezone()', gen: (_, __, tz) => JSON.stringify(tz) });
scalar('localtimestamp', {
  args: 0,
  returns: new TimestampNTZType(),
  timeZoneAware: true,
  pretty: () => 'localtimestamp()',
  // The clock's reading: never folded while planning (as current_date and now are not).
  nondeterministic: true,
  gen: (_, __, tz, state) => `${constantZone(state, tz)}.wall(Date.now())`,
  helpers: { sqlZone: ZONE },
});
scalar('curdate', {
  args: 0,
  returns: Types.date,
  timeZoneAware: true,
  pretty: () => 'curdate()',
  nondeterministic: true,
  gen: (_, __, tz, state) => `Math.floor(${constantZone(state, tz)}.wall(Date.now()) / 86400000)`,
  helpers: { sqlZone: ZONE },
});
