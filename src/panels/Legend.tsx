/**
 * What the colours and marks mean, behind a "Key" disclosure: spelled out in the top bar it took a row of its own
 * on a laptop screen.
 */
export function Legend() {
  return (
    <details className="legend">
      <summary>Key</summary>
      <div className="legend-items" aria-label="Legend" role="group">
        <span>
          <i className="lg lg-healthy" /> healthy
        </span>
        <span>
          <i className="lg lg-unhealthy" /> unhealthy target or check
        </span>
        <span>
          <i className="lg lg-pending" /> pending
        </span>
        <span>
          <i className="lg lg-stopped" /> stopped
        </span>
        <span>
          <i className="lg lg-old" /> older revision (deploying)
        </span>
        <span>
          <i className="lg lg-group" /> folded: click to unfold
        </span>
        <span className="muted">colour = service, its name beside it</span>
      </div>
    </details>
  );
}
