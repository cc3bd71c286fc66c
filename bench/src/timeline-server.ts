// The server the portfolio-timeline benchmark drives, in its own process: the demo organization on
// an in-memory PGlite, plus a generated scenario of 300 candidates × 36 months × 10 roles (the
// size the drag target is set for) in the demo's first portfolio, with its greedy plan. Serves the
// built web app; prints one JSON line { url, scenarioId } once it listens.
import { greedy } from '@pharos/engine';
import { importScenario, setPlan, systemCtx } from '@pharos/server';
import { demoServer, serveApp } from './browser';
import { generateScenario } from './portfolio-generate';

const server = await demoServer('TIMELINE_PORT');
const { config, database, org } = server;
const scenario = generateScenario({ candidates: 300, seed: 1, dependencies: 30 });
const ctx = systemCtx(config, database);
const made = await importScenario(ctx, {
  portfolioId: org.portfolios[0]!.id,
  code: 'SC-BENCH-300',
  file: { format: 'pharos-scenario', version: 1, name: 'Three hundred candidates', scenario },
});
await setPlan(ctx, String(made.id), Number(made.version), greedy(scenario).starts);
await serveApp(server, { scenarioId: made.id });
