import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canSignIn, freshTarget, pharos, type Target, withApp } from '../test-support';

describe('pharos seed', () => {
  let data: Target;
  beforeAll(async () => {
    data = await freshTarget();
  });
  afterAll(() => data.remove());

  it('refuses in production before touching the database', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const r = await pharos(...data.args, 'seed', '--demo');
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        'pharos: The demo organization is never seeded in production (NODE_ENV=production)\n',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('needs --demo', async () => {
    const r = await pharos(...data.args, 'seed');
    expect(r.code).toBe(1);
    expect(r.err).toContain("required option '--demo' not specified");
  });

  it('seeds the demo organization into an empty database, once', async () => {
    const first = await pharos(...data.args, 'seed', '--demo');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Seeded the demo organization into .*: 12 org units, 6 offices, \d+ portfolios/,
    );
    expect(first.out).toContain('admin@pharos.demo');
    expect(first.out).toContain('every password is "pharos-demo"');

    const again = await pharos(...data.args, 'seed', '--demo', '--json');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /^pharos: The database \(.*\) already has users; the demo goes only into an empty one\n$/,
    );
    expect(again.out).toBe('');

    await withApp(data, async (app) => {
      expect(await canSignIn(app, 'admin@pharos.demo', 'pharos-demo')).toBe(true);
    });
  }, 120_000);
});
