import { type ChildProcess, fork } from 'node:child_process';

/** Messages between the orchestrator and a server process it forks. */
type Msg =
  | { kind: 'call'; id: number; cmd: string; arg: unknown }
  | { kind: 'reply'; id: number; ok: boolean; value?: unknown; error?: string }
  | { kind: 'progress'; line: string };

export interface Child {
  proc: ChildProcess;
  /** Resolves with what the process sends once it is ready (reply id -1). */
  ready: Promise<unknown>;
  call<T>(cmd: string, arg?: unknown, timeoutMs?: number): Promise<T>;
  /** Asks the process to stop, then kills it if it has not exited within 15 s. */
  stop(): Promise<void>;
}

/**
 * Forks a TypeScript module (run through tsx) in its own Node process, so that the server under
 * test never shares an event loop with the load generator.
 */
export function forkChild(
  module: URL,
  env: Record<string, string>,
  onProgress: (line: string) => void,
): Child {
  const proc = fork(module.pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 1;
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  const failAll = (why: string) => {
    for (const p of pending.values()) p.fail(new Error(why));
    pending.clear();
  };
  proc.on('message', (m: Msg) => {
    if (m.kind === 'progress') onProgress(m.line);
    if (m.kind !== 'reply') return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p?.ok(m.value);
    else p?.fail(new Error(m.error));
  });
  const ready = new Promise<unknown>((ok, fail) => pending.set(-1, { ok, fail }));
  ready.catch(() => {}); // observed by the caller
  const exited = new Promise<void>((ok) =>
    proc.once('exit', (code, signal) => {
      failAll(`server process exited (${signal ?? code})`);
      ok();
    }),
  );
  return {
    proc,
    ready,
    call<T>(cmd: string, arg?: unknown, timeoutMs = 30 * 60_000) {
      return new Promise<T>((ok, fail) => {
        const id = next++;
        const timer = setTimeout(() => {
          pending.delete(id);
          fail(new Error(`${cmd}: no answer within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        pending.set(id, {
          ok: (v) => {
            clearTimeout(timer);
            ok(v as T);
          },
          fail: (e) => {
            clearTimeout(timer);
            fail(e);
          },
        });
        proc.send({ kind: 'call', id, cmd, arg } satisfies Msg);
      });
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.send({ kind: 'call', id: 0, cmd: 'stop', arg: null } satisfies Msg);
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

type Handler = (arg: never) => Promise<unknown>;

/** The child side: answers calls with `handlers`; `stop` runs `onStop` and exits. */
export function serveCalls(handlers: Record<string, Handler>, onStop: () => Promise<void>) {
  process.on('message', async (m: Msg) => {
    if (m.kind !== 'call') return;
    if (m.cmd === 'stop') {
      await onStop().catch((e) => console.error(e));
      process.exit(0);
    }
    const h = handlers[m.cmd];
    try {
      if (!h) throw new Error(`unknown command ${m.cmd}`);
      const value = await h(m.arg as never);
      process.send!({ kind: 'reply', id: m.id, ok: true, value } satisfies Msg);
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.send!({ kind: 'reply', id: m.id, ok: false, error } satisfies Msg);
    }
  });
  // Never outlive the orchestrator.
  process.on('disconnect', () => void onStop().finally(() => process.exit(0)));
}

export const progress = (line: string) => process.send?.({ kind: 'progress', line } satisfies Msg);
