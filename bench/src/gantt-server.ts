// The server the Gantt benchmark drives, in its own process: the demo organization on an
// in-memory PGlite, with the demo project manager's project holding a generated plan of
// GANTT_TASKS tasks (a chain every task follows, so an edit to the first cascades through all).
// Serves the built web app; prints one JSON line { url, projectId, tasks } once it listens.
import { generatePlan, replaceWithDocument, systemCtx } from '@pharos/server';
import { demoServer, serveApp } from './browser';

const tasks = Number(process.env.GANTT_TASKS ?? 10_000);
const server = await demoServer('GANTT_PORT');
const { config, database, org } = server;
// The demo project manager (pm@pharos.demo) manages the first project.
const project = org.projects[0]!;
await replaceWithDocument(systemCtx(config, database), project.id, generatePlan(tasks), 'generated');
await serveApp(server, { projectId: project.id, tasks });
