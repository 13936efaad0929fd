// Writes docs/elements.md from custom-elements.json: every element's summary, attributes,
// properties, events, parts, slots and custom properties. `--check` fails when the file is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const target = fileURLToPath(new URL('docs/elements.md', root));

const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${String(text).replace(/\s*\n\s*/g, " ")}\`` : "");

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''].join('\n');
}

const elements = manifest.modules
  .flatMap((mod) => (mod.declarations ?? []).map((d) => ({ ...d, path: mod.path })))
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const out = [
  '# Elements',
  '',
  '<!-- Generated from custom-elements.json by scripts/gen-element-docs.mjs (npm run analyze). Do not edit. -->',
  '',
  'Register one element with `import \'hr-connect-elements/define/<tag>\'`, or all with `hr-connect-elements/define/all`.',
  'Every event bubbles and is composed; 401/403 answers also fire `hr-auth-required`.',
  '',
];
for (const el of elements) {
  out.push(`## \`<${el.tagName}>\``, '', cell(el.summary ?? ''), '', el.description ? `${el.description.trim()}\n` : '');
  const attributes = (el.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), a.description]);
  out.push(attributes.length ? `**Attributes**\n\n${table(['attribute', 'property', 'type', 'default', 'description'], attributes)}` : '');
  const attributeFields = new Set((el.attributes ?? []).map((a) => a.fieldName));
  const properties = (el.members ?? [])
    .filter((m) => m.kind === 'field' && !m.static && !attributeFields.has(m.name) && m.description)
    .map((m) => [code(m.name), code(m.type?.text), m.readonly ? 'read-only' : '', m.description]);
  out.push(properties.length ? `**Properties (not attributes)**\n\n${table(['property', 'type', '', 'description'], properties)}` : '');
  const methods = (el.members ?? []).filter((m) => m.kind === 'method' && !m.static && m.description);
  out.push(methods.length ? `**Methods**\n\n${table(['method', 'description'], methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), m.description]))}` : '');
  out.push(el.events?.length ? `**Events**\n\n${table(['event', 'description'], el.events.map((e) => [code(e.name), e.description]))}` : '');
  out.push(el.cssParts?.length ? `**Parts**\n\n${table(['part', 'description'], el.cssParts.map((p) => [code(p.name), p.description]))}` : '');
  out.push(el.cssProperties?.length ? `**Custom properties**\n\n${table(['property', 'default', 'description'], el.cssProperties.map((p) => [code(p.name), code(p.default), p.description]))}` : '');
  out.push(el.slots?.length ? `**Slots**\n\n${table(['slot', 'description'], el.slots.map((s) => [s.name ? code(s.name) : '(default)', s.description]))}` : '');
}
const text = `${out.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n').trim()}\n`;

if (process.argv.includes('--check')) {
  if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
    console.error('docs/elements.md is stale: run npm run analyze');
    process.exit(1);
  }
  console.log('docs/elements.md is up to date');
} else {
  writeFileSync(target, text);
}
