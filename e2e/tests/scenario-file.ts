/**
 * A scenario file of the size the timeline's drag target is set for: 300 candidates over 36 months,
 * 10 roles, capex and opex limits per year, a few dependencies and exclusions. Deterministic (a
 * small LCG), so every run drags over the same plan.
 */
export function bigScenarioFile(candidates = 300, months = 36, roleCount = 10) {
  let seed = 20270101;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const roles = Array.from(
    { length: roleCount },
    (_, k) =>
      [
        'Developer',
        'Analyst',
        'Architect',
        'Tester',
        'Designer',
        'Data engineer',
        'Project manager',
        'Security',
        'Ops',
        'Trainer',
      ][k] ?? `Role ${k + 1}`,
  );
  const words = [
    'Digital',
    'Customer',
    'Core',
    'Cloud',
    'Data',
    'Mobile',
    'Finance',
    'Supply',
    'HR',
    'Risk',
    'Portal',
    'Billing',
  ];
  const things = [
    'platform',
    'migration',
    'upgrade',
    'analytics',
    'automation',
    'self-service',
    'integration',
    'renewal',
    'consolidation',
  ];
  const list = Array.from({ length: candidates }, (_, i) => {
    const duration = int(4, 14);
    const earliestStart = int(0, 20);
    const latestStart = Math.min(months - 1, earliestStart + int(3, 12));
    const plannedStart = int(earliestStart, latestStart);
    const own = [int(0, roleCount - 1), int(0, roleCount - 1), int(0, roleCount - 1)];
    const monthly = int(20, 120) * 1000_00;
    return {
      id: `C${String(i + 1).padStart(3, '0')}`,
      name: `${words[i % words.length]} ${things[(i * 7) % things.length]} ${Math.floor(i / 12) + 1}`,
      kind: i % 10 === 0 ? ('project' as const) : ('proposal' as const),
      value: { score: int(10, 100), npv: int(-200, 2000) * 1000_00 },
      duration,
      earliestStart,
      latestStart,
      shiftable: i % 10 !== 0,
      plannedStart,
      ...(i % 37 === 5 ? { mustDo: true } : {}),
      cost: [
        ...Array.from({ length: duration }, (_, m) => ({ line: 'capex', month: m, amount: monthly })),
        ...Array.from({ length: 6 }, (_, m) => ({
          line: 'opex',
          month: duration + m,
          amount: Math.round(monthly / 5),
        })),
      ],
      demand: Array.from({ length: duration }, (_, m) =>
        [...new Set(own)].map((r) => ({ role: roles[r]!, month: m, hours: int(20, 140) })),
      ).flat(),
    };
  });
  const years = Math.ceil(months / 12);
  return {
    format: 'pharos-scenario' as const,
    version: 1 as const,
    name: 'Three hundred candidates',
    description: 'The timeline drag benchmark: 300 candidates × 36 months × 10 roles.',
    scenario: {
      horizon: { start: '2027-01', months },
      budget: Array.from({ length: years }, (_, year) => [
        { line: 'capex', year, limit: 40_000_000_00 },
        { line: 'opex', year, limit: 3_000_000_00 },
      ]).flat(),
      capacity: roles.flatMap((role) =>
        Array.from({ length: months }, (_, month) => ({ role, month, hours: 1600 })),
      ),
      candidates: list,
      dependencies: [
        { from: 'C002', to: 'C014', kind: 'requires' as const },
        { from: 'C003', to: 'C027', kind: 'after' as const },
      ],
      exclusions: [['C004', 'C008']],
      objective: 'score' as const,
    },
  };
}
