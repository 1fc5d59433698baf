#!/usr/bin/env node
// Entry of `npx tepat …`: runs the TypeScript CLI with no build step (bin/cli-bundle.js bundles it on
// the first run and whenever its sources change).
import { loadCli } from './cli-bundle.js';

const { cli } = await loadCli();
const code = await cli.main(process.argv.slice(2));
// Let stdout/stderr drain, then exit even if a native handle (DuckDB) lingers.
process.exitCode = code;
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
