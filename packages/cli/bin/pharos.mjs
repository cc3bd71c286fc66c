#!/usr/bin/env node
// The `pharos` command. Pharos runs from its TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

// `pharos export | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
