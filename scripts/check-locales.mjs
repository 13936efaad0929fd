// Checks that every msg() in src/ has an explicit id and that the catalog of every LOCALES entry holds
// exactly the ids in use. Usage: node scripts/check-locales.mjs [projectRoot]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALES = ['de', 'nl', 'fr', 'es'];

const identChar = /[\w$]/;

/**
 * Walks TypeScript source and yields the text between the parentheses of every `msg(` call,
 * skipping comments, string and template contents.
 */
export function findMsgCalls(source) {
  const calls = [];
  let i = 0;

  const skipString = (quote) => {
    i++;
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') i++;
      else if (source[i] === '\n') break;
      i++;
    }
    i++;
  };

  const skipTemplate = () => {
    i++;
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') i += 2;
      else if (source[i] === '$' && source[i + 1] === '{') {
        i += 2;
        scan('}');
        i++;
      } else i++;
    }
    i++;
  };

  /** Scans code until `close` at depth 0 (or end of input); records msg( calls on the way. */
  function scan(close) {
    let depth = 0;
    while (i < source.length) {
      const c = source[i];
      if (c === '/' && source[i + 1] === '/') {
        const end = source.indexOf('\n', i);
        i = end === -1 ? source.length : end;
      } else if (c === '/' && source[i + 1] === '*') {
        const end = source.indexOf('*/', i + 2);
        i = end === -1 ? source.length : end + 2;
      } else if (c === "'" || c === '"') {
        skipString(c);
      } else if (c === '`') {
        skipTemplate();
      } else if (c === '(' || c === '[' || c === '{') {
        depth++;
        i++;
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0 && c === close) return;
        depth--;
        i++;
      } else if (
        c === 'm' &&
        source.startsWith('msg', i) &&
        !identChar.test(source[i - 1] ?? '') &&
        source[i - 1] !== '.'
      ) {
        const match = /^msg\s*\(/.exec(source.slice(i, i + 20));
        if (!match) {
          i += 3;
          continue;
        }
        const start = i;
        i += match[0].length;
        const argsStart = i;
        scan(')');
        calls.push({ index: start, args: source.slice(argsStart, i) });
        i++;
      } else {
        i++;
      }
    }
  }

  scan(null);
  return calls;
}

/** Splits an argument list at top-level commas (ignoring those inside brackets, strings, templates). */
export function splitArgs(args) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "'" || c === '"') {
      for (i++; i < args.length && args[i] !== c; i++) if (args[i] === '\\') i++;
    } else if (c === '`') {
      let nested = 0;
      for (i++; i < args.length; i++) {
        if (args[i] === '\\') i++;
        else if (args[i] === '$' && args[i + 1] === '{') nested++;
        else if (args[i] === '}' && nested > 0) nested--;
        else if (args[i] === '`' && nested === 0) break;
      }
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = args.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

function lineOf(source, index) {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function tsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f));
}

/** Catalog keys: `'some.id':` (or "some.id":) at the start of a line. */
export function catalogIds(source) {
  return [...source.matchAll(/^[ \t]*(['"])([^'"\n]+)\1[ \t]*:/gm)].map((m) => m[2]);
}

export function checkLocales(root) {
  const srcDir = join(root, 'src');
  const localizeDir = join(srcDir, 'localize');
  const catalogDirs = LOCALES.map((locale) => join(localizeDir, locale));
  const isCatalog = (file) => catalogDirs.some((dir) => file.startsWith(dir + sep));

  const problems = [];
  const used = new Map();

  for (const file of tsFiles(srcDir)) {
    if (isCatalog(file) || file.endsWith('.test.ts')) continue;
    const source = readFileSync(file, 'utf8');
    for (const call of findMsgCalls(source)) {
      const where = `${relative(root, file)}:${lineOf(source, call.index)}`;
      const [text = '', options = ''] = splitArgs(call.args);
      const id = /^\{[\s\S]*?\bid\s*:\s*(['"])([^'"\n]+)\1/.exec(options)?.[2];
      if (!id) {
        problems.push(`${where}: msg() needs an explicit { id: '…' }`);
        continue;
      }
      const normalised = text.replace(/\s+/g, ' ');
      const seen = used.get(id);
      if (seen && seen.text !== normalised) {
        problems.push(`${where}: id '${id}' is already used with another text at ${seen.where}`);
      } else if (!seen) {
        used.set(id, { text: normalised, where });
      }
    }
  }

  for (const [index, locale] of LOCALES.entries()) {
    const ids = new Map();
    for (const file of tsFiles(catalogDirs[index])) {
      const source = readFileSync(file, 'utf8');
      for (const id of catalogIds(source)) {
        if (ids.has(id)) {
          problems.push(`${locale}: '${id}' appears twice (${ids.get(id)}, ${relative(root, file)})`);
        }
        ids.set(id, relative(root, file));
      }
    }
    const missing = [...used.keys()].filter((id) => !ids.has(id)).sort();
    const unused = [...ids.keys()].filter((id) => !used.has(id)).sort();
    if (missing.length) {
      problems.push(
        `${locale}: ${missing.length} missing id(s):\n${missing.map((id) => `    ${id}  (${used.get(id).where})`).join('\n')}`,
      );
    }
    if (unused.length) {
      problems.push(
        `${locale}: ${unused.length} id(s) not used in src:\n${unused.map((id) => `    ${id}  (${ids.get(id)})`).join('\n')}`,
      );
    }
  }

  return { ids: [...used.keys()].sort(), problems };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
  const { ids, problems } = checkLocales(root);
  if (problems.length) {
    console.error(`check-locales: ${problems.length} problem(s)`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exitCode = 1;
  } else {
    console.log(`check-locales: ${ids.length} id(s), complete in ${LOCALES.slice(0, -1).join(', ')} and ${LOCALES.at(-1)}`);
  }
}
