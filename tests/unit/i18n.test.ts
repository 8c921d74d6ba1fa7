/**
 * Three languages, held together (docs/ARCHITECTURE.md, "Languages"): every catalogue has the
 * keys and substitutions of every other, none is English in disguise, and no component or page
 * guard writes a user-facing word that is not a message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import english from '../../locales/en/messages.json';
import spanish from '../../locales/es/messages.json';
import french from '../../locales/fr/messages.json';
import { fill, plural, translator, type Catalogue, type Translate } from '../../utils/i18n';
import { ordinal } from '../../utils/crisis';
import { nameList } from '../../utils/rule-budget';
import { parseHost } from '../../utils/hosts';
import { parseStoredSettings } from '../../utils/settings/schema';

const ROOT = join(import.meta.dirname, '../..');
const CATALOGUES: Record<string, Catalogue> = { en: english, es: spanish, fr: french };
const substitutions = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('the catalogues', () => {
  it('are the languages the build ships, each complete', () => {
    expect(readdirSync(join(ROOT, 'locales')).sort()).toEqual(['en', 'es', 'fr']);
    const keys = Object.keys(english).sort();
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      const own = Object.keys(catalogue).sort();
      expect(
        keys.filter((k) => !own.includes(k)),
        `${lang} lacks`,
      ).toEqual([]);
      expect(
        own.filter((k) => !keys.includes(k)),
        `${lang} has keys English lacks`,
      ).toEqual([]);
    }
  });

  it('name each key as the browser allows, and leave no message empty', () => {
    for (const [lang, catalogue] of Object.entries(CATALOGUES))
      for (const [key, { message }] of Object.entries(catalogue)) {
        expect(key, lang).toMatch(/^[A-Za-z0-9_]+$/);
        expect(message.trim(), `${lang} ${key}`).not.toBe('');
        // A lone "$" would be read as a placeholder by the browser: it is written "$$".
        expect(message.replace(/\$(\$|[1-9])/g, ''), `${lang} ${key}`).not.toContain('$');
      }
  });

  it('give every language the substitutions English has, so no name, time or count is dropped', () => {
    for (const [key, { message }] of Object.entries(english as Catalogue))
      for (const [lang, catalogue] of Object.entries(CATALOGUES))
        expect(substitutions(catalogue[key]!.message), `${lang} ${key}`).toEqual(substitutions(message));
  });

  it('pair every plural form: a key ending _one has its _other', () => {
    for (const key of Object.keys(english))
      if (key.endsWith('_one') && !key.startsWith('p_')) expect(Object.keys(english)).toContain(key.replace(/_one$/, '_other'));
  });

  /** Messages that are the same word in English: French "minute", "exceptions", "sections". */
  const COGNATES = ['fr minutes_one', 'fr minutes_other', 'fr unitMinutes', 'fr secExceptions', 'fr sections', 'fr wMinutes', 'fr wExceptions'];
  /** What reads the same in all three languages, once the substitutions and the product's name are taken out: units and punctuation. */
  const SAME_EVERYWHERE = /^(min|h|[^\p{L}])*$/u;

  it('are translated: a Spanish or French message is not the English one', () => {
    for (const lang of ['es', 'fr']) {
      const same = Object.entries(english as Catalogue)
        .filter(([key, { message }]) => CATALOGUES[lang]![key]!.message === message && !COGNATES.includes(`${lang} ${key}`))
        .filter(([, { message }]) => !SAME_EVERYWHERE.test(message.replace(/\$[1-9]|Clocked Out/g, '').replace(/\s+/g, '')))
        .map(([key]) => key);
      expect(same, `${lang} still in English`).toEqual([]);
    }
  });

  it('say each language in its own plural rules', () => {
    const tab = (catalogue: Catalogue, n: number) => plural(translator(catalogue), n, 'uncov_one', 'uncov_other');
    expect(tab(english, 0)).toBe('0 open work tabs could not be covered — reload them.');
    expect(tab(english, 1)).toBe('1 open work tab could not be covered — reload it.');
    // French counts 0 as singular, Spanish does not.
    expect(tab(french, 0)).toMatch(/^0 onglet de travail ouvert n’a pas/);
    expect(tab(spanish, 0)).toMatch(/^No se pudieron cubrir 0 pestañas/);
    expect(tab(spanish, 1)).toMatch(/^No se pudo cubrir 1 pestaña /);
  });

  it('say the settings validation in each language, the field names as in the document', () => {
    const doc = { format: 'clocked-out/settings', version: 1, week: { tue: [['25:00', '17:00']] }, exceptions: { weeklyLimit: -1 } };
    const said = (catalogue: Catalogue) => {
      const result = parseStoredSettings(translator(catalogue), doc);
      return result.ok ? [] : result.errors;
    };
    expect(said(english)).toEqual([
      'week.tue[0]: start "25:00" is not a time (HH:MM)',
      'exceptions.weeklyLimit: -1 is not a whole number of exceptions from 0 to 100',
    ]);
    expect(said(spanish)).toEqual([
      'week.tue[0]: el inicio "25:00" no es una hora (HH:MM)',
      'exceptions.weeklyLimit: -1 no es un número entero de excepciones del 0 al 100',
    ]);
    expect(said(french)).toEqual([
      'week.tue[0]: le début "25:00" n’est pas une heure (HH:MM)',
      'exceptions.weeklyLimit: -1 n’est pas un nombre entier (exceptions) de 0 à 100',
    ]);
    // Outside a parse, a host is checked in the language it is asked in.
    expect(parseHost(translator(french), 'co.uk')).toEqual({ ok: false, error: expect.stringMatching(/^est un suffixe public/) });
  });

  it('never throw when the messages are out of reach (a page guard whose extension was updated)', () => {
    const silent: Translate = () => '';
    expect(plural(silent, 2, 'uncov_one', 'uncov_other')).toBe('');
    expect(() => nameList(silent, ['A', 'B', 'C'])).not.toThrow();
    expect(() => ordinal(silent, 3)).not.toThrow();
  });

  it('fill substitutions as the browser does', () => {
    expect(fill('$1 of $2 ($$)', ['a', 3])).toBe('a of 3 ($)');
    expect(translator(spanish)('opensAgain', 'mañana a las 09:00')).toBe('Vuelve a abrir mañana a las 09:00');
  });
});

/* ---- No user-facing literal in components, pages or the page guard ---- */

/** Attributes a person reads or hears. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** A word: two letters in a row (so "·", "–", "24", "%" and "!" are not words). */
const WORD = /\p{L}{2}/u;
/** Prose in any string, even one kept in a constant: a capital and a space, or a space and closing punctuation. */
const PROSE = /^\s*\p{Lu}\p{Ll}*\s+\S|\p{L}\s+\S.*[.!?…:]\s*$/su;

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** The parts of a string or template literal a person would read (a template's text around its `${}`). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** Literals an expression shows as it is: itself, either branch of `?:`, either side of `&&`, `||`, `??`, inside parentheses. Not a call's arguments: `t('key')` shows a message. */
function shownLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return shownLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(
      node.operatorToken.kind,
    )
  )
    return [...shownLiterals(node.left), ...shownLiterals(node.right)];
  return literalText(node) === null ? [] : [node];
}

/** A call whose string arguments are no words a person reads: the message lookup, DOM queries, class lists, events. */
const NOT_WORDS = new Set([
  't',
  'plural',
  'querySelector',
  'querySelectorAll',
  'closest',
  'getElementById',
  'createElement',
  'addEventListener',
  'removeEventListener',
  'setAttribute',
  'getAttribute',
  'hasAttribute',
  'removeAttribute',
  'toggle',
  'add',
  'remove',
  'contains',
  'matches',
  'mark',
  'startsWith',
  'endsWith',
  'includes',
  'split',
  'replace',
  'join',
  'padStart',
]);

/** Every user-facing literal in one source file. */
export function literalsIn(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!WORD.test(text)) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.replace(/\s+/g, ' ').trim().slice(0, 60) });
  };
  const calleeName = (call: ts.CallExpression) => {
    const callee = call.expression;
    return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    // JSX text: <p>Loading…</p>.
    if (ts.isJsxText(node)) report(node, node.text);
    // <button aria-label="Close">, <input placeholder={'Name'} />.
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const lit of shownLiterals(init.expression)) report(lit, literalText(lit)!);
    }
    // {'Loading…'}, {busy ? 'Saving' : 'Save'} as a child of an element.
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      for (const lit of shownLiterals(node.expression)) report(lit, literalText(lit)!);
    // The page guard's DOM: textContent, aria-label and title written in plain code, and el(doc, tag, props, 'text').
    if (ts.isPropertyAssignment(node) && ['textContent', 'title', 'placeholder', 'ariaLabel'].includes(node.name.getText(sf)))
      for (const lit of shownLiterals(node.initializer)) report(lit, literalText(lit)!);
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      ['textContent', 'title', 'innerText', 'ariaLabel', 'placeholder'].includes(node.left.name.text)
    )
      for (const lit of shownLiterals(node.right)) report(lit, literalText(lit)!);
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const [first, second] = node.arguments;
      if (name === 'setAttribute' && first && second && ts.isStringLiteral(first) && SPOKEN_ATTRIBUTES.has(first.text))
        for (const lit of shownLiterals(second)) report(lit, literalText(lit)!);
      // A state setter or a shown value: setStatus('Saved'), setError(`Could not ${x}`), append('text'),
      // el(doc, tag, props, ...children) (the page guard's panel; its tag is no word).
      const shown =
        name === 'el' ? node.arguments.slice(3) : !NOT_WORDS.has(name) && /^set[A-Z]|^(append|prepend|replaceChildren)$/.test(name) ? node.arguments : [];
      // A lower-case token (`setDone('started')`, `setFocus('add-range')`) is a state, not words.
      for (const arg of shown) for (const lit of shownLiterals(arg)) if (!/^[a-z][a-z0-9-]*$/.test(literalText(lit)!)) report(lit, literalText(lit)!);
      if (NOT_WORDS.has(name) || name === 'el') {
        for (const arg of node.arguments) if (literalText(arg) === null) visit(arg);
        return;
      }
    }
    // Prose anywhere else (a constant, a return value, an error): words with spaces and a capital or closing punctuation.
    const text = literalText(node);
    if (text !== null && PROSE.test(text) && !ts.isJsxAttribute(node.parent) && !(ts.isJsxExpression(node.parent) && ts.isJsxAttribute(node.parent.parent)))
      report(node, text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // One finding per literal.
  return found.filter((f, i) => found.findIndex((g) => g.line === f.line && g.text === f.text) === i);
}

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => ext.test(path))
    .map((path) => join(dir, path));
}

/** What renders words: the shared components, the pages and the page guard. */
const RENDERERS = [
  ...sources('components', /\.tsx?$/),
  ...['popup', 'blocked', 'options', 'welcome', 'access'].flatMap((page) => sources(`entrypoints/${page}`, /\.tsx?$/)),
  ...sources('entrypoints/guard', /\.ts$/),
];

/**
 * Files whose words are not messages yet: each must still hold literals (the list only shrinks),
 * and every other file none: the options page and the welcome guide, for now.
 */
const NOT_YET_TRANSLATED: readonly string[] = [];

describe('components, pages and the page guard', () => {
  it('render no literal words of their own: each is a message', () => {
    const findings = RENDERERS.filter((file) => !NOT_YET_TRANSLATED.includes(file)).flatMap((file) => literalsIn(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('list no file as not translated once it is', () => {
    for (const file of NOT_YET_TRANSLATED) expect(literalsIn(file, readFileSync(join(ROOT, file), 'utf8')), file).not.toEqual([]);
  });

  it('catch words however they are written, and let messages, symbols and numbers through', () => {
    const flagged = (source: string) => literalsIn('x.tsx', source).map((f) => f.text);
    expect(flagged('const a = <p>Loading…</p>;')).toEqual(['Loading…']);
    expect(flagged('const a = <button aria-label="Close">×</button>;')).toEqual(['Close']);
    expect(flagged("const a = <input placeholder={'Your name'} />;")).toEqual(['Your name']);
    expect(flagged("const a = <p>{busy ? 'Saving' : t('save')}</p>;")).toEqual(['Saving']);
    expect(flagged('const a = <p>{`${n} left`}</p>;')).toEqual(['left']);
    expect(flagged('setStatus(`Added ${host}.`);')).toEqual(['Added .']);
    expect(flagged("setDone('started'); setError('Saved');")).toEqual(['Saved']);
    expect(flagged("const HEADING = 'This work site is closed';")).toEqual(['This work site is closed']);
    expect(flagged("el(doc, 'h1', {}, `${name} is closed`);")).toEqual(['is closed']);
    expect(flagged("node.textContent = 'Wrap up';")).toEqual(['Wrap up']);
    expect(flagged("bar.setAttribute('aria-label', 'Clocked Out');")).toEqual(['Clocked Out']);
    // Messages, non-words and markup pass.
    expect(flagged("const a = <p class=\"status status-work\" aria-label={t('today')}>{t('loading')} · 24 {n}%</p>;")).toEqual([]);
    expect(flagged("doc.querySelector('input:checked, select, button');")).toEqual([]);
    expect(flagged('const a = <span aria-hidden="true">●</span>;')).toEqual([]);
  });
});

describe('the code', () => {
  it('asks only for keys the catalogues have', () => {
    // Typed keys catch literals at compile time; this catches keys built at run time ("d_" + weekday …).
    const code = [...RENDERERS, ...sources('utils', /\.ts$/), ...sources('entrypoints/background', /\.ts$/), ...sources('stores', /\.ts$/)]
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const keys = Object.keys(english);
    const used = (key: string) =>
      code.includes(`'${key}'`) ||
      // A key built from a prefix (`d_${weekday}`, `p_…`, plural forms `…_one` / `…_other`, ordinals).
      [...code.matchAll(/`([A-Za-z]+_?)\$\{/g)].some(([, prefix]) => key.startsWith(prefix!)) ||
      (/_(one|other|two|few)$/.test(key) && code.includes(`'${key.replace(/_(one|other|two|few)$/, '')}_`)) ||
      key === 'extName' ||
      key === 'extDesc';
    expect(keys.filter((key) => !used(key))).toEqual([]);
  });
});
