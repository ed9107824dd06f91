#!/usr/bin/env node
// The `flint` command as npm links it. This file is committed (dist/ is not) so that npm can link
// the bin on the very first install, before the `prepare` script has built dist/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/flint.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('flint: the packages are not built yet; run `npm run build` in the Flint checkout\n');
  process.exit(1);
}
await import(cli.href);
