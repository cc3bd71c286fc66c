/*
 * What the demo's history generators (status reports, RAID, governance) share: calendar days as
 * integers, a fast random stream per project, the project's theme, office chain and people.
 * Every generator derives a project's story from the same (seed, project) stream, so the three
 * agree with each other without talking to each other.
 */
import type { Role } from '@pharos/api';
import type { Theme } from './demand-catalog';
import { type Prng, prng } from './random';
import type { GeneratedOrg, Phase } from './types';

export type Project = GeneratedOrg['projects'][number];
export type { Theme };

export const DAY_MS = 86_400_000;
export const PHASES: readonly Phase[] = [
  'initiation',
  'planning',
  'execution',
  'monitoring',
  'closing',
  'closed',
];

/** Days from 1970-01-01 of a `YYYY-MM-DD` (or of a Date, by its UTC day). */
export const dayOf = (d: string | Date): number =>
  Math.floor((typeof d === 'string' ? Date.parse(d.slice(0, 10)) : d.getTime()) / DAY_MS);

/** Days 2000-01-01 … 2100-01-01, written once each when first asked for. */
const ISO_FROM = 10_957;
const isoCache: (string | undefined)[] = new Array(36_525);
/** `YYYY-MM-DD` of a day number (remembered: a few hundred distinct days serve half a million rows). */
export function isoOf(day: number): string {
  const i = day - ISO_FROM;
  let s = isoCache[i];
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (i >= 0 && i < isoCache.length && Number.isInteger(day)) isoCache[i] = s;
  }
  return s;
}

/** A moment on a day: `hour` (fractions allowed) UTC. */
export const at = (day: number, hour: number) => new Date(day * DAY_MS + Math.round(hour * 3_600_000));

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;

/** A seed of its own for each (generator, project): FNV-1a over the project id, mixed with the seed. */
export function seedFor(seed: number, salt: number, id: string): number {
  let h = (2_166_136_261 ^ seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16_777_619) >>> 0;
  return h;
}

/** A random stream, and unique ids from a generator of its own with 128 bits of state. */
export interface Stream extends Prng {
  /** A version-4-shaped UUID: never the same twice across the streams of a history. */
  id(): string;
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (v: number) => HEX[v >>> 24]! + HEX[(v >>> 16) & 255]! + HEX[(v >>> 8) & 255]! + HEX[v & 255]!;

/**
 * The stream of one (seed, salt, key): the same numbers on every machine. Its ids come from a
 * xoshiro128** generator seeded with four hashes of the key (mulberry32's 32 bits of state would
 * let two of ten thousand projects' streams run into each other and repeat an id).
 */
export function streamFor(seed: number, salt: number, key: string): Stream {
  const r = prng(seedFor(seed, salt, key));
  let a = seedFor(seed, salt + 0x1001, key) | 0;
  let b = seedFor(seed ^ 0x5bd1e995, salt + 0x2002, key) | 0;
  let c = seedFor(seed ^ 0x27d4eb2f, salt + 0x3003, key) | 0;
  let d = seedFor(seed ^ 0x165667b1, salt + 0x4004, key) | 0 || 1;
  const next32 = () => {
    const out = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return out;
  };
  const id = () => {
    const w = hex8(next32());
    const x = hex8(next32());
    const y = hex8(next32());
    const z = hex8(next32());
    const variant = ((Number.parseInt(y[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${w}-${x.slice(0, 4)}-4${x.slice(5)}-${variant}${y.slice(1, 4)}-${y.slice(4)}${z}`;
  };
  return { ...r, id };
}

export const uuidOf = (r: Stream) => r.id();

/** Roughly normal noise, mean 0 and standard deviation `sd` (three uniforms). */
export const noise = (r: Prng, sd: number) => (r.next() + r.next() + r.next() - 1.5) * 2 * sd;

/** The value kept under `key`, made and kept the first time. */
export function remember<K, V>(map: Map<K, V> | WeakMap<K & object, V>, key: K, make: () => V): V {
  const m = map as Map<K, V>;
  let v = m.get(key);
  if (v === undefined) {
    v = make();
    m.set(key, v);
  }
  return v;
}

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** The latest of some `YYYY-MM-DD` dates ('' for none). */
export function latest(dates: Iterable<string | null | undefined>): string {
  let out = '';
  for (const d of dates) if (d && d > out) out = d;
  return out;
}

export const round2 = (v: number) => Math.round(v * 100) / 100;

/** Replaces `{name}` in a phrase. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

const themeByPortfolio: Record<string, Theme> = {
  'PF-DIG': 'digital',
  'PF-CUST': 'customer',
  'PF-ENERGY': 'energy',
  'PF-REG': 'compliance',
};

/** Lookups over a generated organization that every history generator needs, built once. */
export function historyContext(org: GeneratedOrg) {
  const officeById = new Map(org.offices.map((o) => [o.id, o]));
  const typeCode = new Map(org.projectTypes.map((t) => [t.id, t.code]));
  const themeOf = new Map(org.portfolios.map((p) => [p.id, themeByPortfolio[p.code] ?? 'digital']));
  // A sub-portfolio takes its parent's theme when it has none of its own.
  for (const p of org.portfolios)
    if (!themeByPortfolio[p.code] && p.parentId) themeOf.set(p.id, themeOf.get(p.parentId) ?? 'digital');
  const chains = new Map<string, string[]>();
  const chainOf = (officeId: string): string[] => {
    let chain = chains.get(officeId);
    if (!chain) {
      chain = [];
      for (let o = officeById.get(officeId); o; o = o.parentId ? officeById.get(o.parentId) : undefined)
        chain.push(o.id);
      chains.set(officeId, chain);
    }
    return chain;
  };
  const programById = new Map(org.programs.map((p) => [p.id, p]));
  const portfolioById = new Map(org.portfolios.map((p) => [p.id, p]));
  const userByEmail = new Map(org.users.map((u) => [u.email, u]));
  // The heads of offices: the people granted pmo_director on exactly that office.
  const headOf = new Map<string, string>();
  for (const g of org.grants)
    if (g.role === 'pmo_director' && g.scopeType === 'office' && g.scopeId && !headOf.has(g.scopeId))
      headOf.set(g.scopeId, g.userId);
  // Who holds each role where: `${role} ${scopeId}` (or `${role} org`) → people, in grant order.
  const granted = new Map<string, string[]>();
  for (const g of org.grants) remember(granted, `${g.role} ${g.scopeId ?? 'org'}`, () => []).push(g.userId);
  const portfolioChain = (id: string | null): string[] => {
    const out: string[] = [];
    for (
      let p = id ? portfolioById.get(id) : undefined;
      p;
      p = p.parentId ? portfolioById.get(p.parentId) : undefined
    )
      out.push(p.id);
    return out;
  };
  const held = new Map<string, string[]>();
  /** The people holding a role over a project (at its scope or above), nearest grant first. */
  const holders = (p: Project, role: Role): string[] =>
    remember(held, `${role} ${p.id}`, () => {
      // Nearest first: the project, its program, its offices and portfolios, the organization.
      const places = [p.id, p.programId, ...chainOf(p.officeId), ...portfolioChain(p.portfolioId), 'org'];
      return places.flatMap((place) => (place ? (granted.get(`${role} ${place}`) ?? []) : []));
    });
  const names = new Map(org.users.map((u) => [u.id, u.name]));
  const director = userByEmail.get('director@pharos.demo')?.id ?? org.users[0]!.id;
  const analyst = userByEmail.get('analyst@pharos.demo')?.id ?? director;
  const strategic = org.offices.find((o) => o.kind === 'strategic') ?? org.offices[0]!;
  return {
    org,
    officeById,
    strategic,
    director,
    analyst,
    headOf: (officeId: string) => headOf.get(officeId) ?? director,
    holders,
    name: (userId: string) => names.get(userId) ?? 'Unknown person',
    typeCode: (p: Project) => typeCode.get(p.typeId) ?? 'IT',
    theme: (p: Project): Theme => themeOf.get(p.portfolioId) ?? 'digital',
    chainOf,
    program: (p: Project) => (p.programId ? programById.get(p.programId) : undefined),
    portfolio: (p: Project) => portfolioById.get(p.portfolioId),
    user: (email: string) => userByEmail.get(email)?.id,
  };
}
export type HistoryContext = ReturnType<typeof historyContext>;
