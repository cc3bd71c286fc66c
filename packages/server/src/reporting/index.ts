/*
 * Status-report exports as pure renderers: plain data in (model.ts), a file out. The status-report
 * service fills the data; `demoDeck` makes realistic sample data for tests and the benchmark.
 */

export { planDeck } from './deck-plan.js';
export { healthTableXlsx } from './health-table.js';
export type * from './model.js';
export { RAG_DIMENSIONS } from './model.js';
export { portfolioDeckPptx } from './portfolio-deck.js';
export { demoDeck, demoReport } from './sample.js';
export { statusReportPdf } from './status-pdf.js';
