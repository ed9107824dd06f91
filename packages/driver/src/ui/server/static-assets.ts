/**
 * The UI's pages, scripts and styles: plain files under packages/driver/ui/, read from disk and
 * served by name (no CDN: the UI works with no internet access). Only listed names are served.
 */
import { readFileSync } from 'node:fs';

/** packages/driver/ui, from both src/ui/server (tsx) and dist/ui/server (built). */
const ASSET_DIR = new URL('../../../ui/', import.meta.url);

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

export const ASSET_NAMES = ['index.html', 'app.js', 'api.js', 'format.js', 'pages.js', 'stage-page.js', 'sql-plan.js', 'dag.js', 'timeline.js', 'style.css', 'favicon.svg'] as const;

export interface Asset {
  readonly contentType: string;
  readonly body: Buffer;
}

const cache = new Map<string, Asset>();

export function asset(name: string): Asset | undefined {
  if (!(ASSET_NAMES as readonly string[]).includes(name)) return undefined;
  let found = cache.get(name);
  if (!found) {
    const extension = name.slice(name.lastIndexOf('.') + 1);
    found = { contentType: CONTENT_TYPES[extension], body: readFileSync(new URL(name, ASSET_DIR)) };
    cache.set(name, found);
  }
  return found;
}
