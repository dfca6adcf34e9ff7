import type { AnyActorRef } from 'xstate';

// When a chart has finished its work: no effect (promise actor) is running anywhere in
// it. Effects lead to transitions that may start further effects, so this is awaited
// round by round until none is left.

/** Effects (promise actors) still running anywhere under `ref`. */
export function pendingEffects(ref: AnyActorRef): AnyActorRef[] {
  const snapshot = ref.getSnapshot() as {
    children?: Record<string, AnyActorRef | undefined>;
    machine?: unknown;
    status: string;
  };
  if (snapshot.machine === undefined) return snapshot.status === 'active' ? [ref] : [];
  return Object.values(snapshot.children ?? {}).flatMap((child) => (child ? pendingEffects(child) : []));
}

const finished = (ref: AnyActorRef) =>
  new Promise<void>((resolve) => {
    const subscription = ref.subscribe({ complete: () => resolve(), error: () => resolve() });
    if ((ref.getSnapshot() as { status: string }).status !== 'active') {
      subscription.unsubscribe();
      resolve();
    }
  });

export class SettleTimeout extends Error {
  constructor(ms: number) {
    super(`The conversation did not settle within ${ms} ms`);
    this.name = 'SettleTimeout';
  }
}

/** Resolves once no effect is running under `ref`; rejects after `timeoutMs`. */
export async function settle(ref: AnyActorRef, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let pending = pendingEffects(ref); pending.length > 0; pending = pendingEffects(ref)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new SettleTimeout(timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, left)));
    await Promise.race([Promise.all(pending.map(finished)), timeout]);
    clearTimeout(timer);
  }
}
