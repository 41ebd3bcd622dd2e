#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the installed bin and `npm start` execute the same source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
