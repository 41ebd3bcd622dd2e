import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DIFF_USAGE, EXPORT_USAGE, FAKE_USAGE, SERVE_USAGE, SNAPSHOT_USAGE, USAGE, UsageError } from './cli/usage';

type Run = (args: string[]) => Promise<number | void>;

/**
 * Each command's code is imported only when it runs: it pulls in the AWS SDK, the web server or the renderers, and
 * `fleetmap --help` should not wait for them. Commands return their exit code.
 */
const COMMANDS: Record<string, { usage: string; load: () => Promise<Run> }> = {
  serve: { usage: SERVE_USAGE, load: () => import('./cli/serve').then((m) => m.runServe) },
  snapshot: { usage: SNAPSHOT_USAGE, load: () => import('./cli/export').then((m) => m.runSnapshot) },
  export: { usage: EXPORT_USAGE, load: () => import('./cli/export').then((m) => m.runExport) },
  diff: { usage: DIFF_USAGE, load: () => import('./cli/diff').then((m) => m.runDiff) },
  'fake-aws': { usage: FAKE_USAGE, load: () => import('./cli/fakeAws').then((m) => m.runFakeAws) },
};

/** `-h` or `--help` anywhere among a command's options, read as the command's own parser would read it. */
function asksForHelp(args: string[]): boolean {
  return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, strict: false, allowPositionals: true }).values.help === true;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === undefined) {
      console.log(USAGE);
      return 0;
    }
    const cmd = COMMANDS[command];
    if (!cmd) throw new UsageError(`Unknown command "${command}".`);
    if (asksForHelp(rest)) {
      console.log(cmd.usage);
      return 0;
    }
    return (await (await cmd.load())(rest)) ?? 0;
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      const usage = (command && COMMANDS[command]?.usage) ?? USAGE;
      console.error(
        `fleetmap: ${e.message}\n\n${usage.split('\n')[0] ?? ''}\nRun "fleetmap ${command && COMMANDS[command] ? `${command} ` : ''}--help" for every option.`,
      );
      return 2;
    }
    console.error(`fleetmap: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    () => process.exit(1),
  );
}
