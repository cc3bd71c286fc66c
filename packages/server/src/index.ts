export { type Config, loadConfig, testConfig } from './config';
export { type Database, type Db, openDatabase } from './db/connect';
export { DataDirInUseError } from './db/lock';
export { migrateDatabase } from './db/migrate';
export { demoSize, type GeneratedOrg, generateOrganization, type OrgSize } from './demo/organization';
export { DEMO_PASSWORD, isEmpty, seedDemo } from './demo/seed';
export { buildApp } from './http/app';
export { type Running, startServer, stopOnSignals } from './server';
export { systemCtx } from './system';
