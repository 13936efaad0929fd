import { configureLocalization, LOCALE_STATUS_EVENT, str } from '@lit/localize';
import type { LocaleModule, LocaleStatusEventDetail, StrResult } from '@lit/localize';

export const sourceLocale = 'en';
export const targetLocales = ['de', 'nl', 'fr', 'es'] as const;
export const allLocales = [sourceLocale, ...targetLocales] as const;
export type HrLocale = (typeof allLocales)[number];

/**
 * One string for {@link setTranslations}: plain text, text with `{0}`, `{1}` … placeholders, or a
 * `str` template from `@lit/localize` with `${0}`, `${1}` ….
 */
export type HrTranslation = string | StrResult;

type Templates = Record<string, HrTranslation>;

// lit-localize never looks up templates for its source locale. So that a host can override English
// strings too, the source locale is an internal id that is never selected, and 'en' is a target with
// an empty catalog (msg() falls back to the English source text for every id it does not find).
const SOURCE = 'x-source';

// Catalogs load lazily, so a page pays only for the languages it shows.
const catalogs: Record<HrLocale, () => Promise<Templates>> = {
  en: async () => ({}),
  de: async () => (await import('./de/index.js')).templates,
  nl: async () => (await import('./nl/index.js')).templates,
  fr: async () => (await import('./fr/index.js')).templates,
  es: async () => (await import('./es/index.js')).templates,
};

/** The host's strings per locale (see setTranslations). */
const hostTemplates = new Map<HrLocale, Templates>();

/**
 * Per loaded locale, its catalog and the one templates object lit-localize reads for it: the
 * catalog with the host's strings on top, updated in place when the host changes them.
 */
const loaded = new Map<HrLocale, { catalog: Templates; live: Templates }>();

/** The locale last asked for through setLocale (it may still be loading). */
let requested: HrLocale | undefined;
let revision = 0;

function refill(locale: HrLocale): void {
  const entry = loaded.get(locale);
  if (!entry) return;
  for (const id of Object.keys(entry.live)) delete entry.live[id];
  Object.assign(entry.live, entry.catalog, hostTemplates.get(locale));
}

async function loadLocale(tag: string): Promise<LocaleModule> {
  const locale = tag as HrLocale;
  const catalog = await catalogs[locale]();
  if (!loaded.has(locale)) loaded.set(locale, { catalog, live: {} });
  refill(locale);
  return { templates: loaded.get(locale)!.live };
}

const localization = configureLocalization({
  sourceLocale: SOURCE,
  targetLocales: allLocales,
  loadLocale,
});

/** The active locale, e.g. `de`. */
export function getLocale(): HrLocale {
  const locale = localization.getLocale();
  return locale === SOURCE ? sourceLocale : (locale as HrLocale);
}

/**
 * A value that changes whenever rendered strings may change: on a locale switch and when the host
 * changes translations. Use it (not getLocale) as a `guard()` dependency around translated text.
 */
export function localeKey(): string {
  return `${getLocale()}#${revision}`;
}

/** The closest supported locale for a BCP 47 tag: `de-AT` → `de`, `fr-CA` → `fr`, `pt` → `en`. */
export function resolveLocale(tag: string | null | undefined): HrLocale {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (allLocales as readonly string[]).includes(base ?? '') ? (base as HrLocale) : sourceLocale;
}

/**
 * Sets the language of every HR element on the page (once, by the host). Accepts any BCP 47 tag
 * and falls back to English. Resolves when the translations are loaded and shown.
 */
export function setLocale(tag: string): Promise<void> {
  requested = resolveLocale(tag);
  return localization.setLocale(requested);
}

/** `'{0} of {1}'` → a `str` template with placeholders 0 and 1; text without `{n}` stays as it is. */
function withPlaceholders(text: string): HrTranslation {
  const parts = text.split(/\{(\d+)\}/);
  if (parts.length === 1) return text;
  const strings = parts.filter((_, i) => i % 2 === 0);
  const order = parts.filter((_, i) => i % 2 === 1).map(Number);
  return str(Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray, ...order);
}

/**
 * Replaces strings of the elements with the host's own, in any supported locale including English,
 * for example `setTranslations('en', { 'mapper.title': 'Team assignment' })`. Keys are the message
 * ids (see `src/localize/de/*.ts` for every id and its placeholders); a `{0}`, `{1}` … in the text
 * stands for the message's placeholders in the order of the English text (use them only in
 * messages that have placeholders). Each call replaces the host's earlier strings for that
 * locale (`{}` removes them). Applies to the current and every later load of the locale; when it is
 * the active locale, the elements re-render and the promise resolves once the strings are in use.
 */
export async function setTranslations(locale: HrLocale, templates: Readonly<Record<string, HrTranslation>>): Promise<void> {
  if (!(allLocales as readonly string[]).includes(locale)) {
    throw new RangeError(`setTranslations: unsupported locale '${locale}' (supported: ${allLocales.join(', ')})`);
  }
  hostTemplates.set(
    locale,
    Object.fromEntries(Object.entries(templates).map(([id, text]) => [id, typeof text === 'string' ? withPlaceholders(text) : text])),
  );
  revision++;
  refill(locale);
  const active = localization.getLocale();
  if (active === SOURCE) {
    // Nothing loaded yet: English shows the source text. Load 'en' so the host's strings apply,
    // unless the host already asked for a locale (its load reads the new strings when it ends).
    if (locale === sourceLocale && requested === undefined) await setLocale(sourceLocale);
    return;
  }
  if (active === locale) {
    // Same templates object, new content: tell @localized elements to render again.
    const detail: LocaleStatusEventDetail = { status: 'ready', readyLocale: locale };
    window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail }));
  }
}
