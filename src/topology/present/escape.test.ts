import { describe, expect, it } from 'vitest';
import { mermaidComment, mermaidText, xmlAttr, xmlText } from './escape';

describe('the one escaping helper', () => {
  it('escapes XML markup and drops what XML 1.0 cannot hold', () => {
    expect(xmlText(`a<b>&"c'\u0001\uFFFE`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(xmlAttr('one\ntwo\tthree')).toBe('one&#10;two&#9;three');
  });

  it('keeps Mermaid labels inside their node and comments on one line', () => {
    expect(mermaidText('a"b[c]%%{init}%%\nd')).toBe('a#quot;b#91;c#93;#37;#37;#123;init#125;#37;#37;<br/>d');
    expect(mermaidComment('x\ny')).toBe('x y');
  });
});
