import { decidedStatuses, type ProposalStatus, proposalSteps } from '@pharos/api';
import type { BusinessCaseData } from '../db/schema/index';
import type { Ctx } from '../http/context';
import { covers } from '../policy/reach';
import { daysBetween } from './common';
import { measuresOf } from './measures';
import { proposalAnchors, requesterEditable, waitingStatuses } from './proposal-spec';
import { frameworksById, scoreResult, scoresOf } from './scores';
import { demandSettings } from './settings';

/** A proposal as the registry's service presents it: its row, labels and abilities, dates as text. */
export type Presented = Record<string, unknown> & {
  id: string;
  status: ProposalStatus;
  frameworkId: string | null;
  businessCase: BusinessCaseData;
  submittedAt: string | null;
  decidedAt: string | null;
  archivedAt: string | null;
  abilities: { update: boolean; archive: boolean };
};

/**
 * Adds what a proposal shows besides its fields: the business case measures at the organization's
 * discount rate, its score (when fully scored) and how many scored it, how long the decision took
 * or how long it has been waiting, and the statuses the caller may move it to. A requester who may
 * not screen it may change it only while it is a draft, submitted or deferred.
 */
export async function viewProposals<T extends Presented>(ctx: Ctx, items: T[]) {
  const settings = await demandSettings(ctx);
  const frameworks = await frameworksById(
    ctx.db,
    items.flatMap((p) => (p.frameworkId ? [p.frameworkId] : [])),
  );
  const scores = await scoresOf(ctx.db, items);
  const reach = {
    submit: await ctx.access.reach('proposal', 'submit'),
    screen: await ctx.access.reach('proposal', 'screen'),
    decide: await ctx.access.reach('proposal', 'decide'),
  };
  const now = new Date();
  return items.map((p) => {
    const anchors = proposalAnchors(p);
    const rows = scores.get(p.id) ?? [];
    const fw = p.frameworkId ? frameworks.get(p.frameworkId) : undefined;
    const result = fw ? scoreResult(fw.ev, p.id, rows) : null;
    const mayScreen = covers(reach.screen, anchors);
    p.abilities.update &&=
      !p.archivedAt && p.status !== 'converted' && (mayScreen || requesterEditable.includes(p.status));
    return Object.assign(p, {
      measures: measuresOf(p.businessCase, settings),
      score: result?.scored ? result.total : null,
      scorers: new Set(rows.map((r) => r.scorerId)).size,
      daysToDecision:
        decidedStatuses.includes(p.status) && p.submittedAt && p.decidedAt
          ? daysBetween(p.submittedAt, p.decidedAt)
          : null,
      daysWaiting:
        waitingStatuses.includes(p.status) && p.submittedAt ? daysBetween(p.submittedAt, now) : null,
      allowed: p.archivedAt
        ? []
        : proposalSteps
            .filter((s) => s.from === p.status && covers(reach[s.action], anchors))
            .map((s) => s.to as ProposalStatus),
    });
  });
}
