import { nearestScaleValue } from '@pharos/engine';
import type { CriterionData } from '../db/schema/index';
import type { GeneratedDemand } from './demand';
import type { DemoContext } from './demand-parts';

const HOURS_PER_FTE = 140;

/** The work-role catalog, with each business unit's hours per month (140 h per full-time person). */
export function demoWorkRoles({ r, at, today, unit, month }: DemoContext) {
  const since = `${today.getUTCFullYear() - 1}-01`;
  const hiring = month(today, 6);
  const roleDefs: [string, string, [string, number, number?][]][] = [
    [
      'DEV',
      'Software developer',
      [
        ['NW-GIT', 12, 15],
        ['NW-FIN-RETAIL', 6],
        ['NW-FIN-INS', 4],
      ],
    ],
    [
      'BA',
      'Business analyst',
      [
        ['NW-GIT', 2],
        ['NW-FIN-RETAIL', 3],
        ['NW-FIN-INS', 2],
        ['NW-LOG-FREIGHT', 2],
      ],
    ],
    ['ARCH', 'Solution architect', [['NW-GIT', 4]]],
    [
      'TEST',
      'Test analyst',
      [
        ['NW-GIT', 6],
        ['NW-FIN-RETAIL', 2],
      ],
    ],
    ['DATA', 'Data engineer', [['NW-GIT', 5, 8]]],
    ['UX', 'UX designer', [['NW-GIT', 3]]],
    ['INFRA', 'Infrastructure engineer', [['NW-GIT', 8, 7]]],
    ['SEC', 'Security specialist', [['NW-GIT', 3, 4]]],
    [
      'PM',
      'Project manager',
      [
        ['NW-GIT', 4],
        ['NW-ENERGY', 6],
        ['NW-FIN', 5],
        ['NW-LOG', 3],
      ],
    ],
    [
      'ELEC',
      'Electrical engineer',
      [
        ['NW-ENERGY-GEN', 10],
        ['NW-ENERGY-GRID', 14, 18],
      ],
    ],
    [
      'CHANGE',
      'Change manager',
      [
        ['NW-GFIN', 2],
        ['NW-FIN', 2],
      ],
    ],
  ];
  const roleIds = new Map<string, string>();
  const roles = roleDefs.map(([code, name, units]) => {
    const id = r.uuid();
    roleIds.set(code, id);
    const capacity = units.flatMap(([u, fte, later]) => [
      { orgUnitId: unit(u), from: since, hoursPerMonth: fte * HOURS_PER_FTE },
      ...(later === undefined
        ? []
        : [{ orgUnitId: unit(u), from: hiring, hoursPerMonth: later * HOURS_PER_FTE }]),
    ]);
    return { id, code, name, description: '', capacity, createdAt: at(400), updatedAt: at(400) };
  });
  return { roles, roleIds };
}

/** The strategic office's scoring framework: revision 1 retired, revision 2 published (AHP). */
export function demoFrameworks({ r, at, find, org }: DemoContext) {
  const epmo = find(org.offices, 'EPMO').id;
  const objective = (code: string) => find(org.objectives, code).id;
  const first = r.uuid();
  const base = { familyId: first, code: 'SF-EPMO', name: 'Group investment scoring', officeId: epmo };
  const frameworks: GeneratedDemand['frameworks'] = [
    {
      ...base,
      id: first,
      revision: 1,
      status: 'retired',
      description: 'The first Group scoring model: strategy, money, customers and risk, weighted directly.',
      weighting: 'direct',
      criteria: [
        criterion('strategy', 'Strategic fit', 40, 0, 5, alignmentLevels),
        criterion('financial', 'Financial value', 30, 0, 5, financialLevels),
        criterion('customer', 'Customer impact', 15, 0, 5, impactLevels),
        criterion('risk', 'Delivery risk', 15, 1, 5, riskLevels, 'negative'),
      ],
      ahp: null,
      publishedAt: at(420),
      createdAt: at(430),
      updatedAt: at(285),
      version: 3,
    },
  ];
  // AHP judgements from the PMO board's view of the criteria, each on Saaty's scale.
  const criteria2 = [
    criterion(
      'growth',
      'Alignment: revenue growth',
      3,
      0,
      5,
      alignmentLevels,
      'benefit',
      objective('OBJ-GROW'),
    ),
    criterion(
      'cost',
      'Alignment: operating cost',
      3,
      0,
      5,
      alignmentLevels,
      'benefit',
      objective('OBJ-COST'),
    ),
    criterion(
      'netzero',
      'Alignment: net zero',
      2,
      0,
      5,
      alignmentLevels,
      'benefit',
      objective('OBJ-NETZERO'),
    ),
    criterion('financial', 'Financial value', 4, 0, 5, financialLevels),
    criterion('customer', 'Customer impact', 2, 0, 5, impactLevels),
    criterion(
      'regulatory',
      'Regulatory necessity',
      2,
      0,
      5,
      regulatoryLevels,
      'benefit',
      objective('OBJ-REG'),
    ),
    criterion('risk', 'Delivery risk', 2, 1, 5, riskLevels, 'negative'),
    criterion('complexity', 'Complexity', 1, 1, 5, complexityLevels, 'negative'),
  ];
  const comparisons: [number, number, number][] = [];
  for (let i = 0; i < criteria2.length; i++)
    for (let j = i + 1; j < criteria2.length; j++)
      comparisons.push([i, j, nearestScaleValue(criteria2[i]!.weight / criteria2[j]!.weight)]);
  const framework = r.uuid();
  frameworks.push({
    ...base,
    id: framework,
    revision: 2,
    status: 'published',
    description:
      'Revision 2 adds an alignment criterion per top strategic objective and complexity; weights from the PMO board’s pairwise comparisons.',
    weighting: 'ahp',
    criteria: criteria2,
    ahp: { comparisons },
    publishedAt: at(285),
    createdAt: at(300),
    updatedAt: at(285),
    version: 2,
  });
  return { frameworks, criteria: criteria2, frameworkId: framework, epmo };
}

const levels = (...xs: [number, string, string][]) =>
  xs.map(([value, label, description]) => ({ value, label, description }));
const alignmentLevels = levels(
  [0, 'None', 'Does not contribute to the objective'],
  [1, 'Indirect', 'Helps other work that contributes'],
  [3, 'Clear', 'A measurable contribution to the objective'],
  [5, 'Essential', 'The objective cannot be met without it'],
);
const financialLevels = levels(
  [0, 'Loss', 'Negative NPV at the Group rate'],
  [2, 'Break-even', 'NPV about zero; payback over five years'],
  [4, 'Strong', 'NPV above half the investment'],
  [5, 'Exceptional', 'NPV above the investment; payback under two years'],
);
const impactLevels = levels(
  [0, 'None', 'Customers will not notice'],
  [3, 'Noticeable', 'Better service for one customer segment'],
  [5, 'Transformative', 'Changes how most customers deal with us'],
);
const regulatoryLevels = levels(
  [0, 'None', 'No regulatory driver'],
  [3, 'Expected', 'A regulator or auditor expects it'],
  [5, 'Legal obligation', 'Required by law with a deadline'],
);
const riskLevels = levels(
  [1, 'Low', 'Proven technology, experienced team'],
  [3, 'Medium', 'Some new technology or many parties'],
  [5, 'High', 'New technology, new vendor and a fixed deadline'],
);
const complexityLevels = levels(
  [1, 'Simple', 'One team, one system'],
  [3, 'Moderate', 'Several teams or systems'],
  [5, 'Complex', 'Many business units, systems and vendors'],
);

function criterion(
  id: string,
  name: string,
  weight: number,
  min: number,
  max: number,
  scaleLevels: CriterionData['scale']['levels'],
  direction: CriterionData['direction'] = 'benefit',
  objectiveId: string | null = null,
): CriterionData {
  return {
    id,
    name,
    description: '',
    weight,
    scale: { min, max, levels: scaleLevels },
    direction,
    objectiveId,
  };
}
