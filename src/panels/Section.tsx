import type { ReactNode } from 'react';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What is wrong with a resource, a warning line each, marked so a reader's tools find it; nothing when all is well. */
export function ProblemList({ problems }: { problems: readonly string[] }) {
  if (!problems.length) return null;
  return (
    <ul className="alerts" data-problems>
      {problems.map((p) => (
        <li key={p} className="warn">
          {p}
        </li>
      ))}
    </ul>
  );
}

/** Name/value rows whose values the proxy has already redacted (environment variables, secrets by name). */
export function EnvTable({ caption, rows }: { caption: string; rows: { name: string; value: string }[] }) {
  if (!rows.length) return null;
  return (
    <table className="env">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((e) => (
          <tr key={e.name}>
            <td>{e.name}</td>
            <td className="redacted">{e.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
