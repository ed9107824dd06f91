/**
 * Module resolution hooks for jobs run by `flint submit` (registered by job-preload.ts). A job
 * file anywhere on disk imports Flint's packages (`@flint/driver`, ...) from this installation, as
 * spark-submit puts Spark's own jars on an application's classpath; a copy the job's own project
 * installed is used first. Job modules outside any package.json that declares a "type" are ES
 * modules (tsx would otherwise compile a lone job.ts as CommonJS, where top-level await fails).
 */
import { readFileSync } from 'node:fs';
import type { ResolveHook } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Flint's packages resolve from: this file, inside @flint/driver. */
const FLINT_ANCHOR = import.meta.url;

const MODULE_EXTENSIONS = new Set(['.ts', '.js', '.tsx', '.jsx']);

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  let resolved;
  try {
    resolved = await nextResolve(specifier, context);
  } catch (error) {
    if (!specifier.startsWith('@flint/')) throw error;
    resolved = await nextResolve(specifier, { ...context, parentURL: FLINT_ANCHOR });
  }
  // tsx marks a module it will load as CommonJS with query parameters; the plain file URL loads as ESM.
  const file = resolved.url.split(/\?|%3F/)[0];
  if (isUntypedJobModule(file)) return { ...resolved, url: file, format: 'module' };
  return resolved;
};

function isUntypedJobModule(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  const path = fileURLToPath(url);
  return MODULE_EXTENSIONS.has(extname(path)) && !path.includes('/node_modules/') && declaredPackageType(dirname(path)) === undefined;
}

const packageTypes = new Map<string, string | undefined>();

/** The "type" of the nearest package.json above `dir` (undefined: there is none, or it does not say). */
function declaredPackageType(dir: string): string | undefined {
  if (packageTypes.has(dir)) return packageTypes.get(dir);
  let type: string | undefined;
  try {
    type = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: string }).type;
  } catch {
    const parent = dirname(dir);
    type = parent === dir ? undefined : declaredPackageType(parent);
  }
  packageTypes.set(dir, type);
  return type;
}
