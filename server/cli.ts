import { fileURLToPath } from 'node:url';
import { EXPORT_USAGE, runExport, runSnapshot, SNAPSHOT_USAGE } from './cli/export';
import { FAKE_USAGE, runFakeAws } from './cli/fakeAws';
import { SERVE_USAGE, runServe } from './cli/serve';
import { UsageError } from './cli/sources';

const USAGE = `Usage: fleetmap <command> [options]

Commands:
  serve      Serve the map (what "npm start" runs)
  snapshot   Read the estate once and save it as a JSON snapshot
  export     Write the map as SVG, PNG, draw.io, Mermaid, JSON or a single offline HTML file
  fake-aws   Run the fake AWS (ECS, EC2, ELBv2, EKS wire protocols, and each EKS cluster's Kubernetes API) on loopback

Run "fleetmap <command> --help" for the options of a command.

Exit codes: 0 done; 1 unexpected failure; 2 bad arguments; 3 partial read (output written, errors listed);
4 nothing could be read.`;

/** Commands return their exit code; `--help` of each prints its usage. */
const COMMANDS: Record<string, { run: (args: string[]) => Promise<number | void>; usage: string }> = {
  serve: { run: runServe, usage: SERVE_USAGE },
  snapshot: { run: runSnapshot, usage: SNAPSHOT_USAGE },
  export: { run: runExport, usage: EXPORT_USAGE },
  'fake-aws': { run: runFakeAws, usage: FAKE_USAGE },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === undefined) {
      console.log(USAGE);
      return 0;
    }
    const cmd = COMMANDS[command];
    if (!cmd) throw new UsageError(`Unknown command "${command}".`);
    return (await cmd.run(rest)) ?? 0;
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
