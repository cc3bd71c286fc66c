/*
 * What governance gives the health dashboard (C9 → C7), read-only and without permission checks
 * (the caller filters by the reader's reach and roles): the gate reviews still open, the change
 * requests waiting at an approval step with the roles that may take it, and the open stop
 * recommendations.
 */
import type { Role } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

export interface OpenGateReview {
  id: string;
  projectId: string;
  /** The gate's name from its lifecycle revision (its key when the lifecycle does not name it). */
  gate: string;
  fromPhase: string;
  toPhase: string;
  since: string;
  scheduledOn: string | null;
  votes: number;
}

export interface WaitingChange {
  id: string;
  code: string;
  projectId: string;
  title: string;
  kinds: string[];
  since: string;
  /** The step waiting: its label and the roles of which one holder over the project decides. */
  step: { label: string; roles: Role[] };
  stepNumber: number;
  steps: number;
  budgetDelta: number | null;
  finishDeltaDays: number | null;
}

export interface OpenStopRecommendation {
  id: string;
  projectId: string;
  reason: string;
  since: string;
}

type Row = Record<string, unknown>;

export async function openGateReviews(tx: Tx): Promise<OpenGateReview[]> {
  const rows = (
    await tx.execute(sql`
      select g.id, g.project_id, g.from_phase, g.to_phase, g.created_at::date::text as since,
        g.scheduled_on::text as scheduled_on, jsonb_array_length(g.votes) as votes,
        coalesce((
          select ph->'gate'->>'name' from jsonb_array_elements(l.phases) ph
          where ph->'gate'->>'key' = g.gate_key limit 1
        ), g.gate_key) as gate
      from gate_reviews g join lifecycles l on l.id = g.lifecycle_id
      where g.state = 'open' and g.archived_at is null
      order by g.scheduled_on asc nulls last, g.created_at`)
  ).rows as Row[];
  return rows.map((r) => ({
    id: r.id as string,
    projectId: r.project_id as string,
    gate: r.gate as string,
    fromPhase: r.from_phase as string,
    toPhase: r.to_phase as string,
    since: r.since as string,
    scheduledOn: (r.scheduled_on as string | null) ?? null,
    votes: Number(r.votes),
  }));
}

export async function waitingChanges(tx: Tx): Promise<WaitingChange[]> {
  const rows = (
    await tx.execute(sql`
      select c.id, c.code, c.project_id, c.title, c.kinds, c.steps, c.current_step, c.impact,
        coalesce(c.submitted_at, c.updated_at)::date::text as since
      from change_requests c
      where c.state = 'submitted' and c.archived_at is null
      order by coalesce(c.submitted_at, c.updated_at), c.code`)
  ).rows as Row[];
  return rows.flatMap((r) => {
    const steps = (r.steps as { label?: string; roles?: Role[] }[]) ?? [];
    const at = Number(r.current_step);
    const step = steps[at];
    if (!step) return [];
    const impact = (r.impact ?? {}) as { budgetDelta?: number | null; finishDeltaDays?: number | null };
    return [
      {
        id: r.id as string,
        code: r.code as string,
        projectId: r.project_id as string,
        title: r.title as string,
        kinds: (r.kinds as string[]) ?? [],
        since: r.since as string,
        step: { label: step.label ?? `Step ${at + 1}`, roles: step.roles ?? [] },
        stepNumber: at + 1,
        steps: steps.length,
        budgetDelta: impact.budgetDelta ?? null,
        finishDeltaDays: impact.finishDeltaDays ?? null,
      },
    ];
  });
}

export async function openStopRecommendations(tx: Tx): Promise<OpenStopRecommendation[]> {
  const rows = (
    await tx.execute(sql`
      select s.id, s.project_id, s.reason, s.created_at::date::text as since
      from stop_recommendations s
      where s.state = 'open' and s.archived_at is null
      order by s.created_at`)
  ).rows as Row[];
  return rows.map((r) => ({
    id: r.id as string,
    projectId: r.project_id as string,
    reason: r.reason as string,
    since: r.since as string,
  }));
}
