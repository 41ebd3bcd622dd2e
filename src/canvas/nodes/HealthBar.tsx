import type { HealthCounts } from '../../topology/graph/types';
import { healthWords } from '../../topology/present/labels';
import { healthSegments } from '../../topology/present/theme';

/** Proportional bar of task or target health. */
export function HealthBar({ counts }: { counts: HealthCounts }) {
  const parts = healthSegments(counts);
  if (!parts.length) return <div className="health-bar empty" />;
  return (
    <div className="health-bar" title={healthWords(counts)}>
      {parts.map(({ health, count }) => (
        <span key={health} className={`hb-${health}`} style={{ flexGrow: count }} />
      ))}
    </div>
  );
}
