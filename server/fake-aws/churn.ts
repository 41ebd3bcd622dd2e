import { advanceRollouts, failTask, flapTarget, scaleService, settle, startRollout } from './churn-ecs';
import { crashLoopPod } from './churn-kube';
import { draft, type ChurnStep, type WorldChange } from './churn-world';
import { seededRandom, type World } from './world';

/** The changes an estate makes on its own, by name, with how often each is drawn relative to the others. */
export const CHANGES = {
  rollout: { change: startRollout, weight: 1 },
  'task-failure': { change: failTask, weight: 3 },
  'target-flap': { change: flapTarget, weight: 3 },
  'pod-crash-loop': { change: crashLoopPod, weight: 2 },
  scale: { change: scaleService, weight: 2 },
} satisfies Record<string, { change: WorldChange; weight: number }>;
export type ChangeName = keyof typeof CHANGES;

const NAMES = Object.keys(CHANGES) as ChangeName[];

/** The demo's pace: a change or two every 20 s keeps the map moving without turning it over. */
export const DEMO_CHURN_MS = 20_000;

function draw(rand: () => number): ChangeName {
  const total = NAMES.reduce((n, name) => n + CHANGES[name].weight, 0);
  let x = rand() * total;
  for (const name of NAMES) {
    x -= CHANGES[name].weight;
    if (x < 0) return name;
  }
  return 'target-flap';
}

/**
 * One tick of churn, pure: time passes (tasks settle, rollouts under way move on one AZ), then one or two changes
 * drawn from CHANGES happen. The same world, seed and instant give the same next world.
 */
export function churnStep(world: World, step: ChurnStep): { world: World; changes: ChangeName[] } {
  const rand = seededRandom(step.seed);
  const changes = Array.from({ length: rand() < 0.5 ? 1 : 2 }, () => draw(rand));
  // One copy for the whole tick: each change edits it in turn, with a seed of its own.
  const next = structuredClone(world);
  const edits = [settle.edit, advanceRollouts.edit, ...changes.map((name) => CHANGES[name].change.edit)];
  edits.forEach((edit, i) => edit(draft(next, { ...step, seed: step.seed + i })));
  return { world: next, changes };
}

/** The world a churn loop changes: the fake AWS reads it on every request. */
export interface ChurningWorld {
  readonly world: World;
  setWorld(next: World): void;
}

/**
 * Changes the fake's world every `intervalMs`, tick n drawing from seed + n·7919 (a prime, so ticks' seeds do not
 * overlap the per-change offsets). The timer does not hold the process open; stop() ends it.
 */
export function startChurn(
  target: ChurningWorld,
  options: { intervalMs: number; seed?: number; now?: () => number; onChange?: (changes: ChangeName[]) => void },
): { stop(): void } {
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    const { world, changes } = churnStep(target.world, { seed: seed + tick * 7919, now: now() });
    target.setWorld(world);
    options.onChange?.(changes);
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** A churn interval as the command line says it: `20s`, `1m`, `500ms`, a bare number of seconds, or `off`. */
export function parseInterval(text: string): number | 'off' | { error: string } {
  const t = text.trim().toLowerCase();
  if (t === 'off' || t === '0') return 'off';
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(t);
  const unit = { ms: 1, s: 1000, m: 60_000 } as const;
  const ms = m?.[1] ? Math.round(Number(m[1]) * unit[(m[2] ?? 's') as keyof typeof unit]) : NaN;
  return Number.isFinite(ms) && ms >= 100 ? ms : { error: `an interval is like 20s, 1m or 500ms (at least 100ms), or off; not "${text}"` };
}
