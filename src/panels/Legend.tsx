/** What the colours and marks mean. */
export function Legend() {
  return (
    <div className="legend" aria-label="Legend">
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
      <span className="muted">colour = service</span>
    </div>
  );
}
