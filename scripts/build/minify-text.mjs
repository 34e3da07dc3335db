// The text rules of scripts/build/literals.mjs, with no dependency, so that a browser test can run them too
// (test/dist.test.ts). Each works on the raw text of one template piece (between `${…}`).

/** Minifies one piece of CSS source text; quoted strings are left alone. */
export function minifyCss(text) {
  // One pass from left to right, so that a quote inside a comment ("the page's") opens no string and "/*"
  // inside a string opens no comment. A string ends at its unescaped closing quote.
  const tokens = text.match(/\/\*[\s\S]*?(?:\*\/|$)|"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|[^"'/]+|[\s\S]/g) ?? [];
  let out = '';
  let code = '';
  const flush = () => {
    out += code
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2');
    code = '';
  };
  for (const token of tokens) {
    if (token.startsWith('/*')) code += ' ';
    else if (token.startsWith('"') || token.startsWith("'")) {
      flush();
      out += token;
    } else code += token;
  }
  flush();
  return out;
}

/** Collapses every run of whitespace that holds a line break (indentation between tags and attributes). */
export function collapseHtml(text) {
  return text.replace(/[ \t\r\n\f]*\n[ \t\r\n\f]*(\/?>)?/g, (_, end) => end ?? ' ');
}
