/*
 * The narrative of a weekly report, as its project manager would write it: two things done, the
 * next step with the next milestone's forecast date, the open issues and top risks by name, and
 * the help needed for whatever is amber or red.
 */
import { RAG_DIMENSIONS, type RagDimension } from '@pharos/engine';
import type { NarrativeData, RagText } from '../db/schema/status';
import type { ProjectModel, WeekFacts } from './history-facts';
import type { HistoryContext } from './history-parts';
import { fill, isoOf, remember } from './history-parts';
import { donePhrases, HELP, nextPhrases, ON_HOLD, stageOf } from './history-phrases';
import { ISSUES } from './raid-phrases';
import { RISKS } from './raid-risks';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-12-04` → `4 Dec`. */
export const shortDate = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;

const QUIET = ['None this week.', 'Nothing needed this week.', 'None.'];
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export interface NarrativeInput {
  m: ProjectModel;
  f: WeekFacts;
  day: number;
  week: number;
  ratings: Record<RagDimension, RagText>;
  overall: RagText;
  final: boolean;
}

export function narrative(ctx: HistoryContext, x: NarrativeInput): NarrativeData {
  const { m, f, day, week } = x;
  const s = m.s;
  if (s.holdOn !== null && day >= s.holdOn)
    return { done: ON_HOLD.done, next: ON_HOLD.next, issues: '', helpNeeded: ON_HOLD.help };
  let next = 0;
  while (
    next < m.milestones.length &&
    m.milestones[next]!.achieved !== null &&
    m.milestones[next]!.achieved! <= day
  )
    next++;
  const ahead = next < m.milestones.length;
  let filled: Record<string, string | number> | undefined;
  const values = () =>
    (filled ??= {
      n: Math.max(1, Math.floor((day - s.start) / 14) + 1),
      pct: f.percentComplete,
      milestone: ahead ? m.milestones[next]!.name : 'closure',
      date: shortDate(isoOf(ahead ? f.forecasts[next]! : day + 14)),
    });
  const stage = stageOf(f.phase);
  const done = donePhrases(s.theme, stage);
  const salt = s.project.code.charCodeAt(s.project.code.length - 1);
  const a = (week + salt) % done.length;
  const b = (week * 3 + salt + 1) % done.length;
  const nextSteps = nextPhrases(s.theme, stage);
  let help = QUIET[week % QUIET.length]!;
  if (x.overall === 'amber' || x.overall === 'red') {
    const asks: string[] = [];
    for (const d of RAG_DIMENSIONS)
      if (x.ratings[d] === x.overall && asks.length < 2)
        asks.push(put(HELP[d][(salt + week) % HELP[d].length]!, values));
    if (asks.length > 0) help = asks.join(' ');
  }
  if (x.final)
    return {
      done: put(done[a]!, values),
      next: 'Project closed: this is the final report. Benefits tracking continues with the business owner.',
      issues: 'No open issues; remaining risks closed or handed to operations.',
      helpNeeded: 'None.',
    };
  return {
    done: a === b ? put(done[a]!, values) : `${put(done[a]!, values)} ${put(done[b]!, values)}`,
    next: put(nextSteps[(week + salt) % nextSteps.length]!, values),
    issues: issuesText(ctx, m, f),
    helpNeeded: help,
  };
}

const put = (text: string, values: () => Record<string, string | number>) =>
  text.includes('{') ? fill(text, values()) : text;

const issueTexts = new WeakMap<ProjectModel, Map<number, string>>();

/** The open issues (worst two) and the top risk by name; the same words while nothing changes. */
function issuesText(ctx: HistoryContext, m: ProjectModel, f: WeekFacts): string {
  const { s } = m;
  const day = f.day;
  let top = -1;
  for (const k of f.openRisks) if (top < 0 || m.raid.risks[k]!.score > m.raid.risks[top]!.score) top = k;
  let key = top + 1;
  for (let i = 0; i < f.openIssues.length; i++) {
    const k = f.openIssues[i]!;
    key += 2 ** (4 + 3 * k) * (1 + (m.raid.issues[k]!.due < day ? 2 : 0) + (f.escalated[i] ? 4 : 0));
  }
  const cache = remember(issueTexts, m, () => new Map<number, string>());
  const known = cache.get(key);
  if (known !== undefined) return known;
  const lines: string[] = [];
  const open = f.openIssues
    .map((k, i) => ({ e: m.raid.issues[k]!, up: f.escalated[i]! }))
    .sort((p, q) => SEVERITY_ORDER[p.e.severity] - SEVERITY_ORDER[q.e.severity] || p.e.due - q.e.due);
  for (const { e, up } of open.slice(0, 2)) {
    const title = ISSUES[s.theme][e.title % ISSUES[s.theme].length]!;
    const step = up ? e.trail.filter((t) => t.on <= f.asOf).at(-1) : undefined;
    const where = step
      ? `; escalated to ${ctx.officeById.get(step.toOfficeId)?.name ?? 'the program office'}`
      : '';
    const late =
      e.due < day ? `, overdue since ${shortDate(isoOf(e.due))}` : `, due ${shortDate(isoOf(e.due))}`;
    lines.push(`${title} (${e.severity}${late}${where}).`);
  }
  const risk = top >= 0 ? m.raid.risks[top]! : undefined;
  if (risk && risk.score >= 10) {
    const text = RISKS[s.theme][risk.title % RISKS[s.theme].length]![0];
    lines.push(`Top risk: ${text.charAt(0).toLowerCase()}${text.slice(1)} (score ${risk.score}).`);
  }
  const text = lines.length > 0 ? lines.join(' ') : 'No open issues.';
  cache.set(key, text);
  return text;
}
