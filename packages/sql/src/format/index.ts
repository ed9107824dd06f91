export { treeString } from './tree-string.js';
export { showString } from './show-string.js';
export { cellText, type CellTextOptions } from './cell-text.js';
export { doubleToJavaString, floatToJavaString } from './java-number.js';
export { formatDate, formatTimestamp, defaultTimeZone, timeZoneOffsetMillis } from './datetime-text.js';
export { decimalToString } from './decimal-text.js';
export { stringHalfWidth } from './display-width.js';
export { escapeMetaCharacters } from './escape.js';
