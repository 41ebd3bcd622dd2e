import type { Badge } from '../../topology/present/labels';

/** The class of each badge tone: the subnet exposure badge, the deploying pill, the alert pill. */
const CLASS: Record<Badge['tone'], string> = {
  public: 'badge badge-public',
  private: 'badge badge-private',
  pending: 'deploy-pill',
  alert: 'alert-pill',
};

/** A node's word pills, in the order the presentation layer gives them. */
export function Badges({ badges }: { badges: readonly Badge[] }) {
  return (
    <>
      {badges.map((b) => (
        <span key={`${b.tone}:${b.text}`} className={CLASS[b.tone]}>
          {b.text}
        </span>
      ))}
    </>
  );
}
