import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cssVariables } from '../topology/present/theme';

/** A colour written out: hex, rgb()/rgba(), hsl()/hsla(), or a named colour other than the keywords CSS needs. */
const LITERAL = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|:\s*(white|black|red|green|blue|gray|grey|orange|purple)\b/gi;

/** The app's own stylesheets, every one of them; React Flow's is a package's and keeps its own colours. */
async function sheets(): Promise<[string, string][]> {
  const SHEETS = ['src/styles.css', ...(await readdir('src/styles')).filter((f) => f.endsWith('.css')).map((f) => `src/styles/${f}`)];
  return Promise.all(SHEETS.map(async (f): Promise<[string, string]> => [f, await readFile(f, 'utf8')]));
}

describe('the stylesheets', () => {
  it('hold no literal colour: every colour is a theme token', async () => {
    for (const [file, css] of await sheets()) {
      // Comments may name a colour in words; only declarations count.
      const code = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
      const found = code.split('\n').flatMap((line, i) => (line.match(LITERAL) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
      expect(found).toEqual([]);
    }
  });

  it('read only variables the theme sets, and every token of the page is read', async () => {
    const set = new Set(cssVariables().map(([name]) => name));
    const read = new Set<string>();
    for (const [file, css] of await sheets()) {
      for (const [, name] of css.matchAll(/var\((--fm-[a-z0-9-]+)\)/g)) {
        if (!name) continue;
        read.add(name);
        expect(set.has(name), `${file} reads ${name}`).toBe(true);
      }
      // Variables the stylesheets set for themselves (a node's --svc) are not theme tokens.
      for (const [, name] of css.matchAll(/var\((--[a-z0-9-]+)\)/g)) if (name && !name.startsWith('--fm-')) expect(name).toBe('--svc');
    }
    expect(read.size).toBeGreaterThan(40);
  });
});
