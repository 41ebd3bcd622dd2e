import { FAULT_HELP } from '../fake-aws/faults';
import { RETRY_AFTER_S } from '../security';

/*
 * What each command says about itself, apart from its code: `fleetmap --help` and `fleetmap <command> --help` print
 * from here without loading a command (the AWS SDK, the web server, the renderers), so they answer at once.
 */

/** Bad arguments: the CLI prints the message with the usage and exits 2. */
export class UsageError extends Error {}

/** How long requests in flight may take to finish after SIGTERM; container runtimes kill after 10 s or 30 s. */
export const SHUTDOWN_GRACE_MS = 8_000;

export const USAGE = `Usage: fleetmap <command> [options]

Commands:
  serve      Serve the map (what "npm start" runs)
  snapshot   Read the estate once and save it as a JSON snapshot
  export     Write the map as SVG, PNG, draw.io, Mermaid, JSON or a single offline HTML file
  diff       Compare two snapshots: what was added, removed and changed, as text, Markdown or JSON; gate CI on it
  fake-aws   Run the fake AWS (ECS, EC2, ELBv2, EKS wire protocols, and each EKS cluster's Kubernetes API) on loopback

Run "fleetmap <command> --help" for the options of a command.

Exit codes: 0 done; 1 unexpected failure; 2 bad arguments; 3 partial read (output written, errors listed);
4 nothing could be read.`;

export const SOURCE_HELP = `  --source auto|aws|demo|snapshot  Where to read from (default auto: aws when credentials are configured, else demo)
  --file PATH        The snapshot to open with --source snapshot
  --profile NAME     AWS profile (default: AWS_PROFILE, then the SDK's default chain)
  --region NAME      AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then us-east-1)
  --max-attempts N   Attempts per AWS call before an error is shown (default 8)
  --read-timeout S   Seconds a whole read may take (default 120): then what was read is drawn, with an error for
                     each call that had not answered (an endpoint that accepts connections and never answers)
  --kubeconfig PATH  Read each EKS cluster's Kubernetes API through the kubeconfig context whose server is its
                     endpoint (default: an EKS token made from the AWS credentials, as aws eks get-token does)
  --kube-context N   The kubeconfig context to prefer when several point at one cluster
  --world demo|generated|PATH  With --source demo: the fake AWS world to read (default demo)
  --churn INTERVAL|off         With --source demo: change the world every INTERVAL, as an estate changes (serve: 20s; snapshot, export: off)
  --clusters N --services N --tasks N --load-balancers N --azs N --seed N   Size of a generated world`;

export const SERVE_USAGE = `Usage: fleetmap serve [options]

Serve the map (what "npm start" runs).

${SOURCE_HELP}
  --host ADDR        Address to bind (default 127.0.0.1); 0.0.0.0 in a container or behind a proxy, with
                     --allowed-host and --auth token or --auth proxy
  --port N           Port (default 8080); 0 picks a free port and prints it
  --allowed-host NAME[:PORT]  A name browsers reach Fleetmap by (its Host header), e.g. fleetmap.internal;
                     repeatable; also FLEETMAP_ALLOWED_HOSTS=NAME,NAME. Other names are answered 421.
  --refresh INTERVAL Read the estate again every INTERVAL (30s, 500ms, 2m) and push what changed to every open
                     map over GET /api/events (default 30s; off for a snapshot); one read serves every viewer
  --api-budget SHARE The share of each AWS throttle bucket's sustained rate the reads may spend (default 0.25),
                     so deploy tools and autoscaling keep their headroom; a larger estate is read less often,
                     and the status says how often
  --history on|off|memory  Keep every change in PostgreSQL for the timeline, GET /api/topology?at=, /api/changes
                     and "fleetmap diff TIME TIME" (default on: PGlite, PostgreSQL in this process, in
                     --data-dir; the demo keeps it in memory; memory keeps nothing on disk; off keeps none)
  --data-dir DIR     Where PGlite keeps it (default $XDG_STATE_HOME/fleetmap/history, ~/.local/state/...;
                     one server per directory)
  --database URL     A PostgreSQL server instead (postgres://user@host:5432/db; also FLEETMAP_DATABASE_URL):
                     the same schema, shared and backed up with the rest of your databases
  --retain PERIOD    How long history is kept (7d by default; 36h, 90m); older changes are pruned hourly
  --auth none|token|proxy  Who may open the map. none (the default on loopback) lets anyone who reaches it in;
                     any other --host needs token or proxy. Every mode refuses /api/* requests from other sites.
  --auth token       Require a shared token on every request: from FLEETMAP_TOKEN or --token-file PATH (its
                     text, trimmed; at least 16 characters). Open the map once with ?token=TOKEN (it becomes an
                     HttpOnly, SameSite=Strict cookie); scripts send Authorization: Bearer TOKEN. --auth-token TOKEN
                     and FLEETMAP_AUTH_TOKEN still work, but a command line is visible to other users
  --auth proxy --auth-header NAME --trusted-proxy CIDR
                     Behind a sign-in proxy (oauth2-proxy: X-Forwarded-Email; an ALB with OIDC:
                     x-amzn-oidc-identity): a request is answered only when its TCP peer is inside a
                     --trusted-proxy CIDR (repeatable; IPv4 or IPv6) and it carries a non-empty NAME header. Each
                     user is logged once per session
  -h, --help         This help

On SIGTERM or SIGINT the server stops accepting connections, answers requests still waiting for a read with
503 (Retry-After: ${RETRY_AFTER_S}), lets the others finish (at most ${SHUTDOWN_GRACE_MS / 1000} s), closes the source and exits 0.`;

export const SNAPSHOT_USAGE = `Usage: fleetmap snapshot -o FILE [options]

Read the estate once and save the topology as a JSON snapshot (redacted, versioned schema). It reopens with
"fleetmap serve --source snapshot --file FILE" and by dropping the file onto the map.

  -o, --output FILE  Where to write the snapshot ("-" for standard output)
${SOURCE_HELP}
  -h, --help         This help

Exit codes: 0 done; 2 bad arguments; 3 partial read (snapshot written, each error printed with the IAM action to
grant); 4 nothing could be read.`;

export const EXPORT_USAGE = `Usage: fleetmap export --format FORMAT -o FILE [options]

Write the map as a file, with the same layout and redaction as the screen.

  --format svg|png|drawio|mermaid|json|html   What to write (html: one offline file holding viewer and snapshot)
  -o, --output FILE  Where to write it ("-" for standard output, text formats only)
  --view network|service  Which view (default network)
  --scale N          PNG pixels per map unit (default 1; 2 for high-density screens)
  --file PATH        Export from a saved snapshot (the same as --source snapshot --file PATH)
  --at TIME          Export the estate as it was at TIME (ISO 8601, e.g. 2026-11-29T14:02:00Z), from the history
                     "fleetmap serve" keeps: its directory, --data-dir DIR or --database URL
${SOURCE_HELP}
  -h, --help         This help

Exit codes: 0 done; 2 bad arguments; 3 partial read (file written, each error printed with the IAM action to
grant); 4 nothing could be read.`;

export const DIFF_USAGE = `Usage: fleetmap diff A B [options]

Compare two estates, A (before) and B (after): the resources added, removed and changed, and the changes the live
map would have told between them (tasks stopped, targets unhealthy, deployments failed, scaling). A and B are
snapshot files (what "fleetmap snapshot" writes, or the map's JSON export; older schema versions are migrated) or
ISO times such as 2026-11-29T14:02:00Z: the estate as it was then, from the history "fleetmap serve" keeps.

  --format text|markdown|json  How to write it (default text; markdown for a pull-request comment; json uncapped)
  -o, --output FILE  Where to write it (default standard output)
  --limit N          Items listed per section in text and Markdown before "and N more" (default 20)
  --data-dir DIR     For times: the history serve keeps there (default serve's own); a running server holds
                     its directory, so read a shared --database, or ask it: GET /api/topology?at=TIME
  --database URL     For times: the history on a PostgreSQL server (also FLEETMAP_DATABASE_URL)
  --fail-on KINDS    Exit 1 when any of these kinds of change happened (comma-separated):
                       capacity-lost      a service's running tasks (a workload's ready pods) fell and are now
                                          fewer than it wants (a scale-in loses none)
                       target-unhealthy   a load balancer target became unhealthy
                       deployment-failed  an ECS deployment failed or was rolled back
                       task-stopped       an ECS task stopped or went, or a pod failed or went
                       resource-removed   any resource is in A and not in B
                       critical           a change the live map marks critical (an outage, a failed deployment,
                                          a crash loop)
                       any                any resource added, removed or changed
  -h, --help         This help

Exit codes: 0 done, no --fail-on kind happened; 1 a --fail-on kind happened (the report is written first, and
each kind is named on stderr); 2 bad arguments, or A or B could not be read (the file and the reason are named).`;

export const FAKE_USAGE = `Usage: fleetmap fake-aws [options]

  --world demo|generated|PATH  The world to serve (default demo); PATH is a world JSON file
  --churn INTERVAL|off         Change the world every INTERVAL (e.g. 20s; default off): rollouts, task failures, target flaps,
                               pod crash loops, scaling. GET /_fake/calls[?since=MS] lists the calls served.
  --clusters N --services N --tasks N --load-balancers N --azs N --seed N   Size of a generated world
  --port N           Port (default 4566; 0 picks a free port)
  --host ADDR        Address to bind (default 127.0.0.1)
  --latency MS       Added to every answer (default 0)
  --throttle         Enforce AWS's throttle buckets
  --deny ACTION      Answer AccessDenied for an IAM action, e.g. elasticloadbalancing:DescribeTargetHealth (repeatable)
  --fault ${FAULT_HELP}
                     Answer one action wrongly on purpose, as a proxy or a broken endpoint would (repeatable):
                     a proxy's HTML page, an empty 200, never answering, a stalled body, a null item in a
                     list, an item without a field; e.g. --fault ecs:DescribeTasks=null-item:tasks
  -h, --help         This help`;
