import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The boundaries in .dependency-cruiser.js and src/topology/tsconfig.json, probed: each probe file breaks one rule
 * (or, where rules compose, names every rule it breaks). Probes go into a copy of the tree, so no other test that
 * lists the real one ever sees them.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tag = 'boundary-probe';
/** What the rules and the tsconfigs read; node_modules is linked, not copied. */
const TREE = ['src', 'server', 'bench', 'bin', 'e2e', 'tsconfig.json', '.dependency-cruiser.js'];

interface Probe {
  /** where it goes, relative to the repository root; `{tag}` becomes a name no real file has */
  file: string;
  source: string;
  /** every rule it must break, and no other */
  breaks: string[];
}

const at = (file: string) => file.replaceAll('{tag}', tag);

const PROBES: Probe[] = [
  // The core: nothing outside src/topology but zod, type-only imports and .tsx files included.
  { file: 'src/topology/graph/{tag}.ts', source: "import { useState } from 'react';\nexport const x = useState;", breaks: ['core-packages'] },
  { file: 'src/topology/graph/{tag}.tsx', source: "import { create } from 'zustand';\nexport const x = create;", breaks: ['core-packages'] },
  { file: 'src/topology/layout/{tag}.ts', source: "import type { Node } from '@xyflow/react';\nexport type X = Node;", breaks: ['core-packages'] },
  { file: 'src/topology/model/{tag}.ts', source: "import { createRoot } from 'react-dom/client';\nexport const x = createRoot;", breaks: ['core-packages'] },
  { file: 'src/topology/graph/{tag}-fs.ts', source: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", breaks: ['core-no-node'] },
  {
    file: 'src/topology/graph/{tag}-sdk.ts',
    source: "import { EC2Client } from '@aws-sdk/client-ec2';\nexport const x = EC2Client;",
    breaks: ['core-packages', 'aws-sdk-outside-sources'],
  },
  { file: 'src/topology/graph/{tag}-ui.ts', source: "import { useStore } from '../../app/store';\nexport const x = useStore;", breaks: ['core-imports'] },
  {
    file: 'src/topology/graph/{tag}-server.test.ts',
    source: "import type { World } from '../../../server/fake-aws/world';\nexport type X = World;",
    breaks: ['core-imports'],
  },
  { file: 'src/topology/model/{tag}-zod.ts', source: "import { z } from 'zod';\nexport const x = z.string();", breaks: [] },
  // The browser app and the exporters: the core, the app's store and their own lane, never the server or Node.
  {
    file: 'src/canvas/{tag}.ts',
    source: "import { createApp } from '../../server/app';\nexport const x = createApp;",
    breaks: ['canvas-imports', 'ui-reaches-server'],
  },
  { file: 'src/panels/{tag}.ts', source: "import { readFile } from 'node:fs/promises';\nexport const x = readFile;", breaks: ['panels-no-node'] },
  { file: 'src/canvas/{tag}-panel.ts', source: "import { Legend } from '../panels/Legend';\nexport const x = Legend;", breaks: ['canvas-imports'] },
  {
    file: 'src/canvas/{tag}-export.ts',
    source: "import { ExportMenu } from '../panels/ExportMenu';\nexport const x = ExportMenu;",
    breaks: ['canvas-imports'],
  },
  { file: 'src/panels/{tag}-canvas.ts', source: "import { Canvas } from '../canvas/Canvas';\nexport const x = Canvas;", breaks: ['panels-imports'] },
  { file: 'src/main-{tag}.ts', source: "import { spawn } from 'node:child_process';\nexport const x = spawn;", breaks: ['app-no-node'] },
  { file: 'src/app/{tag}.ts', source: "import { ECSClient } from '@aws-sdk/client-ecs';\nexport const x = ECSClient;", breaks: ['aws-sdk-outside-sources'] },
  { file: 'src/export/{tag}.ts', source: "import { Legend } from '../panels/Legend';\nexport const x = Legend;", breaks: ['export-imports'] },
  // The server: the core and the exporters, never the browser app, even through modules in between.
  { file: 'server/{tag}.ts', source: "import { useStore } from '../src/app/store';\nexport const x = useStore;", breaks: ['server-reaches-ui'] },
  {
    file: 'server/cli/{tag}.ts',
    source: "import { x } from '../../src/export/{tag}-via';\nexport const y = x;",
    breaks: ['server-reaches-ui'],
  },
  { file: 'src/export/{tag}-via.ts', source: "import { useStore } from '../app/store';\nexport const x = useStore;", breaks: ['export-imports'] },
  // Only server/sources/aws talks to AWS: not the CLI, the demo, the bench or a test elsewhere.
  {
    file: 'server/cli/{tag}-sdk.ts',
    source: "import { EKSClient } from '@aws-sdk/client-eks';\nexport const x = EKSClient;",
    breaks: ['aws-sdk-outside-sources'],
  },
  { file: 'bench/{tag}.ts', source: "import { SignatureV4 } from '@smithy/signature-v4';\nexport const x = SignatureV4;", breaks: ['aws-sdk-outside-sources'] },
  {
    file: 'server/{tag}.test.ts',
    source: "import { EC2Client } from '@aws-sdk/client-ec2';\nexport const x = EC2Client;",
    breaks: ['aws-sdk-outside-sources'],
  },
  { file: 'server/sources/aws/{tag}.ts', source: "import { EC2Client } from '@aws-sdk/client-ec2';\nexport const x = EC2Client;", breaks: [] },
  // The fake AWS keeps its own table of AWS's limits, directly or through any client module.
  {
    file: 'server/fake-aws/{tag}.ts',
    source: "import { BATCH } from '../sources/aws/limits';\nexport const x = BATCH;",
    breaks: ['fake-aws-reads-client-limits'],
  },
  {
    file: 'server/fake-aws/{tag}-via.ts',
    source: "import { createEcsReader } from '../sources/aws/ecs';\nexport const x = createEcsReader;",
    breaks: ['fake-aws-reads-client-limits'],
  },
  { file: 'server/{tag}-missing.ts', source: "import { x } from './no-such-module';\nexport const y = x;", breaks: ['not-to-unresolvable'] },
];

let copy: string;

/** The rule violations in `files`, cruised from `base` with the repository's rules and tsconfig. */
async function violations(base: string, files: string[]): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(join(base, '.dependency-cruiser.js'));
  // Paths stay as written under the copy's linked node_modules, so package rules match as in the real tree.
  const cruiseOptions: ICruiseOptions = { ...options, validate: true, baseDir: base, preserveSymlinks: true };
  const result = await cruise(files, cruiseOptions, {}, { tsConfig: extractTSConfig(join(base, 'tsconfig.json')) });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser answered text, not a result');
  return result.output.summary.violations;
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'fleetmap-boundaries-'));
  await Promise.all(TREE.map((entry) => cp(join(root, entry), join(copy, entry), { recursive: true })));
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

describe('import boundaries (dependency-cruiser)', () => {
  it('the tree as it stands breaks none', async () => {
    const found = await violations(root, ['.']);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('a probe that breaks a rule is reported under that rule, and only that rule', async () => {
    const probes = PROBES.map((p) => ({ ...p, file: at(p.file), source: at(p.source) }));
    await Promise.all(probes.map((p) => writeFile(join(copy, p.file), `${p.source}\n`, { flag: 'wx' })));
    const found = await violations(
      copy,
      probes.map((p) => p.file),
    );
    const broken = (file: string) => [...new Set(found.filter((v) => v.from === file).map((v) => v.rule.name))].sort();
    expect(Object.fromEntries(probes.map((p) => [p.file, broken(p.file)]))).toEqual(Object.fromEntries(probes.map((p) => [p.file, [...p.breaks].sort()])));
    // Nothing but the probes breaks a rule, so each violation above is the probe's own.
    expect(found.filter((v) => !v.from.includes(tag)).map((v) => `${v.rule.name}: ${v.from}`)).toEqual([]);
  });
});

describe('the core compiles on its own (src/topology/tsconfig.json)', () => {
  /** The names a file's compile cannot find under a tsconfig of the copy. */
  function missingNames(tsconfig: string, file: string): string[] {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(copy, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) throw new Error(`cannot read ${tsconfig}`);
    const program = ts.createProgram({ rootNames: [join(copy, file)], options: parsed.options });
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      .map((message) => /Cannot find name '([^']+)'/.exec(message)?.[1] ?? message)
      .sort();
  }

  it('refuses browser and Node globals that the root tsconfig allows', async () => {
    const file = `src/topology/graph/${tag}-globals.ts`;
    await writeFile(join(copy, file), 'export const globals = [document.title, window.location, process.env, Buffer.from(""), structuredClone({})];\n', {
      flag: 'wx',
    });
    expect(missingNames('src/topology/tsconfig.json', file)).toEqual(['Buffer', 'document', 'process', 'structuredClone', 'window']);
    expect(missingNames('tsconfig.json', file)).toEqual([]);
  });
});
