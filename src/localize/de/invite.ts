import { str } from '@lit/localize';

// Translations of the 'invite.' ids.
export default {
  // (entries)
} satisfies Record<string, string | ReturnType<typeof str>>;
