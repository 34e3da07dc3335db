// A TypeScript "before" transformer for the library build (rollup.config.mjs and rollup.cdn.config.mjs): it makes
// the text that no minifier touches smaller, and changes nothing a browser sees. The text rules themselves are in
// minify-text.mjs.
//
// - msg('…', { id, desc }): `desc` is a note for translators, read by `lit-localize extract` from src/. At run time
//   only `id` matters, so the built code drops `desc`.
// - css`…` and unsafeCSS(`…`): comments go, whitespace collapses, the spaces around { } ; , > and after : go,
//   and 0.5 becomes .5. Quoted strings are kept as written.
// - html`…` and svg`…`: every run of whitespace that holds a line break becomes one space, or nothing before the
//   `>` or `/>` that closes a tag. Whitespace inside a text is never removed (between inline nodes it shows).
//
// test/dist.test.ts checks the result in the browser: the built style sheets parse to the same CSSOM and give the
// same computed styles as the source ones, the built elements render the same DOM (whitespace runs aside), and
// the built strings still translate.
//
// The transform works on the raw text of each template piece (between `${…}`), so escapes such as `\u00a0` stay
// exactly as written; TypeScript cooks the new raw text itself.
import ts from 'typescript';
import { minifyCss, collapseHtml } from './minify-text.mjs';

/** The raw text of a template piece as written in the source (the parser keeps it). */
function raw(piece) {
  if (piece.rawText === undefined) throw new Error(`literals.mjs: no raw text for a template piece: ${piece.text}`);
  return piece.rawText;
}

/** The same template literal with each raw piece passed through `edit`. */
function editTemplate(factory, template, edit) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) {
    return factory.createNoSubstitutionTemplateLiteral(undefined, edit(raw(template)));
  }
  const head = factory.createTemplateHead(undefined, edit(raw(template.head)));
  const spans = template.templateSpans.map((span) => {
    const text = edit(raw(span.literal));
    const literal = ts.isTemplateTail(span.literal)
      ? factory.createTemplateTail(undefined, text)
      : factory.createTemplateMiddle(undefined, text);
    return factory.updateTemplateSpan(span, span.expression, literal);
  });
  return factory.updateTemplateExpression(template, head, spans);
}

const calleeName = (node) => (ts.isIdentifier(node) ? node.text : undefined);

/** @returns {ts.TransformerFactory<ts.SourceFile>} */
export function literalsTransformer() {
  return (context) => {
    const { factory } = context;
    const visit = (node) => {
      node = ts.visitEachChild(node, visit, context);
      if (ts.isTaggedTemplateExpression(node)) {
        const tag = calleeName(node.tag);
        const edit = tag === 'css' ? minifyCss : tag === 'html' || tag === 'svg' ? collapseHtml : undefined;
        if (edit) {
          return factory.updateTaggedTemplateExpression(
            node,
            node.tag,
            node.typeArguments,
            editTemplate(factory, node.template, edit),
          );
        }
      }
      if (ts.isCallExpression(node)) {
        const name = calleeName(node.expression);
        const [first, second, ...rest] = node.arguments;
        if (name === 'unsafeCSS' && first && ts.isNoSubstitutionTemplateLiteral(first)) {
          return factory.updateCallExpression(node, node.expression, node.typeArguments, [
            editTemplate(factory, first, minifyCss),
            ...node.arguments.slice(1),
          ]);
        }
        if (name === 'msg' && second && ts.isObjectLiteralExpression(second)) {
          const kept = second.properties.filter(
            (p) => !(p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === 'desc'),
          );
          if (kept.length !== second.properties.length) {
            return factory.updateCallExpression(node, node.expression, node.typeArguments, [
              first,
              factory.updateObjectLiteralExpression(second, kept),
              ...rest,
            ]);
          }
        }
      }
      return node;
    };
    return (sourceFile) => ts.visitNode(sourceFile, visit);
  };
}

/** The `transformers` option of @rollup/plugin-typescript. */
export const literalsTransformers = { before: [{ type: 'program', factory: () => literalsTransformer() }] };
