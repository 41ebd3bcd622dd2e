/**
 * The one scrubber for free text: what a reason, an event, a command or a label can carry that is a credential.
 * Each rule replaces only the secret part, so "Task failed ELB health checks in (target-group …)" and
 * "--port 8080" stay readable. A password written as a bare word with nothing naming it ("hunter2") cannot be told
 * apart from a name; every shape that names or frames a secret can.
 */
export const REDACTED = '[redacted]';

/**
 * A key that names a credential, as a word inside a longer key (DB_PASSWORD, x-api-key, accessToken,
 * traefik…basicauth.users). The word must not run on into more letters, so "authorization" counts but "author"
 * and "secretsmanager" do not.
 */
const WORD =
  '(?:pass(?:word|wd|phrase)?|pwd|secrets?|tokens?|api[-_]?keys?|access[-_]?keys?|private[-_]?keys?|secret[-_]?keys?|credentials?|auth(?:orization)?|cookie|connection[-_]?string|dsn)(?![a-z])';
const KEY = `[A-Za-z0-9_.-]*?${WORD}[A-Za-z0-9_.-]*`;
/** The start of a key: not in the middle of a longer word or key. */
const AT_KEY = '(?<![A-Za-z0-9_.-])';
/**
 * A bare value runs to a space or a separator; closing brackets and a full stop at its end are the sentence's
 * ("(GET /health?api_key=X)"), not the value's. An already redacted value ends the same way.
 */
const BARE = `[^\\s&;,"']*[^\\s&;,"')\\]}.]`;
const DONE = `\\[redacted\\](?![^\\s&;,"')\\]}.])`;
/** HTTP authorization schemes, kept in front of the redacted credential so the reader sees which kind it was. */
const SCHEME = '(?:Bearer|Basic|Token|Digest|Negotiate|AWS4-HMAC-SHA256)';
/** What follows a key is not its value when it is the next key ("auth: Authorization: X"): that one gets its own turn. */
const NOT_A_KEY = `(?!${KEY}(?:=|:\\s))`;
/** A quoted value, whose quote is group n; an unclosed quote must not swallow the next key and its value. */
const QUOTED = (n: number) => `(["'])(?:(?!\\${n}|${KEY}(?:\\s*=|:\\s)).)*\\${n}`;

type Rule = [RegExp, string | ((...groups: string[]) => string)];

/** Credential shapes recognisable on their own, wherever they appear. */
const SHAPES: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  /\b(sk|rk|pk)_(live|test)_[0-9A-Za-z_]+/g,
  /\bxox[abposr]-[0-9A-Za-z-]+/g,
  /\b(gh[pousr]_[0-9A-Za-z]{20,}|github_pat_[0-9A-Za-z_]{20,})/g,
  /\bglpat-[0-9A-Za-z_-]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  /\bnpm_[0-9A-Za-z]{30,}/g,
  /\beyJ[0-9A-Za-z_-]{6,}\.[0-9A-Za-z_-]{6,}\.[0-9A-Za-z_-]*/g,
];

const RULES: Rule[] = [
  ...SHAPES.map((re): Rule => [re, REDACTED]),
  // scheme://user:password@host and scheme://token@host: the whole user info goes (up to the last @ before the path).
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s?#"'<>]*@/gi, `$1${REDACTED}@`],
  // user:password@registry/… with no scheme (image names, redis-cli -u); an image digest (name:tag@sha256:…) is not one.
  [/(?<![\w.:/@%+~-])[\w.~%+-]+:[^\s/@"'<>]+@(?!sha\d+:)(?=[A-Za-z0-9][A-Za-z0-9.-]*)/g, `${REDACTED}@`],
  // curl -u user:password, --user=user:password; a uid:gid (docker -u 1000:1000) is not a credential.
  [
    /(?<![\w-])(-u\s*|--(?:proxy-)?user(?:\s+|=))(["']?)([^\s:"']+):([^\s"']+)/g,
    (m, flag = '', quote = '', user = '', pass = '') => (/^\d+$/.test(user) && /^\d+$/.test(pass) ? m : `${flag}${quote}${user}:${REDACTED}`),
  ],
  // Authorization: Bearer X, Basic X, …: the credential after the scheme, when it looks like one (not "Bearer token expired").
  // The credential is taken whole (a lookahead and back-reference make it atomic) so that "Basic DB_PASSWORD=\"…\""
  // is left to the key=value rule instead of losing its key.
  [
    new RegExp(`\\b(Bearer|Basic|Digest|Negotiate)(\\s+)(?!${DONE}|-)(?=([A-Za-z0-9._~+/=-]{6,}))\\3(?!["'])`, 'gi'),
    (m, scheme = '', sp = '', cred = '') => (/[0-9._~+/=-]/.test(cred) ? `${scheme}${sp}${REDACTED}` : m),
  ],
  // {"password":"X"}, {\"password\":\"X\"}, {'apiKey': 'X'}, {"pin_secret": 1234}: JSON values under a secret-like key.
  [
    new RegExp(`(\\\\?["'])(${KEY})\\1(\\s*:\\s*)(?:(\\\\?["'])(?:(?!\\4).)*\\4|(?![{[])[^\\s,}\\]"'\\\\]+)`, 'gi'),
    (_m, q = '', key = '', sep = '', vq = '') => `${q}${key}${q}${sep}${vq}${REDACTED}${vq}`,
  ],
  // key=value (query strings, env assignments, labels) and key: value (headers, YAML) under a secret-like key.
  [
    new RegExp(`${AT_KEY}(${KEY})(\\s*=(?:\\s+(?!-))?|:\\s+(?!-))(${SCHEME}\\s+(?!-))?${NOT_A_KEY}(?:${QUOTED(4)}|${DONE}|(${BARE}))`, 'gi'),
    (m, key = '', sep = '', scheme = '', quote = '', bare = '') =>
      // After "key: " a plain lowercase word is prose ("may require authorization: server message"), not a value.
      sep.trim() === ':' && !scheme && !quote && /^[a-z]+$/.test(bare) ? m : `${key}${sep}${scheme}${quote}${REDACTED}${quote}`,
  ],
  // --db-password X, -api-token "X": the value after a secret-named flag.
  [
    new RegExp(`${AT_KEY}(--?${KEY})(\\s+)(?!-)${NOT_A_KEY}(?:${QUOTED(3)}|${DONE}|[^\\s"']+)`, 'gi'),
    (_m, flag = '', sp = '', q = '') => `${flag}${sp}${q}${REDACTED}${q}`,
  ],
  // /token/X, /secret/X: a path segment after one that names a credential (webhook and callback URLs).
  [/(\/(?:tokens?|secrets?|passwords?|passwd|api[-_]?keys?|access[-_]?tokens?|auth[-_]?tokens?)\/)(?!\[redacted\](?:[/\s?#]|$))[^/\s?#"']+/gi, `$1${REDACTED}`],
];

/** mysql -pSECRET: "-p" is the password only for MySQL clients (docker, ssh and psql use it for a port). */
const MYSQL = /\b(mysql|mysqladmin|mysqldump|mysqlsh|mariadb|mariadb-admin|mariadb-dump)\b/i;
const MYSQL_PASSWORD = /(?<![\w-])-p(?!\[redacted\](?![^\s"']))(?=[^\s"'])[^\s"']+/g;

/** Rules can feed one another ("user:pw@host" inside "--token …"), so they run until nothing changes. */
const MAX_PASSES = 4;

function pass(text: string, mysql: boolean): string {
  let out = text;
  for (const [re, to] of RULES) out = typeof to === 'string' ? out.replace(re, to) : out.replace(re, to);
  return mysql ? out.replace(MYSQL_PASSWORD, `-p${REDACTED}`) : out;
}

/** Replaces every credential in free text with "[redacted]" and leaves the rest readable. Idempotent. */
export function scrubText(text: string, options: { mysql?: boolean } = {}): string {
  const mysql = options.mysql ?? MYSQL.test(text);
  let out = text;
  for (let i = 0; i < MAX_PASSES; i++) {
    const next = pass(out, mysql);
    if (next === out) return out;
    out = next;
  }
  return out;
}

const SECRET_FLAG = new RegExp(`^--?${KEY}$`, 'i');
const USER_FLAG = /^(-u|--user|--proxy-user)$/;

/**
 * A command line as an argument list (command, entryPoint, args, health check): each argument is free text, and
 * what one argument says about the next is honoured ("--password" "X", "-u" "admin:X", a MySQL client's "-pX").
 */
export function scrubArgs(args: readonly string[]): string[] {
  const mysql = args.some((a) => MYSQL.test(a));
  return args.map((arg, i) => {
    const before = args[i - 1] ?? '';
    if (SECRET_FLAG.test(before)) return REDACTED;
    if (USER_FLAG.test(before)) return scrubText(`-u ${arg}`, { mysql }).slice(3);
    return scrubText(arg, { mysql });
  });
}

/** ARN resource types that say what kind of reference it is without saying where the secret lives. */
const KNOWN_TYPES = new Set(['secret', 'parameter', 'key', 'role', 'task-definition', 'fsx', 'file-system', 'access-point']);
const ARN_HEAD = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):/;

/**
 * An ARN with its account and resource path hidden: the kind of reference stays visible
 * (arn:aws:secretsmanager:us-east-1:****:secret:****) but not where the secret lives. Idempotent.
 */
export function maskArn(value: string): string {
  const head = ARN_HEAD.exec(value);
  if (!head) return REDACTED;
  const [, partition = 'aws', service = '', region = ''] = head;
  const resource = value.split(':').slice(5).join(':');
  const type = resource.split(/[/:]/)[0] ?? '';
  // Only well-known resource types are kept; for S3 and the like the first segment is already the bucket name.
  const typed = KNOWN_TYPES.has(type) ? `${type}:****` : '****';
  return `arn:${partition}:${service}:${region}:****:${typed}`;
}
