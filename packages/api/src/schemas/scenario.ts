import { z } from 'zod';

/**
 * A portfolio scenario as a file (docs/scenario-format.md): the candidates, the limits they must
 * fit in together, and what to maximize — what `pharos scenario solve` reads and a scenario is
 * exported as. Months count from the horizon's first month (0); money is in integer minor units;
 * effort in hours. Every reference (a dependency's candidates, a cost's budget line, a demand's
 * role) is checked, and a refusal names the field.
 */

const Month = z.int().min(0).max(599).describe('A month of the horizon, 0 = its first');
const Amount = z.int().min(0).describe('Money in integer minor units (cents)');
const Hours = z.number().finite().min(0).describe('Hours of effort');
const CandidateId = z.string().min(1).max(100);

export const objectiveKinds = ['score', 'npv', 'objectives'] as const;

export const ScenarioCandidate = z.object({
  id: CandidateId,
  name: z.string().min(1).max(300),
  kind: z.enum(['proposal', 'project']).default('proposal'),
  value: z.object({
    score: z.number().finite().min(0).max(100).default(0),
    npv: z.int().default(0).describe('Net present value in minor units (may be negative)'),
    objectives: z.record(z.string(), z.number().finite().min(0)).optional(),
  }),
  duration: z.int().min(1).max(600).describe('Months from its start to its finish'),
  earliestStart: Month,
  latestStart: Month,
  shiftable: z.boolean().default(true),
  plannedStart: Month,
  mustDo: z.boolean().optional(),
  fixed: z.enum(['in', 'out']).optional(),
  /** By month from its own start; months past its duration are costs after go-live (run costs). */
  cost: z
    .array(z.object({ line: z.string().min(1).max(50), month: Month, amount: Amount }))
    .max(10_000)
    .default([]),
  demand: z
    .array(z.object({ role: z.string().min(1).max(100), month: Month, hours: Hours }))
    .max(10_000)
    .default([]),
});

export const ScenarioBody = z
  .object({
    horizon: z.object({
      start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM'),
      months: z.int().min(1).max(600),
    }),
    budget: z
      .array(z.object({ line: z.string().min(1).max(50), year: z.int().min(0).max(49), limit: Amount }))
      .default([]),
    capacity: z.array(z.object({ role: z.string().min(1).max(100), month: Month, hours: Hours })).default([]),
    candidates: z.array(ScenarioCandidate).max(5000),
    dependencies: z
      .array(z.object({ from: CandidateId, to: CandidateId, kind: z.enum(['requires', 'after']) }))
      .default([]),
    exclusions: z.array(z.array(CandidateId).min(2)).default([]),
    objective: z.enum(objectiveKinds).default('score'),
    objectiveWeights: z.record(z.string(), z.number().finite().min(0)).optional(),
  })
  .superRefine((s, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const ids = new Map<string, number>();
    s.candidates.forEach((c, i) => {
      if (ids.has(c.id)) problem(['candidates', i, 'id'], `Candidate ${c.id} appears twice`);
      ids.set(c.id, i);
      if (c.latestStart < c.earliestStart)
        problem(['candidates', i, 'latestStart'], 'The latest start is before the earliest start');
      if (c.earliestStart >= s.horizon.months)
        problem(['candidates', i, 'earliestStart'], 'The earliest start is after the horizon');
      if (c.plannedStart < c.earliestStart || c.plannedStart > c.latestStart)
        problem(['candidates', i, 'plannedStart'], 'The planned start is outside earliest–latest start');
      if (c.mustDo && c.fixed === 'out')
        problem(['candidates', i, 'fixed'], 'A must-do candidate cannot be fixed out');
    });
    s.dependencies.forEach((d, i) => {
      for (const end of ['from', 'to'] as const)
        if (!ids.has(d[end])) problem(['dependencies', i, end], `No candidate ${d[end]}`);
      if (d.from === d.to) problem(['dependencies', i, 'to'], 'A candidate cannot depend on itself');
    });
    s.exclusions.forEach((group, i) => {
      group.forEach((id, j) => {
        if (!ids.has(id)) problem(['exclusions', i, j], `No candidate ${id}`);
      });
    });
    const seen = new Set<string>();
    s.budget.forEach((b, i) => {
      const key = `${b.line}/${b.year}`;
      if (seen.has(key)) problem(['budget', i], `Budget line ${b.line} is limited twice in year ${b.year}`);
      seen.add(key);
    });
    s.capacity.forEach((c, i) => {
      if (c.month >= s.horizon.months) problem(['capacity', i, 'month'], 'The month is after the horizon');
    });
    if (s.objective === 'objectives' && !s.objectiveWeights)
      problem(['objectiveWeights'], 'The objective "objectives" needs a weight per strategic objective');
  });

/** A scenario file: a format tag and version, a name, and the scenario. */
export const ScenarioFile = z
  .object({
    format: z.literal('pharos-scenario'),
    version: z.literal(1),
    name: z.string().min(1).max(200),
    description: z.string().max(5000).optional(),
    scenario: ScenarioBody,
  })
  .meta({ id: 'ScenarioFile' });

export type ScenarioFileT = z.infer<typeof ScenarioFile>;
export type ScenarioBodyT = z.infer<typeof ScenarioBody>;
