import ts from 'typescript';

/** A piece of user-visible text that does not go through the translator. */
export type Finding = { file: string; line: number; text: string };

export type Scan = { untranslated: Finding[]; ids: string[] };

/** JSX props whose text a user reads or hears (screen readers read aria-label, title, alt). */
const TEXT_PROPS = /^(aria-label|aria-description|aria-roledescription|aria-valuetext|aria-placeholder|title|placeholder|alt|label|[a-z]+Label|[a-z]+Title|heading|hint|description|emptyText)$/;
/** Properties of label tables in .ts files (widget settings) whose text the dialogs show. */
const TABLE_PROPS = /^(label|help)$/;
/** Functions that take a message id as their first argument (app/i18n/i18n.ts). */
const TRANSLATORS = new Set(['t', 'msg']);
/** Text that needs no translation: product and protocol names, units, symbols. */
export const ALLOWED = new Set(['Sightglass', 'Sparkplug', 'MQTT', 'QoS', 'JSON', 'CSV', 'ms', 's', 'B', 'KiB', 'MiB', 'kB', '/s', 'msg/s', 'msgs/s', 'bytes/s', 'x', 'OK']);

/** One word shaped like a topic, URL, host name or code identifier (placeholders such as `plant/+/temp`). */
const looksLikeIdentifier = (text: string): boolean =>
  /^\S+$/.test(text) && (/[/:@#+]/.test(text) || /\w\.\w/.test(text) || /\w-\w.*\d/.test(text) || /^[A-Z][a-z]+[A-Z]/.test(text));

const needsTranslation = (text: string): boolean => {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (looksLikeIdentifier(trimmed)) return false;
  // a number with a unit (1h, 250 ms) reads the same in every language
  return /\p{L}/u.test(trimmed) && !ALLOWED.has(trimmed) && !/^[\d.]+\s?[a-zA-Z]{1,3}$/.test(trimmed);
};

/**
 * Finds user-visible literal text in a .tsx source that bypasses the translator (JSX text,
 * string literals shown as JSX children or in text props), and the message ids passed to
 * `t()` / `msg()`. Used by catalogue.test.ts.
 */
export function scanSource(file: string, text: string): Scan {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const untranslated: Finding[] = [];
  const ids: string[] = [];
  const report = (node: ts.Node, value: string) => {
    if (!needsTranslation(value)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    untranslated.push({ file, line, text: value.replace(/\s+/g, ' ').trim() });
  };
  // A literal that ends up as text: itself, or either branch of `a ? 'x' : 'y'` / `a && 'x'`.
  const shown = (expr: ts.Expression | undefined): void => {
    if (!expr) return;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) report(expr, expr.text);
    else if (ts.isTemplateExpression(expr)) report(expr, [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(' '));
    else if (ts.isConditionalExpression(expr)) {
      shown(expr.whenTrue);
      shown(expr.whenFalse);
    }
    else if (ts.isBinaryExpression(expr) && (expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || expr.operatorToken.kind === ts.SyntaxKind.BarBarToken || expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) shown(expr.right);
    else if (ts.isParenthesizedExpression(expr)) shown(expr.expression);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && TRANSLATORS.has(node.expression.text)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) ids.push(first.text);
      node.arguments.slice(1).forEach(visit);
      return;
    }
    if (ts.isJsxText(node)) report(node, node.text);
    // Tables of labels defined once and shown later (widget settings): `label: msg('Unit')`.
    else if (!file.endsWith('.tsx') && ts.isPropertyAssignment(node) && TABLE_PROPS.test(node.name.getText(source))) shown(node.initializer);
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) shown(node.expression);
    else if (ts.isJsxAttribute(node) && TEXT_PROPS.test(node.name.getText(source)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer)) shown(node.initializer.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { untranslated, ids };
}

/** The `{name}` arguments of an ICU message, sorted: a translation must use the same ones. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([\w]+)\s*[,}]/g)].map((m) => m[1]))].sort();
}
