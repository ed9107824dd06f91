/**
 * ClickBench's `hits` table: its 105 columns, in order, with the types of ClickBench's
 * create.sql (DuckDB's names: SMALLINT, INTEGER, BIGINT, TEXT, TIMESTAMP, DATE, CHAR).
 * In Spark they read as smallint, int, bigint, string, timestamp, date and string.
 */

export type HitsColumnType = 'SMALLINT' | 'INTEGER' | 'BIGINT' | 'TEXT' | 'TIMESTAMP' | 'DATE' | 'CHAR';

export const HITS_COLUMNS: readonly (readonly [string, HitsColumnType])[] = [
  ['WatchID', 'BIGINT'], ['JavaEnable', 'SMALLINT'], ['Title', 'TEXT'], ['GoodEvent', 'SMALLINT'],
  ['EventTime', 'TIMESTAMP'], ['EventDate', 'DATE'], ['CounterID', 'INTEGER'], ['ClientIP', 'INTEGER'],
  ['RegionID', 'INTEGER'], ['UserID', 'BIGINT'], ['CounterClass', 'SMALLINT'], ['OS', 'SMALLINT'],
  ['UserAgent', 'SMALLINT'], ['URL', 'TEXT'], ['Referer', 'TEXT'], ['IsRefresh', 'SMALLINT'],
  ['RefererCategoryID', 'SMALLINT'], ['RefererRegionID', 'INTEGER'], ['URLCategoryID', 'SMALLINT'],
  ['URLRegionID', 'INTEGER'], ['ResolutionWidth', 'SMALLINT'], ['ResolutionHeight', 'SMALLINT'],
  ['ResolutionDepth', 'SMALLINT'], ['FlashMajor', 'SMALLINT'], ['FlashMinor', 'SMALLINT'], ['FlashMinor2', 'TEXT'],
  ['NetMajor', 'SMALLINT'], ['NetMinor', 'SMALLINT'], ['UserAgentMajor', 'SMALLINT'], ['UserAgentMinor', 'TEXT'],
  ['CookieEnable', 'SMALLINT'], ['JavascriptEnable', 'SMALLINT'], ['IsMobile', 'SMALLINT'], ['MobilePhone', 'SMALLINT'],
  ['MobilePhoneModel', 'TEXT'], ['Params', 'TEXT'], ['IPNetworkID', 'INTEGER'], ['TraficSourceID', 'SMALLINT'],
  ['SearchEngineID', 'SMALLINT'], ['SearchPhrase', 'TEXT'], ['AdvEngineID', 'SMALLINT'], ['IsArtifical', 'SMALLINT'],
  ['WindowClientWidth', 'SMALLINT'], ['WindowClientHeight', 'SMALLINT'], ['ClientTimeZone', 'SMALLINT'],
  ['ClientEventTime', 'TIMESTAMP'], ['SilverlightVersion1', 'SMALLINT'], ['SilverlightVersion2', 'SMALLINT'],
  ['SilverlightVersion3', 'INTEGER'], ['SilverlightVersion4', 'SMALLINT'], ['PageCharset', 'TEXT'],
  ['CodeVersion', 'INTEGER'], ['IsLink', 'SMALLINT'], ['IsDownload', 'SMALLINT'], ['IsNotBounce', 'SMALLINT'],
  ['FUniqID', 'BIGINT'], ['OriginalURL', 'TEXT'], ['HID', 'INTEGER'], ['IsOldCounter', 'SMALLINT'],
  ['IsEvent', 'SMALLINT'], ['IsParameter', 'SMALLINT'], ['DontCountHits', 'SMALLINT'], ['WithHash', 'SMALLINT'],
  ['HitColor', 'CHAR'], ['LocalEventTime', 'TIMESTAMP'], ['Age', 'SMALLINT'], ['Sex', 'SMALLINT'],
  ['Income', 'SMALLINT'], ['Interests', 'SMALLINT'], ['Robotness', 'SMALLINT'], ['RemoteIP', 'INTEGER'],
  ['WindowName', 'INTEGER'], ['OpenerName', 'INTEGER'], ['HistoryLength', 'SMALLINT'], ['BrowserLanguage', 'TEXT'],
  ['BrowserCountry', 'TEXT'], ['SocialNetwork', 'TEXT'], ['SocialAction', 'TEXT'], ['HTTPError', 'SMALLINT'],
  ['SendTiming', 'INTEGER'], ['DNSTiming', 'INTEGER'], ['ConnectTiming', 'INTEGER'],
  ['ResponseStartTiming', 'INTEGER'], ['ResponseEndTiming', 'INTEGER'], ['FetchTiming', 'INTEGER'],
  ['SocialSourceNetworkID', 'SMALLINT'], ['SocialSourcePage', 'TEXT'], ['ParamPrice', 'BIGINT'],
  ['ParamOrderID', 'TEXT'], ['ParamCurrency', 'TEXT'], ['ParamCurrencyID', 'SMALLINT'],
  ['OpenstatServiceName', 'TEXT'], ['OpenstatCampaignID', 'TEXT'], ['OpenstatAdID', 'TEXT'],
  ['OpenstatSourceID', 'TEXT'], ['UTMSource', 'TEXT'], ['UTMMedium', 'TEXT'], ['UTMCampaign', 'TEXT'],
  ['UTMContent', 'TEXT'], ['UTMTerm', 'TEXT'], ['FromTag', 'TEXT'], ['HasGCLID', 'SMALLINT'],
  ['RefererHash', 'BIGINT'], ['URLHash', 'BIGINT'], ['CLID', 'INTEGER'],
];
