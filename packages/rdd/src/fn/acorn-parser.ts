/**
 * acorn, loaded on first use: only a driver parses functions, while task threads import this
 * package too and start faster without a 230 KB parser they never call.
 */
import { createRequire } from 'node:module';
import type * as Acorn from 'acorn';

let acorn: typeof Acorn | undefined;

export function parseExpressionAt(...args: Parameters<typeof Acorn.parseExpressionAt>): ReturnType<typeof Acorn.parseExpressionAt> {
  acorn ??= createRequire(import.meta.url)('acorn') as typeof Acorn;
  return acorn.parseExpressionAt(...args);
}
