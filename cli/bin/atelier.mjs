#!/usr/bin/env node
// Launcher for the `atelier` command: runs the TypeScript CLI through tsx so `npx atelier` works right after `npm install`.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
