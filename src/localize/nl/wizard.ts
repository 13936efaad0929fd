import { str } from '@lit/localize';

// Translations of the 'wizard.' ids.
export default {
  // (entries)
} satisfies Record<string, string | ReturnType<typeof str>>;
