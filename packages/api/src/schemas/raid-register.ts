import { z } from 'zod';
import { Id, listQuery } from '../common';
import {
  allRaidStatuses,
  RaidItem,
  raidKinds,
  raidRegisterFields,
  raidSeverities,
  registerFields,
} from './raid';

/*
 * RAID registers (C8): the items of a project, program, portfolio or office — with includeBelow
 * also those of what lies below — filtered, sorted and paged, and the 5 × 5 heat map of their risks.
 */

const flag = (what: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe(what);

export const raidSortFields = [
  'code',
  'title',
  'kind',
  'status',
  'score',
  'residualScore',
  'severity',
  'dueOn',
  'escalationLevel',
  'updatedAt',
] as const;

const scopeQuery = {
  ...registerFields,
  includeBelow: flag(
    "true: also the items of what lies below (a portfolio's sub-portfolios, programs and projects; an office's sub-offices and their work)",
  ),
  ownerId: Id.optional(),
  status: z.enum(allRaidStatuses).optional(),
  state: z.enum(['open', 'closed']).optional().describe('open: still needing something done; closed: done'),
  q: z.string().trim().max(200).optional().describe('Search in code and title'),
  archived: z.enum(['active', 'archived', 'all']).default('active'),
};

function oneScopeAtMost(
  v: Partial<Record<(typeof raidRegisterFields)[number], string>>,
  ctx: z.RefinementCtx,
) {
  const given = raidRegisterFields.filter((k) => v[k]);
  if (given.length > 1)
    ctx.addIssue({ code: 'custom', path: [given[1]!], message: 'Ask for one register at a time' });
}

export const RaidListQuery = listQuery(raidSortFields)
  .extend({
    ...scopeQuery,
    kind: z.enum(raidKinds).optional(),
    minScore: z.coerce.number().int().min(1).max(25).optional(),
    severity: z.enum(raidSeverities).optional(),
    overdue: flag('true: only open items past their due date'),
    escalated: flag('true: only items escalated above their own office'),
    probability: z.coerce.number().int().min(1).max(5).optional().describe('Risks rated this probability'),
    impact: z.coerce.number().int().min(1).max(5).optional().describe('Risks rated this impact'),
    residual: flag('true: probability and impact filter on the residual ratings (a heat map cell)'),
  })
  .superRefine(oneScopeAtMost);
export const RaidPage = z
  .object({
    items: z.array(RaidItem),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
    counts: z.record(z.enum(raidKinds), z.int()).describe('Matches per kind, whatever the kind filter'),
  })
  .meta({ id: 'RaidPage' });

export const RaidHeatMapQuery = z
  .object({
    ...scopeQuery,
    state: scopeQuery.state.default('open'),
    residual: flag('true: place risks by their residual ratings'),
  })
  .superRefine(oneScopeAtMost);
export const RaidHeatMap = z
  .object({
    residual: z.boolean(),
    cells: z
      .array(
        z.object({
          probability: z.int(),
          impact: z.int(),
          score: z.int(),
          count: z.int(),
          ids: z.array(Id),
        }),
      )
      .describe('25 cells, top row first: probability 5 down to 1, impact 1 to 5 within a row'),
    total: z.int(),
    risks: z.array(
      z.object({
        id: Id,
        code: z.string(),
        title: z.string(),
        probability: z.int(),
        impact: z.int(),
        score: z.int(),
        status: z.string(),
        projectId: Id.nullable(),
      }),
    ),
  })
  .meta({ id: 'RaidHeatMap' });

export type RaidPage = z.output<typeof RaidPage>;
export type RaidHeatMap = z.output<typeof RaidHeatMap>;
