import type { HealthCounts } from '../../topology/graph/types';

const ORDER: (keyof HealthCounts)[] = ['healthy', 'unknown', 'pending', 'unhealthy', 'stopped'];

/** Proportional bar of task or target health. */
export function HealthBar({ counts }: { counts: HealthCounts }) {
  const total = ORDER.reduce((n, k) => n + counts[k], 0);
  if (!total) return <div className="health-bar empty" />;
  return (
    <div
      className="health-bar"
      title={ORDER.filter((k) => counts[k])
        .map((k) => `${counts[k]} ${k}`)
        .join(', ')}
    >
      {ORDER.filter((k) => counts[k]).map((k) => (
        <span key={k} className={`hb-${k}`} style={{ flexGrow: counts[k] }} />
      ))}
    </div>
  );
}
