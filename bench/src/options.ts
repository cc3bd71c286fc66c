import type { OrgSize } from '@pharos/server';

export const parts = [
  'list',
  'single',
  'pglite-heavy',
  'startup',
  'schedule',
  'plan-edit',
  'mspdi-import',
  'gantt',
  'portfolio',
  'timeline',
  'reporting',
  'health',
] as const;
export type Part = (typeof parts)[number];

export interface Options {
  parts: Set<Part>;
  quick: boolean;
  size: OrgSize;
  /** Seconds of measured load per figure, after `warmup` seconds of unmeasured load. */
  duration: number;
  warmup: number;
  /** Starts per startup figure (the median is reported). */
  startupRuns: number;
  /** Also run the diagnostic profile (queries per request, time per phase). */
  profile: boolean;
}

const usage = `Usage: npm run bench -w @pharos/bench -- [--only ${parts.join(',')}] [--quick] [--duration S] [--no-profile]
  --only       run only these parts (comma-separated); from the root script use --parts=… (npm
               swallows --only, one of its own settings)
  --quick      smoke run: 1,000 projects, 3 s per measurement, 2 starts per startup figure
  --duration   seconds of measured load per figure (default 10; quick 3)
  --no-profile skip the per-request profile (queries and time per phase)`;

/**
 * The root `npm run bench -- --quick` reaches this script through a nested `npm run` without `--`,
 * so npm takes the flags as its own settings and passes them on as npm_config_* variables only.
 */
function fromNpm(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  if (env.npm_config_quick === 'true') out.push('--quick');
  if (env.npm_config_profile === '' || env.npm_config_profile === 'false') out.push('--no-profile');
  if (env.npm_config_duration) out.push(`--duration=${env.npm_config_duration}`);
  if (env.npm_config_parts) out.push(`--only=${env.npm_config_parts}`);
  return out;
}

export function parseOptions(cli: string[], env = process.env): Options {
  let only: Part[] = [...parts];
  let quick = false;
  let duration: number | undefined;
  let profile = true;
  const argv = [...fromNpm(env), ...cli];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${usage}`);
      return v;
    };
    if (a === '--quick') quick = true;
    else if (a === '--no-profile') profile = false;
    else if (a.startsWith('--only') || a.startsWith('--parts')) {
      const names = value().split(',').filter(Boolean);
      const bad = names.filter((n) => !(parts as readonly string[]).includes(n));
      if (bad.length) throw new Error(`Unknown part(s): ${bad.join(', ')}\n${usage}`);
      only = names as Part[];
    } else if (a.startsWith('--duration')) {
      duration = Number(value());
      if (!(duration > 0 && duration <= 120)) throw new Error('--duration must be between 0 and 120 seconds');
    } else if (a === '--help' || a === '-h') {
      console.log(usage);
      process.exit(0);
    } else throw new Error(`Unknown argument ${a}\n${usage}`);
  }
  return {
    parts: new Set(only),
    quick,
    size: quick
      ? { projects: 1000, programs: 50, users: 200 }
      : { projects: 10_000, programs: 500, users: 2000 },
    duration: duration ?? (quick ? 3 : 10),
    warmup: quick ? 1 : 3,
    startupRuns: quick ? 2 : 3,
    profile,
  };
}
