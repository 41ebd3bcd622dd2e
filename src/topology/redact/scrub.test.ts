import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskArn, REDACTED, scrubArgs, scrubText } from './scrub';

/** Each: free text as AWS or Kubernetes hands it over, with the secret it carries and what must be left of it. */
const LEAKS: { text: string; secret: string; becomes?: string }[] = [
  {
    text: 'sh -c "exec /app/server --db-password Zq8sh-Pw --port 8080"',
    secret: 'Zq8sh-Pw',
    becomes: `sh -c "exec /app/server --db-password ${REDACTED} --port 8080"`,
  },
  {
    text: 'mysqladmin ping -h 127.0.0.1 -uroot -pMy5qlPw || exit 1',
    secret: 'My5qlPw',
    becomes: `mysqladmin ping -h 127.0.0.1 -uroot -p${REDACTED} || exit 1`,
  },
  { text: 'curl -fsS -u admin:Cu7lPw http://localhost:8080/health', secret: 'Cu7lPw', becomes: `curl -fsS -u admin:${REDACTED} http://localhost:8080/health` },
  { text: 'curl --user=admin:Cu7lPw2 http://x/', secret: 'Cu7lPw2' },
  { text: 'curl -H "Authorization: Bearer b3ar3r.T0k" http://x', secret: 'b3ar3r.T0k', becomes: `curl -H "Authorization: Bearer ${REDACTED}" http://x` },
  { text: 'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', secret: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ' },
  { text: 'bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl', secret: 'c2lnbmF0dXJl' },
  { text: 'X-Api-Key: k3yV4lue', secret: 'k3yV4lue' },
  { text: '--config={"password":"Js0nPw","port":5432}', secret: 'Js0nPw', becomes: `--config={"password":"${REDACTED}","port":5432}` },
  { text: '--config={\\"db_password\\":\\"Esc4pedPw\\"}', secret: 'Esc4pedPw' },
  { text: "{'apiKey': 'Sing1eQuoted'}", secret: 'Sing1eQuoted' },
  { text: '{"pin_secret": 982731}', secret: '982731' },
  {
    text: 'deploy:Im4gePw@registry.example.com/team/app:1.4',
    secret: 'Im4gePw',
    becomes: `${REDACTED}@registry.example.com/team/app:1.4`,
  },
  {
    text: 'connect postgres://app:S3cr3t@db.internal:5432/pay failed',
    secret: 'S3cr3t',
    becomes: `connect postgres://${REDACTED}@db.internal:5432/pay failed`,
  },
  { text: 'redis-cli -u redis://:R3disPw@cache:6379 ping', secret: 'R3disPw' },
  { text: 'git clone https://ghp_aaaaBBBBccccDDDDeeeeFFFFgggg1234@github.com/o/r.git', secret: 'ghp_aaaa' },
  { text: 'api.example.com/hooks/token/T0kenInPath → hooks:80', secret: 'T0kenInPath', becomes: `api.example.com/hooks/token/${REDACTED} → hooks:80` },
  { text: 'api.example.com/callback?access_token=QueryT0k&x=1 → cb:80', secret: 'QueryT0k' },
  { text: 'Health checks failed (GET /health?api_key=He4lthK3y)', secret: 'He4lthK3y' },
  { text: 'using key AKIAIOSFODNN7EXAMPLE from env', secret: 'AKIAIOSFODNN7EXAMPLE', becomes: `using key ${REDACTED} from env` },
  { text: 'ASIAY34FZKBOKMUTVV7A expired', secret: 'ASIAY34FZKBOKMUTVV7A' },
  { text: 'charge failed with sk_live_51HdemoKey', secret: 'sk_live_51HdemoKey' },
  { text: 'slack xoxb-1234-5678-abcdefgh', secret: 'xoxb-1234' },
  { text: 'gitlab glpat-AbCdEf123456GhIjKl78', secret: 'glpat-AbCdEf' },
  { text: 'PGPASSWORD=PgPw9 psql -h db', secret: 'PgPw9', becomes: `PGPASSWORD=${REDACTED} psql -h db` },
  { text: 'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', secret: 'wJalrXUtnFEMI' },
  { text: 'traefik.http.middlewares.a.basicauth.users=admin:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/', secret: 'H6uskkkW' },
  { text: 'password: Yaml9Pw', secret: 'Yaml9Pw' },
  { text: 'token="Qu0ted tok"', secret: 'Qu0ted tok' },
  { text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', secret: 'MIIEpAIBAAKCAQEA' },
];

/** Ordinary text from real estates: none of it may change. */
const READABLE = [
  'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/ledger-tg/6d0ecf831eec9f09)',
  '(service storefront) has reached a steady state.',
  '(service api) has started 2 tasks: (task 0f3a8c5d1e2b4a6c9d7e8f1a2b3c4d5e).',
  '(service web) (port 3000) is unhealthy in target-group web-tg due to (reason Health checks failed with these codes: [502]).',
  'Essential container in task exited',
  'CannotPullContainerError: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
  'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): AccessDeniedException',
  'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:DescribeTasks on resource: arn:aws:ecs:us-east-1:123456789012:cluster/prod',
  'ECS deployment circuit breaker: 3 tasks failed to start.',
  'Bearer token expired',
  'Basic health check failed',
  'Target.ResponseCodeMismatch',
  'Health checks failed with these codes: [502]',
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/payments:1.2.3',
  'nginx:1.27@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
  'registry:5000/app:1.2',
  'git@github.com:org/repo.git',
  'CMD-SHELL curl -f http://localhost:8080/health || exit 1',
  'docker run -p 8080:80 nginx',
  'api.example.com/api/* → orders-api:80',
  'path-pattern /api/*, /auth/login',
  'app.kubernetes.io/name=orders-api',
  'NodeCreationFailure: Instances failed to join the kubernetes cluster',
  'RollingUpdate (25% unavailable, 25% surge)',
  'Error (exit 137)',
  'arn:aws:secretsmanager:us-east-1:****:secret:****',
  'arn:aws:ssm:us-east-1:123456789012:parameter/prod/api-key',
  'k8s-orders-ordersap-1a2b3c4d5e-1234567890.us-east-1.elb.amazonaws.com',
  'ip-10-0-1-15.ec2.internal',
  'MyStack-ClusterEB0386A7-Ab1Cd2Ef3Gh4',
  'from Secret orders-db key password',
  '',
];

describe('scrubText', () => {
  it.each(LEAKS)('removes the secret from $text', ({ text, secret, becomes }) => {
    const out = scrubText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
    if (becomes !== undefined) expect(out).toBe(becomes);
  });

  it.each(READABLE)('leaves ordinary text as it is: %s', (text) => {
    expect(scrubText(text)).toBe(text);
  });

  it('is idempotent on every case above', () => {
    for (const text of [...LEAKS.map((l) => l.text), ...READABLE]) expect(scrubText(scrubText(text))).toBe(scrubText(text));
  });
});

/** Random texts are built from the pieces the patterns react to, so a rule that feeds another or stops short shows up. */
const PIECES = [
  ' ',
  '=',
  ':',
  ': ',
  '"',
  "'",
  '\\"',
  '-',
  '--',
  '-p',
  '-u ',
  '/',
  '@',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  ';',
  '&',
  '?',
  '\n',
  '\t',
  'password',
  'db_password',
  'token',
  'apiKey',
  'Authorization',
  'secret',
  'auth',
  'Bearer ',
  'Basic ',
  'mysql',
  'curl',
  'https://',
  'postgres://',
  'user',
  'admin',
  'host.example.com',
  'sha256:',
  'AKIA',
  'sk_live_',
  'eyJ',
  REDACTED,
  '[redacted',
  'x',
  'abc',
  'Zz9',
  '42',
  'é',
  '→',
  '%%{',
  '#',
];

const text = (maxPieces: number) => fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((pieces) => pieces.join(''));
const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
// Never a word of the surrounding text: a digit and a capital in every planted secret.
const plantedSecret = fc.array(fc.constantFrom(...ALNUM), { minLength: 10, maxLength: 16 }).map((chars) => `Q7${chars.join('')}`);

const CONTEXTS: ((s: string) => string)[] = [
  (s) => `password=${s}`,
  (s) => `DB_PASSWORD="${s}"`,
  (s) => `--api-token ${s}`,
  (s) => `--client-secret=${s}`,
  (s) => `https://deploy:${s}@git.example.com/x`,
  (s) => `deploy:${s}@registry.example.com/app:1`,
  (s) => `Authorization: Bearer ${s}`,
  (s) => `Authorization: ${s}`,
  (s) => `{"secret":"${s}"}`,
  (s) => `curl -u admin:${s}`,
  (s) => `mysql -uroot -p${s}`,
  (s) => `/token/${s}`,
  (s) => `?access_token=${s}`,
];

describe('scrubText on random text', () => {
  it('is idempotent: scrubbing twice gives what scrubbing once gave', () => {
    fc.assert(
      fc.property(text(24), (t) => {
        const once = scrubText(t);
        expect(scrubText(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });

  it('never lets a planted secret survive, whatever surrounds it', () => {
    fc.assert(
      fc.property(text(12), fc.constantFrom(...CONTEXTS), plantedSecret, text(12), (before, context, secret, after) => {
        const once = scrubText(`${before} ${context(secret)} ${after}`);
        expect(once).not.toContain(secret);
        expect(scrubText(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });

  it('never lets an AWS access key id survive', () => {
    const keyChars = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'];
    const key = fc.array(fc.constantFrom(...keyChars), { minLength: 16, maxLength: 16 }).map((chars) => `AKIA${chars.join('')}`);
    fc.assert(
      fc.property(text(12), key, text(12), (before, k, after) => {
        expect(scrubText(`${before} ${k} ${after}`)).not.toContain(k);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('scrubArgs', () => {
  it('redacts the value after a secret-named flag and keeps the rest of the command', () => {
    expect(scrubArgs(['--port', '80', '--password', 'Pw1', '--verbose'])).toEqual(['--port', '80', '--password', REDACTED, '--verbose']);
    expect(scrubArgs(['--token=Tk1', 'serve'])).toEqual([`--token=${REDACTED}`, 'serve']);
  });

  it('redacts -pSECRET only where a MySQL client is run, across arguments', () => {
    expect(scrubArgs(['CMD', 'mysqladmin', 'ping', '-uroot', '-pMy5ql'])).toEqual(['CMD', 'mysqladmin', 'ping', '-uroot', `-p${REDACTED}`]);
    expect(scrubArgs(['docker', 'run', '-p8080:80', 'nginx'])).toEqual(['docker', 'run', '-p8080:80', 'nginx']);
  });

  it('redacts the password of -u user:password given as two arguments, not a uid:gid', () => {
    expect(scrubArgs(['curl', '-u', 'admin:Cu7l', 'http://x'])).toEqual(['curl', '-u', `admin:${REDACTED}`, 'http://x']);
    expect(scrubArgs(['docker', 'run', '-u', '1000:1000', 'img'])).toEqual(['docker', 'run', '-u', '1000:1000', 'img']);
  });

  it('scrubs every argument as free text and is idempotent', () => {
    const args = ['sh', '-c', 'exec app --db-password Pw2 && curl -H "Authorization: Bearer Tk2" http://x'];
    const once = scrubArgs(args);
    expect(once.join(' ')).not.toMatch(/Pw2|Tk2/);
    expect(scrubArgs(once)).toEqual(once);
  });
});

describe('maskArn', () => {
  it('masks an ARN down to its service and resource type, idempotently', () => {
    const masked = maskArn('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password::');
    expect(masked).toBe('arn:aws:secretsmanager:us-east-1:****:secret:****');
    expect(maskArn(masked)).toBe(masked);
    expect(maskArn('arn:aws:ssm:us-east-1:123456789012:parameter/prod/api-key')).toBe('arn:aws:ssm:us-east-1:****:parameter:****');
    expect(maskArn('not-an-arn')).toBe(REDACTED);
    expect(maskArn(REDACTED)).toBe(REDACTED);
  });

  it('keeps no part of an ARN that is not shaped like one', () => {
    expect(maskArn('arn:aws:ssm:us-east-1 password=Pw3:1:parameter/x')).toBe(REDACTED);
  });
});
