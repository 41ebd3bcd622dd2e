/**
 * The one place export text is escaped. Names come from AWS, Kubernetes and snapshot files, so any of them may hold
 * a control character, a newline or a format's own syntax.
 */

/**
 * What XML 1.0 cannot hold even as a character reference: control characters other than tab, LF and CR, unpaired
 * surrogates and noncharacters (U+FFFE, U+FFFF, …). One of them makes an SVG or draw.io file unreadable and resvg
 * refuse to draw the PNG. C1 controls (U+0080–U+009F), which XML allows but no name needs, go as well.
 */
const NOT_XML = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Element text (SVG <text>, <title>; HTML <title>). */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An attribute value: a raw newline or tab there is read back as a space, so they go as character references. */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/\r\n|\r|\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * Mermaid label text: "#" first (it starts Mermaid's entity codes), then quotes, markup and the characters its
 * parser treats specially as entity codes; "%" too, so no "%%{init}%%" directive can form; a newline becomes a
 * line break inside the node instead of ending the statement.
 */
export function mermaidText(text: string): string {
  return xmlSafe(text)
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[[\]{}|`%]/g, (c) => `#${c.charCodeAt(0)};`)
    .replace(/\t/g, ' ')
    .replace(/\r\n|\r|\n/g, '<br/>');
}

/** A Mermaid "%%" comment line: one line, escaped like a label, so nothing in it is read as a directive. */
export function mermaidComment(text: string): string {
  return mermaidText(text.replace(/[\r\n]+/g, ' '));
}
