/**
 * How each `hits` column is drawn, as DuckDB SQL over a row number `i`. Per-row draws hash `i`,
 * per-visitor draws hash the visitor `u`, so a visitor keeps one UserID, ClientIP, region, screen
 * and phone. The shares are chosen so every ClickBench query has rows to answer at 200k rows:
 *   - CounterID 62 on 60% of rows, EventTime spread evenly over July 2013 (unique seconds up
 *     to 2.6M rows), so q28 (`HAVING COUNT(*) > 100000`) and q37-q43 have groups;
 *   - URL `url` (0 is the top page, 12% of rows, whose URLHash is q42's 2868770270353813622; -1
 *     is ''), 20% of pages on google.com/www.google.ru, long query strings on every fifth page;
 *   - Referer `ref` (0 carries q41's RefererHash 3594120000172545465, -1 is ''), ~2/3 of rows
 *     from yandex.ru (q29's `HAVING COUNT(*) > 100000`);
 *   - SearchPhrase '' on 80% of rows, the others from ~600 phrases, some Cyrillic;
 *   - TraficSourceID -1 or 6 on 35%, IsRefresh/DontCountHits 10%, IsLink 15%, IsDownload 5%.
 * WatchID, UserID and FUniqID span the 63 bits as ClickBench's do (most past 2^53, JS bigints in
 * Flint); visitor 1000 (~25 rows in 200k) is q20's UserID 435090932899640449. The hashes stay
 * below 2^53 but the two q41 and q42 name, and rows with ref 0 never have url 0 or a google URL.
 */

/**
 * A hash of (key, salt) to 0..2^32-1: a 32-bit integer finaliser (xor-shift, multiply) whose
 * multipliers stay below 2^31, so every product fits a BIGINT.
 */
export const HITS_HASH_MACROS = [
  'CREATE TEMP MACRO cb_m1(h) AS (xor(h, h >> 16) * 2146121005) & 4294967295',
  'CREATE TEMP MACRO cb_m2(h) AS (xor(h, h >> 15) * 1779033703) & 4294967295',
  'CREATE TEMP MACRO cb_m3(h) AS xor(h, h >> 16)',
  'CREATE TEMP MACRO cb_rnd(k, salt) AS cb_m3(cb_m2(cb_m1((k * 2654435761 + salt * 40503 + 12345) & 4294967295)))',
];

const rnd = (key: string, salt: number) => `cb_rnd(${key}, ${salt})`;
/** 0..n-1, skewed towards 0 (the larger `power`, the more). */
const skewed = (key: string, salt: number, n: number, power: number) =>
  `floor(pow(${rnd(key, salt)} / 4294967296.0, ${power}) * ${n})::BIGINT`;
const percent = (key: string, salt: number) => `${rnd(key, salt)} % 100`;
/** The element of `values` at `index` (non-negative) modulo their count. */
function pick(values: readonly (string | number)[], index: string): string {
  const list = values.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ');
  return `[${list}][1 + (${index}) % ${values.length}]`;
}
const flag = (key: string, salt: number, share: number) => `CASE WHEN ${percent(key, salt)} < ${share} THEN 1 ELSE 0 END`;

const SECONDS_IN_JULY = 31 * 86_400;
const JULY_FIRST_2013 = 1_372_636_800;

const DOMAINS = ['yandex.ru', 'news.mail.ru', 'www.google.ru', 'google.com', 'vk.com', 'auto.ru', 'livejournal.com', 'avito.ru', 'kinopoisk.ru', 'www.rambler.ru'];
const SECTIONS = ['news', 'catalog', 'search', 'video', 'item', 'forum', 'user', 'cars', 'films'];
const TITLE_HEADS = ['Яндекс', 'Новости', 'Погода в Москве', 'Авто.ру', 'ВКонтакте', 'Кинопоиск', 'Google', 'Mail.Ru', 'LiveJournal', 'Avito', 'Карты', 'Маркет'];
const TITLE_TAILS = ['главная', 'поиск', 'каталог', 'отзывы', 'фото', 'видео', 'форум', 'объявления', 'расписание', 'купить'];
const PHRASE_HEADS = ['купить', 'смотреть', 'скачать', 'погода', 'карта', 'новости', 'рецепт', 'google', 'игры', 'фильмы', 'auto', 'как'];
const PHRASE_TAILS = ['онлайн', 'бесплатно', 'москва', 'ford focus', 'iphone', 'торрент', 'отзывы', 'цена', 'в хорошем качестве', 'на завтра', 'mail', 'vk', 'авито', 'сериал', 'карты', 'танки', 'одноклассники', 'работа', 'квартиру', 'ноутбук', 'шины', 'билеты', 'путин', 'музыка', 'лада'];
const PHONE_MODELS = ['iPad', 'iPhone', 'GT-I9300', 'GT-I9100', 'HTC Desire', 'Nokia N8', 'Lumia 920', 'GT-S5830'];

/** Draws shared by several columns, from the row number `i`. */
export function hitsDraws(rows: number): Record<string, string> {
  const step = Math.max(1, Math.floor(SECONDS_IN_JULY / rows));
  return {
    u: skewed('i', 1, 20_000, 3),
    // 2% of hits repeat the previous hit's WatchID.
    watch: `CASE WHEN i > 0 AND ${percent('i', 9)} < 2 THEN i - 1 ELSE i END`,
    url: `CASE WHEN ${percent('i', 2)} < 2 THEN -1 WHEN ${percent('i', 2)} < 14 THEN 0 ELSE 1 + ${skewed('i', 3, 20_000, 2)} END`,
    ref_draw: `CASE WHEN ${percent('i', 4)} < 10 THEN -1 WHEN ${percent('i', 4)} < 22 THEN 0 ELSE 1 + ${skewed('i', 5, 5_000, 3)} END`,
    phrase: `CASE WHEN ${percent('i', 6)} < 80 THEN -1 ELSE ${skewed('i', 7, 600, 2)} END`,
    secs: `(i * ${SECONDS_IN_JULY}) // ${rows} + ${rnd('i', 8)} % ${step}`,
  };
}

/** Keys drawn from the draws; generate.ts then gives `ref` 0 (RefererHash past 2^53) to no row with `url` 0 or a google URL. */
export const HITS_KEYS = {
  google: 'url >= 1 AND url % 10 IN (2, 3)',
  mobile: `CASE WHEN ${percent('u', 112)} < 12 THEN 1 + ${rnd('u', 113)} % 10 ELSE 0 END`,
};

const urlText = `CASE WHEN url = -1 THEN '' ELSE 'http' || CASE WHEN url % 3 = 0 THEN 's' ELSE '' END || '://' || ` +
  `${pick(DOMAINS, 'url')} || '/' || ${pick(SECTIONS, 'url // 10')} || '/' || url || '.html' || ` +
  `CASE WHEN url % 5 = 0 THEN '?p=' || repeat(md5(url::VARCHAR), 1 + url % 12) ELSE '' END END`;
const refererText = `CASE WHEN ref = -1 THEN '' ELSE 'http://' || CASE WHEN ref % 4 = 0 THEN 'www.' ELSE '' END || ` +
  `CASE WHEN ref % 10 < 7 THEN 'yandex.ru/yandsearch?text=' || ${pick(PHRASE_TAILS, 'ref')} || '&lr=' || ref ` +
  `ELSE ${pick(['google.ru', 'mail.ru', 'rambler.ru'], 'ref')} || '/search?q=' || ref END END`;
const title = `CASE WHEN ${percent('i', 12)} < 8 THEN '' ELSE ${pick(TITLE_HEADS, 'url + 1')} || ' — ' || ` +
  `${pick(TITLE_TAILS, '(url + 1) // 12')} || CASE WHEN (url + 1) % 13 = 0 THEN ' - Google' ELSE '' END END`;
const searchPhrase = `CASE WHEN phrase = -1 THEN '' ELSE ${pick(PHRASE_HEADS, 'phrase')} || ' ' || ` +
  `${pick(PHRASE_TAILS, 'phrase // 12')} || CASE WHEN phrase % 7 = 0 THEN ' ' || (phrase * 37 % 2014) ELSE '' END END`;
const timestamp = (offset: string) => `to_timestamp(${JULY_FIRST_2013} + secs${offset})`;

/** Each column's value, over the draws. */
export const HITS_VALUES: Record<string, string> = {
  WatchID: `${rnd('watch', 10)} * 2147483648 + watch % 2147483648`,
  JavaEnable: `${rnd('u', 100)} % 2`,
  Title: title,
  GoodEvent: '1',
  EventTime: timestamp(''),
  EventDate: `DATE '2013-07-01' + (secs // 86400)::INTEGER`,
  CounterID: `CASE WHEN ${percent('i', 13)} < 60 THEN 62 ELSE 63 + ${skewed('i', 14, 3_000, 2)} END`,
  ClientIP: `${rnd('u', 101)} % 2000000000 - 1000000000`,
  RegionID: `1 + ${skewed('u', 102, 2_000, 2)}`,
  UserID: `CASE WHEN u = 1000 THEN 435090932899640449 ELSE ${rnd('u', 103)} * 1000000000 + u END`,
  CounterClass: `${rnd('i', 15)} % 3`,
  OS: `${rnd('u', 104)} % 60`,
  UserAgent: `${rnd('u', 105)} % 100`,
  URL: urlText,
  Referer: refererText,
  IsRefresh: flag('i', 16, 10),
  RefererCategoryID: `${rnd('i', 17)} % 20`,
  RefererRegionID: `${rnd('i', 18)} % 3000`,
  URLCategoryID: '(url + 1) % 20',
  URLRegionID: `${rnd('i', 19)} % 3000`,
  ResolutionWidth: pick([1024, 1280, 1366, 1440, 1600, 1680, 1920, 2560, 800, 0], rnd('u', 106)),
  ResolutionHeight: pick([768, 800, 768, 900, 1050, 1050, 1080, 1440, 600, 0], rnd('u', 106)),
  ResolutionDepth: pick([24, 32, 16], rnd('u', 107)),
  FlashMajor: `${rnd('u', 108)} % 12`,
  FlashMinor: `${rnd('u', 109)} % 10`,
  FlashMinor2: pick(['', '0', '159', '3'], rnd('u', 109)),
  NetMajor: `${rnd('u', 110)} % 5`,
  NetMinor: `${rnd('u', 110)} % 10`,
  UserAgentMajor: `${rnd('u', 111)} % 40`,
  UserAgentMinor: pick(['', '0', '1', '5', 'D1', 'a', '8'], rnd('u', 111)),
  CookieEnable: '1',
  JavascriptEnable: '1',
  IsMobile: 'CASE WHEN mobile > 0 THEN 1 ELSE 0 END',
  MobilePhone: 'mobile',
  MobilePhoneModel: `CASE WHEN mobile = 0 THEN '' ELSE ${pick(PHONE_MODELS, rnd('u', 114))} END`,
  Params: "''",
  IPNetworkID: `${rnd('u', 115)} % 100000`,
  TraficSourceID: pick([-1, -1, -1, 6, 6, 6, 6, 0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 7, 8, 9], rnd('i', 20)),
  SearchEngineID: `CASE WHEN phrase >= 0 THEN ${pick([2, 2, 2, 3, 3, 1, 4, 5], rnd('i', 21))} ` +
    `WHEN ${percent('i', 21)} < 10 THEN ${pick([2, 3], rnd('i', 22))} ELSE 0 END`,
  SearchPhrase: searchPhrase,
  AdvEngineID: `CASE WHEN ${percent('i', 23)} < 4 THEN 1 + ${rnd('i', 24)} % 30 ELSE 0 END`,
  IsArtifical: '0',
  WindowClientWidth: `${rnd('i', 25)} % 3000`,
  WindowClientHeight: `${rnd('i', 26)} % 2000`,
  ClientTimeZone: `${rnd('u', 116)} % 25 - 12`,
  ClientEventTime: timestamp(` + ${rnd('i', 27)} % 7200 - 3600`),
  SilverlightVersion1: `${rnd('u', 117)} % 6`,
  SilverlightVersion2: `${rnd('u', 117)} % 3`,
  SilverlightVersion3: `${rnd('u', 117)} % 60000`,
  SilverlightVersion4: `${rnd('u', 117)} % 2`,
  PageCharset: pick(['utf-8', 'windows-1251', '', 'koi8-r'], 'url + 1'),
  CodeVersion: `${rnd('i', 28)} % 1000`,
  IsLink: flag('i', 29, 15),
  IsDownload: flag('i', 30, 5),
  IsNotBounce: `${rnd('i', 31)} % 2`,
  FUniqID: `${rnd('u', 118)} * 1000000000 + u`,
  OriginalURL: "''",
  HID: `${rnd('i', 32)} % 2000000000`,
  IsOldCounter: '0',
  IsEvent: '0',
  IsParameter: '0',
  DontCountHits: flag('i', 33, 10),
  WithHash: '0',
  HitColor: pick(['D', 'E', 'F'], rnd('i', 34)),
  LocalEventTime: timestamp(' + 14400'),
  Age: pick([0, 0, 18, 25, 35, 45, 55], rnd('u', 119)),
  Sex: `${rnd('u', 120)} % 3`,
  Income: `${rnd('u', 121)} % 5`,
  Interests: `${rnd('u', 122)} % 2000`,
  Robotness: '0',
  RemoteIP: `${rnd('i', 35)} % 2000000000 - 1000000000`,
  WindowName: `${rnd('i', 36)} % 1000 - 1`,
  OpenerName: `${rnd('i', 37)} % 1000 - 1`,
  HistoryLength: `${rnd('i', 38)} % 20`,
  BrowserLanguage: pick(['ru', 'en', 'uk', 'de', 'tr', ''], rnd('u', 123)),
  BrowserCountry: pick(['ru', 'ua', 'by', 'kz', 'tr', 'de', 'us', ''], rnd('u', 124)),
  SocialNetwork: "''",
  SocialAction: "''",
  HTTPError: '0',
  SendTiming: `${rnd('i', 39)} % 1000`,
  DNSTiming: `${rnd('i', 40)} % 200`,
  ConnectTiming: `${rnd('i', 41)} % 300`,
  ResponseStartTiming: `${rnd('i', 42)} % 2000`,
  ResponseEndTiming: `${rnd('i', 43)} % 3000`,
  FetchTiming: `${rnd('i', 44)} % 3000`,
  SocialSourceNetworkID: '0',
  SocialSourcePage: "''",
  ParamPrice: '0',
  ParamOrderID: "''",
  ParamCurrency: pick(['', '', '', 'RUB', 'USD'], rnd('i', 45)),
  ParamCurrencyID: '0',
  OpenstatServiceName: "''",
  OpenstatCampaignID: "''",
  OpenstatAdID: "''",
  OpenstatSourceID: "''",
  UTMSource: "''",
  UTMMedium: "''",
  UTMCampaign: "''",
  UTMContent: "''",
  UTMTerm: "''",
  FromTag: "''",
  HasGCLID: '0',
  RefererHash: `CASE WHEN ref = 0 THEN 3594120000172545465 ELSE ${rnd('ref + 1', 201)} * 1000000 + ref + 1 END`,
  URLHash: `CASE WHEN url = 0 THEN 2868770270353813622 ELSE ${rnd('url + 1', 202)} * 1000000 + url + 1 END`,
  CLID: '0',
};
