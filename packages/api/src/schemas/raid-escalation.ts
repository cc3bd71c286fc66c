import { z } from 'zod';
import { Id, IsoDate, Labels, Timestamp, Version } from '../common';
import { RaidItem, raidKinds, raidSeverities } from './raid';
import { officeKinds } from './registry';

/*
 * Escalation of risks and issues along the office hierarchy (C8): every step kept as the item's
 * trail, the office queue, and the tolerances that decide when an item rises.
 */

export const raidEscalationReasons = ['tolerance', 'deadline', 'manual', 'de-escalated'] as const;
export const raidEscalationReasonLabels: Record<(typeof raidEscalationReasons)[number], string> = {
  tolerance: 'Above tolerance',
  deadline: 'Resolution deadline passed',
  manual: 'Escalated by hand',
  'de-escalated': 'Handed back',
};

export const RaidEscalation = z
  .object({
    id: Id,
    itemId: Id,
    level: z.int().describe('The level the item is at after this step (0: its own office)'),
    fromOfficeId: Id.nullable(),
    toOfficeId: Id,
    reason: z.enum(raidEscalationReasons),
    detail: z.string().describe('Why, in words: the breaches, or the reason given'),
    actorId: Id.nullable().describe('Who did it; null when Pharos did it on a rule'),
    at: Timestamp,
    acknowledgedAt: Timestamp.nullable(),
    acknowledgedBy: Id.nullable(),
    canAcknowledge: z.boolean().describe('Whether you may acknowledge it (the receiving office’s people)'),
    labels: Labels,
  })
  .meta({ id: 'RaidEscalation' });

export const RaidTolerance = z.object({
  maxScore: z.int().min(1).max(25).nullable().describe('Highest risk score the office handles itself'),
  maxSeverity: z.enum(raidSeverities).nullable().describe('Highest issue severity it handles itself'),
  resolutionDays: z
    .int()
    .min(0)
    .max(365)
    .nullable()
    .describe('Days it has to resolve an issue that rose to it'),
});

export const RaidEscalationTrail = z
  .object({
    items: z.array(RaidEscalation).describe('Every step, oldest first'),
    chain: z
      .array(
        z.object({
          officeId: Id,
          name: z.string(),
          kind: z.enum(officeKinds),
          tolerance: RaidTolerance,
        }),
      )
      .describe("The item's offices, its own first, then up the hierarchy"),
    current: z.object({
      level: z.int(),
      officeId: Id,
      deadline: IsoDate.nullable().describe('The resolution deadline where it sits (it rises the day after)'),
      breaches: z.array(z.string()).describe('What it is above, at the top of the chain'),
      state: z.enum(['closed', 'within-tolerance', 'top-of-chain', 'escalate']),
    }),
  })
  .meta({ id: 'RaidEscalationTrail' });

export const RaidEscalateBody = z.object({
  version: Version,
  reason: z.string().trim().min(1).max(2000).describe('Why it goes up'),
});
export const RaidDeescalateBody = z.object({
  version: Version,
  reason: z.string().trim().min(1).max(2000).describe('Why it goes back down'),
  dueOn: IsoDate.optional().describe('A new resolution deadline, when the old one has passed'),
});
export const RaidEscalationParams = z.object({ id: Id, escalationId: Id });

export const RaidQueueQuery = z.object({
  kind: z.enum(raidKinds).optional(),
  acknowledged: z
    .enum(['true', 'false'])
    .optional()
    .describe('false: only those nobody at the office has acknowledged yet'),
});
export const RaidQueue = z
  .object({
    officeId: Id,
    items: z.array(
      z.object({
        item: RaidItem,
        trail: z.array(RaidEscalation),
        arrival: RaidEscalation.describe('The step that brought it to this office'),
      }),
    ),
  })
  .meta({ id: 'RaidQueue' });

export const RaidEscalationSummary = z
  .object({
    offices: z.array(
      z.object({
        officeId: Id,
        name: z.string(),
        kind: z.enum(officeKinds),
        open: z.int().describe('Open risks and issues escalated to it that you may see'),
        waiting: z.int().describe('Of those, the ones it has not acknowledged yet'),
      }),
    ),
  })
  .meta({ id: 'RaidEscalationSummary' });

export const RaidTolerances = z
  .object({
    byOfficeKind: z
      .object(
        Object.fromEntries(officeKinds.map((k) => [k, RaidTolerance])) as Record<
          (typeof officeKinds)[number],
          typeof RaidTolerance
        >,
      )
      .describe('By kind of office'),
    offices: z
      .array(RaidTolerance.extend({ officeId: Id }))
      .max(1000)
      .describe('Offices with tolerances of their own'),
    version: z.int(),
  })
  .meta({ id: 'RaidTolerances' });
export const RaidTolerancesPut = RaidTolerances.omit({ version: true }).extend({ version: Version });

export type RaidEscalation = z.output<typeof RaidEscalation>;
export type RaidEscalationTrail = z.output<typeof RaidEscalationTrail>;
export type RaidQueue = z.output<typeof RaidQueue>;
export type RaidEscalationSummary = z.output<typeof RaidEscalationSummary>;
export type RaidTolerances = z.output<typeof RaidTolerances>;
export type RaidToleranceValue = z.output<typeof RaidTolerance>;
