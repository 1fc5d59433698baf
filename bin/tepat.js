#!/usr/bin/env node
// Entry of `npx tepat …`: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// Let stdout/stderr drain, then exit even if a native handle (DuckDB) lingers.
process.exitCode = code;
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
