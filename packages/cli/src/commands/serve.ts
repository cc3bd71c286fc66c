import { DEMO_PASSWORD, generateOrganization, startServer, stopOnSignals } from '@pharos/server';
import type { Command } from 'commander';
import { configFrom } from '../context';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Start the Pharos server (web app and API)')
    .option('-p, --port <port>', 'port to listen on (default 3000, or PORT)')
    .option('--host <host>', 'address to listen on (default localhost, or HOST)')
    .option(
      '--demo',
      'seed the demo organization into an empty database (the default for the embedded database)',
    )
    .action(async (opts: { port?: string; host?: string; demo?: boolean }, cmd: Command) => {
      const started = Date.now();
      const config = configFrom(cmd, {
        ...(opts.port ? { port: Number(opts.port) } : {}),
        ...(opts.host ? { host: opts.host } : {}),
        ...(opts.demo ? { demo: true } : {}),
      });
      const running = await startServer(config);
      stopOnSignals(running);
      const where =
        running.database.kind === 'pglite'
          ? `embedded database in ${running.database.location}`
          : `PostgreSQL at ${running.database.location}`;
      console.log(
        `\nPharos is running at ${running.url}  (${where}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      console.log(`API reference: ${running.url}/api/docs`);
      if (
        config.env !== 'production' &&
        (running.seeded || (config.demo ?? running.database.kind === 'pglite'))
      ) {
        const accounts = generateOrganization().showcase;
        console.log(`\nDemo organization — every account's password is "${DEMO_PASSWORD}":`);
        for (const a of accounts)
          console.log(`  ${a.email.padEnd(28)} ${a.role.replaceAll('_', ' ')} — ${a.scope}`);
      }
      console.log('\nStop with Ctrl+C.');
      await new Promise(() => {}); // serve until a signal stops the process
    });
}
