/*
 * The plain data the report renderers take: a project's status report as of one period, and a
 * portfolio (or program) deck. The status-report service fills these from the database; the
 * renderers only lay them out, so they can be tested and benchmarked without a database.
 *
 * Colours and dimensions use the engine's words (green/amber/red/unknown; schedule, cost, scope,
 * risk, quality, resources). Money is in integer minor units with one currency per document;
 * dates are ISO dates (YYYY-MM-DD), times ISO instants in UTC.
 */

export type Rag = 'green' | 'amber' | 'red';
/** A colour, or `unknown` when there was nothing to rate on (or no report). */
export type RagRating = Rag | 'unknown';

export const RAG_DIMENSIONS = ['schedule', 'cost', 'scope', 'risk', 'quality', 'resources'] as const;
export type RagDimension = (typeof RAG_DIMENSIONS)[number];

/** A rating as the rules suggested it and as the project manager reported it. */
export interface RatedDimension {
  suggested: RagRating;
  reported: RagRating;
  /** Why the rules suggested this colour (e.g. "SPI 0.86 below 0.90"). */
  reasons: string[];
  /** The manager's justification when `reported` differs from `suggested`; null otherwise. */
  justification: string | null;
}

export interface ProjectHeader {
  code: string;
  name: string;
  manager: string;
  sponsor: string;
  office: string;
  program: string | null;
  portfolio: string | null;
  phase: string;
}

export interface ReportPeriod {
  /** e.g. `2026-W47` or `2026-11` */
  label: string;
  cadence: 'weekly' | 'biweekly' | 'monthly';
  start: string;
  end: string;
}

export interface Milestone {
  name: string;
  /** The baseline date. */
  due: string;
  /** The current forecast; null when none. */
  forecast: string | null;
  /** Calendar days the forecast lies after the baseline (≤ 0 when on time). */
  slipDays: number;
}

export interface KeyMetrics {
  spi: number | null;
  cpi: number | null;
  /** 0–100 */
  percentComplete: number | null;
  currency: string;
  /** Minor units. */
  budget: number | null;
  actual: number | null;
  eac: number | null;
  nextMilestones: Milestone[];
  slippedMilestones: Milestone[];
  /** Open risks by score band (score = probability × impact on 1–5 scales). */
  openRisks: { critical: number; high: number; medium: number; low: number };
  overdueIssues: number;
}

export interface RiskLine {
  ref: string;
  title: string;
  owner: string;
  probability: number;
  impact: number;
  /** probability × impact, 1–25 */
  score: number;
  response: string;
}

export interface IssueLine {
  ref: string;
  title: string;
  owner: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  due: string | null;
  overdue: boolean;
  escalated: boolean;
}

export interface DecisionNeeded {
  ref: string;
  title: string;
  /** Who is asked to decide (a person or a board). */
  decider: string;
  neededBy: string | null;
}

/** One period of the RAG history, oldest first in a list. */
export interface RagHistoryPoint {
  period: string;
  overall: RagRating;
  dimensions: Record<RagDimension, RagRating>;
  spi: number | null;
  cpi: number | null;
}

export interface ProjectStatusReport {
  project: ProjectHeader;
  period: ReportPeriod;
  /** The date the report is as of. */
  reportDate: string;
  submittedBy: string | null;
  overall: RatedDimension;
  dimensions: Record<RagDimension, RatedDimension>;
  narrative: { done: string; next: string; issues: string; helpNeeded: string };
  metrics: KeyMetrics;
  topRisks: RiskLine[];
  topIssues: IssueLine[];
  decisionsNeeded: DecisionNeeded[];
  /** The last (up to) 12 periods, oldest first, ending with this one. */
  history: RagHistoryPoint[];
}

/** How the overall colour moved against the previous period. */
export type Trend = 'improving' | 'steady' | 'worsening' | 'new';

export type ReportState = 'on-time' | 'late' | 'missing';

export interface DeckProject {
  code: string;
  name: string;
  manager: string;
  program: string | null;
  phase: string;
  overall: RagRating;
  previousOverall: RagRating;
  trend: Trend;
  dimensions: Record<RagDimension, RagRating>;
  spi: number | null;
  cpi: number | null;
  percentComplete: number | null;
  /** Minor units of the deck's currency. */
  budget: number | null;
  eac: number | null;
  lastReportDate: string | null;
  reportState: ReportState;
  needsAttention: boolean;
}

export interface Mover {
  code: string;
  name: string;
  from: RagRating;
  to: RagRating;
  /** Why, in a few words (the worst dimension's reason or the manager's justification). */
  why: string;
}

export interface RedDimension {
  code: string;
  name: string;
  dimension: RagDimension;
  why: string;
}

export interface Escalation {
  ref: string;
  title: string;
  code: string;
  kind: 'issue' | 'risk';
  fromOffice: string;
  toOffice: string;
  since: string;
  owner: string;
}

export interface DecisionWaiting extends DecisionNeeded {
  code: string;
  /** When the decision was asked for. */
  raised: string;
}

export interface LateReport {
  code: string;
  name: string;
  manager: string;
  due: string;
  state: Exclude<ReportState, 'on-time'>;
  daysLate: number;
}

export interface PortfolioDeck {
  portfolio: { code: string; name: string; kind: 'portfolio' | 'program'; office: string };
  period: ReportPeriod;
  reportDate: string;
  currency: string;
  /** How project colours roll up, said on the summary slide. */
  rollup: 'worst' | 'weighted by budget' | 'weighted by priority';
  projects: DeckProject[];
  counts: Record<RagRating, number>;
  worstMovers: Mover[];
  redDimensions: RedDimension[];
  escalations: Escalation[];
  decisionsWaiting: DecisionWaiting[];
  lateReports: LateReport[];
  /** The full status report of each project needing attention, in the order to present them. */
  attention: ProjectStatusReport[];
}

/** Rendering options shared by the renderers. */
export interface RenderOptions {
  /** The generation time printed in footers; now when left out. */
  generatedAt?: Date;
}
