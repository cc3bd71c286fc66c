import type { ProposalStatus } from '@pharos/api';
import type {
  proposalScores,
  proposals,
  proposalTransitions,
  scoringFrameworks,
  workRoles,
} from '../db/schema/index';
import { type CatalogEntry, catalog, mandatoryReasons, type Theme } from './demand-catalog';
import {
  addMonth,
  businessCase,
  chainOf,
  demandOf,
  demoContext,
  monthsBetween,
  objectivesOf,
  risksOf,
  trueScores,
} from './demand-parts';
import { demoFrameworks, demoWorkRoles } from './demand-reference';
import { prng } from './random';
import type { GeneratedOrg } from './types';

/**
 * The demo's demand: the work-role catalog with each business unit's capacity, the strategic
 * office's scoring framework (a retired first revision and the published AHP-weighted one), and
 * proposals spread over the pipeline with their moves dated over the last nine months, business
 * cases, role demand, risks and the scores of two or three scorers. Dates count back from `today`;
 * everything else comes from the seeded random stream.
 */
export interface GeneratedDemand {
  workRoles: (typeof workRoles.$inferInsert)[];
  frameworks: (typeof scoringFrameworks.$inferInsert & { id: string })[];
  proposals: (typeof proposals.$inferInsert & { id: string })[];
  transitions: (typeof proposalTransitions.$inferInsert)[];
  scores: (typeof proposalScores.$inferInsert)[];
}

export function generateDemand(org: GeneratedOrg, today = new Date(), seed = 11): GeneratedDemand {
  const c = demoContext(org, prng(seed), today);
  const { r, at, month, find, unit, user } = c;
  const { roles, roleIds } = demoWorkRoles(c);
  const { frameworks, criteria: criteria2, frameworkId: framework, epmo } = demoFrameworks(c);
  const objective = (code: string) => find(org.objectives, code).id;

  // ---- proposals ----
  const executives = org.users.filter((u) => /^(CIO|CFO|CEO|Chief)/.test(u.title));
  const requester = user('requester@pharos.demo');
  const analyst = user('analyst@pharos.demo');
  const director = user('director@pharos.demo');
  const scorerPool = [analyst, director, user('executive@pharos.demo')];
  const portfolioOf: Record<Theme, string> = {
    digital: 'PF-DIG',
    customer: 'PF-CUST',
    energy: 'PF-ENERGY',
    compliance: 'PF-REG',
  };
  const themeOfPortfolio = new Map(
    Object.entries(portfolioOf).map(([t, c]) => [find(org.portfolios, c).id, t]),
  );
  const converted: CatalogEntry[] = [];
  const fromProjects = org.projects.filter((p) => p.phase === 'initiation').slice(0, 3);
  for (const p of fromProjects)
    converted.push({
      title: p.name,
      problem: `${p.name}: the way it is done today no longer copes with the volume the business expects.`,
      outcome: 'Delivered as a project; the project carries the plan, the budget and the benefits.',
      theme: (themeOfPortfolio.get(p.portfolioId) ?? 'digital') as Theme,
      profile: 'saving',
      unit: org.orgUnits.find((u) => u.id === p.orgUnitId)?.code ?? 'NW',
      type: org.projectTypes.find((t) => t.id === p.typeId)!.code,
      stage: 'approved',
    });

  const out: GeneratedDemand['proposals'] = [];
  const transitions: GeneratedDemand['transitions'] = [];
  const scores: GeneratedDemand['scores'] = [];
  const entries = [
    ...catalog.map((c) => ({ c, project: null })),
    ...converted.map((c, i) => ({ c, project: fromProjects[i]! })),
  ];
  for (const { c, project } of entries) {
    const chain = chainOf(c.stage, !!project);
    const status: ProposalStatus = chain.at(-1) ?? 'draft';
    const decided = ['approved', 'rejected', 'deferred', 'converted'].includes(status);
    // When each move happened, in days before today (fractions keep them in order).
    const decisionAgo = project ? r.int(40, 120) : r.int(12, 240);
    const submitAgo = decided
      ? Math.min(270, decisionAgo + r.int(14, 110))
      : r.int(4 + chain.length * 12, 60 + chain.length * 25);
    const lastAgo = decided ? decisionAgo : r.int(1, Math.max(1, Math.floor(submitAgo / 3)));
    const steps = chain.filter((s) => s !== 'converted');
    const agos = steps.map((_, k) =>
      steps.length === 1 ? submitAgo : submitAgo - ((submitAgo - lastAgo) * k) / (steps.length - 1),
    );
    if (project) agos.push(decisionAgo - r.int(3, 12));
    const createdAgo = chain.length ? submitAgo + r.int(2, 20) : r.int(1, 25);
    const id = r.uuid();
    const theme = c.theme;
    const pf = find(org.portfolios, portfolioOf[theme]);
    const officeId = project
      ? project.officeId
      : theme === 'compliance' || r.next() < 0.5
        ? epmo
        : find(org.offices, theme === 'energy' ? 'PGO-INF' : 'PGO-DIG').id;
    const submitted = at(submitAgo);
    const decisionAt = decided ? at(decisionAgo) : null;
    const earliest = project
      ? project.plannedStart.slice(0, 7)
      : month(decided ? decisionAt! : today, r.int(1, 6));
    const duration = project
      ? monthsBetween(project.plannedStart, project.plannedFinish)
      : theme === 'energy'
        ? r.int(9, 30)
        : r.int(4, 18);
    const bc = businessCase(r, c.profile, Number(earliest.slice(0, 4)));
    const mandatory = c.profile === 'mandatory';
    const scoredStage = chain.includes('scored');
    out.push({
      id,
      code: '',
      title: c.title,
      problem: c.problem,
      outcome: c.outcome,
      orgUnitId: project?.orgUnitId ?? unit(c.unit),
      officeId,
      portfolioId: project ? project.portfolioId : status === 'draft' && r.next() < 0.5 ? null : pf.id,
      sponsorId: project?.sponsorId ?? (status === 'draft' && r.next() < 0.5 ? null : r.pick(executives).id),
      requesterId: requester,
      typeId: find(org.projectTypes, c.type).id,
      objectiveIds: objectivesOf(r, theme).map(objective),
      mandatory,
      mandatoryReason: mandatory ? (mandatoryReasons[theme] ?? '') : '',
      businessCase: bc,
      risks: risksOf(r, theme),
      demand: demandOf(r, theme, duration, roleIds),
      earliestStart: earliest,
      latestStart: addMonth(earliest, r.int(2, 8)),
      durationMonths: duration,
      frameworkId: chain.includes('screening') ? framework : null,
      status,
      statusReason: status === 'rejected' || status === 'deferred' ? (c.reason ?? '') : '',
      submittedAt: chain.length ? submitted : null,
      decidedAt: decisionAt,
      projectId: project?.id ?? null,
      version: 1 + chain.length,
      createdAt: at(createdAgo),
      updatedAt: chain.length ? at(Math.min(...agos)) : at(createdAgo),
    });
    transitions.push(
      ...chain.map((to, k) => ({
        proposalId: id,
        fromStatus: k === 0 ? 'draft' : chain[k - 1]!,
        toStatus: to,
        reason: to === 'rejected' || to === 'deferred' ? (c.reason ?? '') : '',
        actorId: to === 'submitted' ? requester : ['screening', 'scored'].includes(to) ? analyst : director,
        at: at(agos[k]!),
      })),
    );
    // Scored before the move to `scored`; a proposal in screening may have a first score or none.
    const screeningAgo = agos[chain.indexOf('screening')] ?? 0;
    const scoredAgo = agos[chain.indexOf('scored')] ?? 0;
    const scorers = scoredStage ? r.int(2, 3) : status === 'screening' && r.next() < 0.5 ? 1 : 0;
    const truth = trueScores(r, c, bc);
    for (const scorerId of scorerPool.slice(0, scorers)) {
      const values: Record<string, number> = {};
      for (const cr of criteria2) {
        if (!scoredStage && r.next() < 0.4) continue;
        const spread = r.next() < 0.08 ? (r.next() < 0.5 ? -3 : 3) : r.int(-1, 1);
        values[cr.id] = Math.min(cr.scale.max, Math.max(cr.scale.min, truth[cr.id]! + spread));
      }
      scores.push({
        proposalId: id,
        frameworkId: framework,
        scorerId,
        values,
        comment: '',
        updatedAt: at(
          scoredStage ? scoredAgo + (screeningAgo - scoredAgo) * r.next() : screeningAgo * r.next(),
        ),
      });
    }
  }
  // Codes in the order the proposals were raised.
  out.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  out.forEach((p, i) => {
    p.code = `PR-${String(i + 1).padStart(4, '0')}`;
  });
  return { workRoles: roles, frameworks, proposals: out, transitions, scores };
}
