import { configureLocalization } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';

export const sourceLocale = 'en';
export const targetLocales = ['de', 'nl'] as const;
export const allLocales = [sourceLocale, ...targetLocales] as const;
export type HrLocale = (typeof allLocales)[number];

const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  de: () => import('./de/index.js'),
  nl: () => import('./nl/index.js'),
};

const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
});

/** The active locale, e.g. `de`. */
export const getLocale = (): string => localization.getLocale();

/** The closest supported locale for a BCP 47 tag: `de-AT` → `de`, `fr` → `en`. */
export function resolveLocale(tag: string | null | undefined): HrLocale {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (allLocales as readonly string[]).includes(base ?? '') ? (base as HrLocale) : sourceLocale;
}

/**
 * Sets the language of every HR element on the page (once, by the host). Accepts any BCP 47 tag
 * and falls back to English. Resolves when the translations are loaded and shown.
 */
export function setLocale(tag: string): Promise<void> {
  return localization.setLocale(resolveLocale(tag));
}
