/**
 * Zone ids as Spark reads them (DateTimeUtils.getZoneId): `+h:mm` and `+hh:m` are first written
 * `+0h:mm` and `+hh:0m` (forms Spark accepted before 3.0), then java.time's
 * ZoneId.of(id, ZoneId.SHORT_IDS) reads them: a short id (`PST`, `JST`, ...) is its region, or
 * for EST, MST and HST a fixed offset; `Z`, `UTC`, `GMT` and `UT` alone or followed by an offset
 * (`+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss`, at most 18 hours) are fixed offsets;
 * anything else is a region id (Intl knows the same tz database).
 */

/** java.time.ZoneId.SHORT_IDS. */
export const SHORT_IDS: Readonly<Record<string, string>> = {
  ACT: 'Australia/Darwin', AET: 'Australia/Sydney', AGT: 'America/Argentina/Buenos_Aires', ART: 'Africa/Cairo', AST: 'America/Anchorage',
  BET: 'America/Sao_Paulo', BST: 'Asia/Dhaka', CAT: 'Africa/Harare', CNT: 'America/St_Johns', CST: 'America/Chicago', CTT: 'Asia/Shanghai',
  EAT: 'Africa/Addis_Ababa', ECT: 'Europe/Paris', IET: 'America/Indiana/Indianapolis', IST: 'Asia/Kolkata', JST: 'Asia/Tokyo', MIT: 'Pacific/Apia',
  NET: 'Asia/Yerevan', NST: 'Pacific/Auckland', PLT: 'Asia/Karachi', PNT: 'America/Phoenix', PRT: 'America/Puerto_Rico', PST: 'America/Los_Angeles',
  SST: 'Pacific/Guadalcanal', VST: 'Asia/Ho_Chi_Minh', EST: '-05:00', MST: '-07:00', HST: '-10:00',
};

/** Spark's old offset forms `+h:mm` and `+hh:m`, written `+0h:mm` and `+hh:0m`. */
const ONE_DIGIT_HOUR = /([+-])(\d):/;
const ONE_DIGIT_MINUTE = /([+-])(\d\d):(\d)$/;
/** A fixed offset after `UTC`, `GMT`, `UT` or nothing: `+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss`. */
const FIXED_OFFSET = /^(?:UTC|GMT|UT)?([+-])(\d|\d\d(?::\d\d(?::\d\d)?|\d\d(?:\d\d)?)?)$/;

/** The id ZoneId.of reads: Spark's rewrites of old offset forms, then a short id's region or offset. */
export function javaZoneId(id: string): string {
  const formatted = id.replace(ONE_DIGIT_HOUR, '$10$2:').replace(ONE_DIGIT_MINUTE, '$1$2:0$3');
  return SHORT_IDS[formatted] ?? formatted;
}

/**
 * A zone id that is a fixed offset (`+08:00`, `-0530`, `UTC+8`, `GMT-5`, `UT+1`, `Z`, `+08:00:30`,
 * `EST`): its offset in milliseconds; undefined for a region id or an offset java.time rejects.
 * Generated code calls it through formatFunctions (io/format-functions-runtime.ts).
 */
export function fixedOffsetMillis(zoneId: string): number | undefined {
  const id = javaZoneId(zoneId);
  if (id === 'Z' || id === 'UTC' || id === 'GMT' || id === 'UT') return 0;
  const m = FIXED_OFFSET.exec(id);
  if (m === null) return undefined;
  const digits = m[2]!.replace(/:/g, '');
  const [h, mi, s] = [Number(digits.slice(0, digits.length === 1 ? 1 : 2)), Number(digits.slice(2, 4) || 0), Number(digits.slice(4, 6) || 0)];
  const seconds = (h * 60 + mi) * 60 + s;
  if (h > 18 || mi > 59 || s > 59 || seconds > 18 * 3600) return undefined;
  return (m[1] === '-' ? -1 : 1) * seconds * 1000;
}

/** Whether Intl knows the zone of an id that is not a fixed offset (a region, or a short id's region), however it is spelt. */
export function intlKnowsZone(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: SHORT_IDS[id] ?? id });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether ZoneId.of(id, SHORT_IDS) reads the id: a fixed offset, or a region of the tz database.
 * Java's region ids are exact (`Asia/shanghai` and `pst` are not ids) where Intl ignores case, so a
 * region must be spelled as tz spells it: each part starting with a capital, and not a case variant
 * of the name Intl resolves it to.
 */
export function isValidZoneId(id: string): boolean {
  if (fixedOffsetMillis(id) !== undefined) return true;
  const region = javaZoneId(id);
  if (!/^[A-Z][A-Za-z0-9~._+-]*(?:\/[A-Z][A-Za-z0-9~._+-]*)*$/.test(region)) return false;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: region }).resolvedOptions().timeZone;
    return resolved === region || resolved.toLowerCase() !== region.toLowerCase();
  } catch {
    return false;
  }
}
