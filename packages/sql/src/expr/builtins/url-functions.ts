/**
 * URL functions: url_encode / url_decode / try_url_decode (Java's URLEncoder and URLDecoder in
 * UTF-8, the application/x-www-form-urlencoded form) and parse_url / try_parse_url (a URL split as
 * java.net.URI splits it, RFC 2396). The try_ forms give null where the plain ones fail; so do the
 * plain ones with spark.sql.ansi.enabled=false.
 */
import { Types } from '../types-used.js';
import { all, scalar } from './define.js';

const S = Types.string;

/** URLEncoder.encode(s, UTF-8): letters, digits and `.-*_` as they are, a space as `+`, the rest as %XX of its UTF-8 bytes. */
const URL_ENCODE = `function sqlUrlEncode(s) {
  let out = '';
  for (const ch of s) {
    if (/[A-Za-z0-9.*_-]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else for (const b of Buffer.from(ch, 'utf8')) out += '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  }
  return out;
}`;

/** URLDecoder.decode(s, UTF-8): `+` is a space, runs of %XX are UTF-8 bytes; a bad escape is Spark's CANNOT_DECODE_URL (null when `lenient`). */
const URL_DECODE = `function sqlUrlDecode(s, lenient) {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const ch = s[i];
    if (ch === '+') { out += ' '; i++; continue; }
    if (ch !== '%') { out += ch; i++; continue; }
    const bytes = [];
    while (i < s.length && s[i] === '%') {
      const hex = s.substring(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        if (lenient) return null;
        throw new Error('[CANNOT_DECODE_URL] The provided URL cannot be decoded: ' + s + '. Please ensure that the URL is properly formatted and try again. SQLSTATE: 22546');
      }
      bytes.push(parseInt(hex, 16));
      i += 3;
    }
    out += Buffer.from(bytes).toString('utf8');
  }
  return out;
}`;

/** parse_url's key argument prepared: the RegExp of its query parameter (Spark's `(&|^)key=([^&]*)`), made once when a literal. */
const queryKey = (key: string) => `new RegExp('(&|^)' + ${key} + '=([^&]*)')`;

/**
 * A URL's parts as java.net.URI parses it: scheme, raw authority (user info, host, port), raw
 * path, query and fragment; `undefined` when java.net.URI would reject the text (a character
 * outside RFC 2396, a bad escape, a bad scheme). An opaque URI (`mailto:x`) has no path or query;
 * a host Java cannot read as a server name is null.
 */
const PARSE_URL = `function sqlParseUrl(url, part, key, lenient) {
  const parts = sqlParseUrl.split(url);
  if (parts === undefined) {
    if (lenient) return null;
    throw new Error('[INVALID_URL] The url is invalid: ' + url + '. Use \`try_parse_url\` to tolerate invalid URL and return NULL instead. SQLSTATE: 22P02');
  }
  if (key !== undefined) {
    if (part !== 'QUERY' || parts.query === null) return null;
    const m = key.exec(parts.query);
    return m === null ? null : m[2];
  }
  switch (part) {
    case 'HOST': return parts.host;
    case 'PATH': return parts.path;
    case 'QUERY': return parts.query;
    case 'REF': return parts.fragment;
    case 'PROTOCOL': return parts.scheme;
    case 'FILE': return parts.path === null ? null : parts.query === null ? parts.path : parts.path + '?' + parts.query;
    case 'AUTHORITY': return parts.authority;
    case 'USERINFO': return parts.userInfo;
    default: return null;
  }
}
sqlParseUrl.split = function (url) {
  const legal = /^(?:[A-Za-z0-9\\-_.!~*'();/?:@&=+$,[\\]#]|%[0-9A-Fa-f]{2}|[^\\x00-\\x7f\\s])*$/u;
  if (!legal.test(url)) return undefined;
  const hash = url.indexOf('#');
  const fragment = hash < 0 ? null : url.substring(hash + 1);
  if (fragment !== null && fragment.includes('#')) return undefined;
  const rest = hash < 0 ? url : url.substring(0, hash);
  const schemeEnd = rest.search(/[:/?]/);
  let scheme = null, specific = rest;
  if (schemeEnd >= 0 && rest[schemeEnd] === ':') {
    scheme = rest.substring(0, schemeEnd);
    if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return undefined;
    specific = rest.substring(schemeEnd + 1);
    if (specific === '') return undefined;
  }
  const none = { scheme, authority: null, userInfo: null, host: null, path: null, query: null, fragment };
  if (scheme !== null && !specific.startsWith('/')) return none;
  const m = /^(?:\\/\\/([^/?]*))?([^?]*)(?:\\?(.*))?$/s.exec(specific);
  const authority = m[1] === undefined || m[1] === '' ? null : m[1];
  const server = authority === null ? null : /^(?:([^@]*)@)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]*)(?::(\\d*))?$/.exec(authority);
  const hostName = server?.[2] ?? '';
  const validHost = hostName.startsWith('[') || /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.?$/.test(hostName);
  return {
    ...none,
    authority,
    userInfo: server ? server[1] ?? null : null,
    host: server && validHost ? hostName : null,
    path: m[2],
    query: m[3] ?? null,
  };
};`;

scalar('url_encode', { args: 1, returns: S, coerce: all(S), gen: ([s]) => `sqlUrlEncode(${s})`, helpers: { sqlUrlEncode: URL_ENCODE } });
scalar('url_decode', {
  args: 1,
  returns: S,
  coerce: all(S),
  ansiAware: true,
  nullableResult: true,
  gen: ([s], _t, _tz, _state, mode) => `sqlUrlDecode(${s}, ${mode === 'legacy'})`,
  helpers: { sqlUrlDecode: URL_DECODE },
});
scalar('try_url_decode', { args: 1, returns: S, coerce: all(S), nullableResult: true, gen: ([s]) => `sqlUrlDecode(${s}, true)`, helpers: { sqlUrlDecode: URL_DECODE } });
scalar('parse_url', {
  args: [2, 3],
  returns: S,
  coerce: all(S),
  ansiAware: true,
  nullableResult: true,
  prepared: { 2: queryKey },
  gen: ([url, part, key], _t, _tz, _state, mode) => `sqlParseUrl(${url}, ${part}, ${key ?? 'undefined'}, ${mode === 'legacy'})`,
  helpers: { sqlParseUrl: PARSE_URL },
});
scalar('try_parse_url', {
  args: [2, 3],
  returns: S,
  coerce: all(S),
  nullableResult: true,
  prepared: { 2: queryKey },
  gen: ([url, part, key]) => `sqlParseUrl(${url}, ${part}, ${key ?? 'undefined'}, true)`,
  helpers: { sqlParseUrl: PARSE_URL },
});
