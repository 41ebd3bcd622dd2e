import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../app';
import { int, pickSource, SOURCE_HELP, SOURCE_OPTIONS } from './sources';

export const SERVE_USAGE = `Usage: fleetmap serve [options]

Serve the map (what "npm start" runs).

${SOURCE_HELP}
  --host ADDR        Address to bind (default 127.0.0.1)
  --port N           Port (default 8080)
  -h, --help         This help`;

export async function runServe(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...SOURCE_OPTIONS,
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(SERVE_USAGE);
  const source = await pickSource(values);
  const port = int(values.port, 'port', 8080);
  const host = values.host;
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const allowedHosts = [`${host.includes(':') ? `[${host}]` : host}:${port}`, ...(loopback ? [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`] : [])];
  const staticDir = fileURLToPath(new URL('../../dist', import.meta.url));
  const app = createApp({ source, allowedHosts, staticDir });
  serve({ fetch: app.fetch, hostname: host, port }, () => {
    console.log(`Fleetmap: ${source.label} at http://${allowedHosts[0] ?? ''}/`);
  });
}
