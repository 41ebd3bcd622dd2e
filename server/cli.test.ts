import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/fleetmap.js');
let dir: string;

/** A module resolve hook that writes down every module the process loads, one URL a line. */
const RECORDER = `import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(file, resolved.url + '\\n');
  return resolved;
}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleetmap-cli-load-'));
  await writeFile(join(dir, 'recorder.mjs'), RECORDER);
  await writeFile(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'recorder.mjs')).href)}, { data: { file: process.env.FLEETMAP_LOADED } });\n`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the installed bin as a user does, and lists the modules it loaded. */
async function run(args: string[]): Promise<{ status: number | null; stdout: string; loaded: string[] }> {
  const file = join(dir, `${args.join('_') || 'none'}.txt`);
  await writeFile(file, '');
  const child = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, FLEETMAP_LOADED: file },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: child.status, stdout: child.stdout, loaded: (await readFile(file, 'utf8')).split('\n').filter(Boolean) };
}

/** What a command's code pulls in: the AWS SDK, the web server, the PNG renderer, the schema library, the exporters. */
const HEAVY = /@aws-sdk|@smithy|@hono|\/hono\/|@resvg|\/zod\/|\/src\/export\/|\/server\/sources\//;

describe('fleetmap --help', () => {
  it.each(['--help', 'export --help', 'snapshot -h', 'serve --help', 'fake-aws --world generated --help'])(
    'fleetmap %s prints the usage without loading any command',
    async (line) => {
      const { status, stdout, loaded } = await run(line.split(' '));
      expect(status).toBe(0);
      expect(stdout).toMatch(/^Usage: fleetmap /);
      expect(loaded.filter((url) => HEAVY.test(url))).toEqual([]);
    },
  );

  it('still runs the command asked for, and loads its code then', async () => {
    const { status, loaded } = await run(['export', '--format', 'nope', '-o', '-']);
    expect(status).toBe(2);
    expect(loaded.some((url) => url.endsWith('/server/cli/export.ts'))).toBe(true);
  });
});
