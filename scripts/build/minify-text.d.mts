/** Minifies one piece of CSS source text; quoted strings and comments are read as such. */
export function minifyCss(text: string): string;
/** Collapses every run of whitespace that holds a line break. */
export function collapseHtml(text: string): string;
