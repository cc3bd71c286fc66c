export { type Config, loadConfig, testConfig } from './config';
export { type Database, type Db, openDatabase } from './db/connect';
export { DataDirInUseError } from './db/lock';
export { migrateDatabase } from './db/migrate';
export { demoSize, type GeneratedOrg, generateOrganization, type OrgSize } from './demo/organization';
export { prng } from './demo/random';
export { DEMO_PASSWORD, isEmpty, seedDemo, seedOrganization } from './demo/seed';
export { buildApp } from './http/app';
export { type Running, startServer, stopOnSignals } from './server';
export { systemCtx } from './system';

// For the command line (packages/cli): the services it calls and the tables its export reads.

export { type AuditAction, recordAudit } from './audit/audit';
export { hashPassword } from './auth/passwords';
export { deleteOtherSessions } from './auth/repo';
export { createToken, listTokens, revokeToken } from './auth/service';
export type { Tx } from './db/connect';
export * as schema from './db/schema/index';
export { AppError } from './errors';
export type { Ctx } from './http/context';
export { grantsOf } from './people/repo';
export { createUser, getUser, grant, revoke, setPassword, userService } from './people/service';
export { describePlan, importScenario, setPlan } from './portfolio/scenarios';
export { type SolveJob, type SolveSettings, startSolve } from './portfolio/solver';
export { scenarioWorkbook } from './portfolio/workbook';
export {
  createService,
  listServices,
  setServiceWithdrawn,
  updateService,
} from './registry/office-services';
export { registry } from './registry/routes';
export type { EntityService, ListParams } from './registry/service';
export type { EntityType } from './registry/spec';
export {
  demoDeck,
  demoReport,
  healthTableXlsx,
  portfolioDeckPptx,
  statusReportPdf,
} from './reporting/index';
export { scheduleDocument } from './schedule/document';
export { generatePlan } from './schedule/generate';
export { exportMspdi, importMspdi } from './schedule/interchange';
export { rescheduleMspdi, rescheduleMspdiPieces } from './schedule/mspdi/reschedule';
export { getPlan, replaceWithDocument, updateTask } from './schedule/service';
export { healthDashboard } from './status/dashboard';
export { healthDeck, healthReportsPdf, healthTable, scopeByCode } from './status/exports';
export { healthRollup } from './status/rollup';
export { refreshProjectHealth } from './status/rollup-store';
