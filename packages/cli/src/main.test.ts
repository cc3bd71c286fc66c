import { AppError } from '@pharos/server';
import { describe, expect, it } from 'vitest';
import { describeError } from './main';
import { pharos } from './test-support';

describe('pharos', () => {
  it('lists its commands in --help and exits 0', async () => {
    const r = await pharos('--help');
    expect(r.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'users', 'tokens', 'export', 'import'])
      expect(r.out).toMatch(new RegExp(`\\n  ${command}\\b`));
    expect(r.out).toContain('--database-url <url>');
    expect(r.out).toContain('--data-dir <dir>');
  });

  it('explains each command with examples', async () => {
    const grant = await pharos('users', 'grant', '--help');
    expect(grant.out).toContain('Usage: pharos users grant [options] <email> <role>');
    expect(grant.out).toContain('--portfolio <code>');
    expect(grant.out).toContain('Roles: admin, pmo_director');
    for (const args of [['users', 'create'], ['tokens', 'create'], ['export'], ['import'], ['seed']]) {
      const r = await pharos(...args, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Example');
    }
  });

  it('fails with a usage error on an unknown command or option', async () => {
    const unknown = await pharos('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("error: unknown command 'frobnicate'");
    const option = await pharos('users', 'list', '--colour');
    expect(option.code).toBe(1);
    expect(option.err).toContain("error: unknown option '--colour'");
  });

  it('prints one line per error: the message and its field, never a stack', () => {
    expect(describeError(new AppError('validation_failed', 'Use at least 10 characters', 'password'))).toBe(
      'Use at least 10 characters (field: password)',
    );
    expect(describeError(new AppError('not_found', 'Project not found'))).toBe('Project not found');
    const query = new Error('Failed query: select 1\nparams: ', { cause: new Error('connection refused') });
    expect(describeError(query)).toBe('connection refused');
    expect(describeError(new Error('first line\n    at somewhere (file.ts:1:1)'))).toBe('first line');
  });
});
