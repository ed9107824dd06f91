export { treeString } from './tree-string.js';
export { escapeMetaCharacters } from './escape.js';
