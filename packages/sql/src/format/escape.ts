/**
 * Spark's `SchemaUtils.escapeMetaCharacters`: control characters in column names and cell text
 * are shown escaped so they cannot break the table or tree layout.
 */
const META_CHARACTERS: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\f': '\\f',
  '\b': '\\b',
  '\u000B': '\\v',
  '\u0007': '\\a',
};

export function escapeMetaCharacters(text: string): string {
  return text.replace(/[\n\r\t\f\b\u000B\u0007]/g, (c) => META_CHARACTERS[c]);
}
