/*
 * Details as the API shows them. Items written through the API hold exactly their kind's schema;
 * rows written otherwise (an import, the demo generator) are read leniently: what is missing is
 * filled from the columns and the kind's defaults, so a register always reads.
 */
import { RaidDetails, type RaidKind } from '@pharos/api';

type Loose = Record<string, unknown>;

const defaults = (kind: RaidKind, row: Loose): Loose => {
  switch (kind) {
    case 'risk':
      return {
        probability: row.probability ?? 1,
        impact: { cost: row.impact ?? 1 },
        strategy: 'mitigate',
        mitigation: [],
        trigger: '',
        residual: null,
      };
    case 'issue':
      return { severity: row.severity ?? 'medium', resolution: '' };
    case 'assumption':
      return { impactIfWrong: '' };
    case 'dependency':
      return {
        dependsOnProjectId: row.dependsOnProjectId ?? null,
        externalParty: row.dependsOnProjectId ? '' : 'Outside party',
        deliverable: '',
      };
    case 'decision':
      return { decision: '', rationale: '', alternatives: '', decidedBy: null, decidedOn: null };
  }
};

/** The details of a row, valid against its kind's schema. */
export function detailsOut(kind: RaidKind, details: Loose, row: Loose): Loose {
  const schema = RaidDetails[kind];
  const exact = schema.safeParse(details);
  if (exact.success) return exact.data as Loose;
  const base = defaults(kind, row);
  const merged: Loose = { ...base };
  // Field by field: keep each stored value its schema accepts.
  for (const [k, v] of Object.entries(details ?? {})) {
    const one = schema.safeParse({ ...merged, [k]: v });
    if (one.success) merged[k] = v;
  }
  const again = schema.safeParse(merged);
  return again.success ? (again.data as Loose) : (schema.parse(base) as Loose);
}
