/*
 * Status-report exports as pure renderers: plain data in (model.ts), a file out. The status-report
 * service fills the data; `demoDeck` makes realistic sample data for tests and the benchmark.
 */

export { planDeck } from './deck-plan';
export { healthTableXlsx } from './health-table';
export type * from './model';
export { RAG_DIMENSIONS } from './model';
export { portfolioDeckPptx } from './portfolio-deck';
export { demoDeck, demoReport } from './sample';
export { statusReportPdf, statusReportsPdf } from './status-pdf';
