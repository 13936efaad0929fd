/**
 * Unsaved work that must outlive an element: a re-mount (memory) or a page reload (`local`).
 * Never put secrets here; the wizard keeps its client secret in the element alone.
 */
export class DraftStore {
  readonly #memory = new Map<string, unknown>();
  readonly #storage: Storage | null;
  readonly #prefix: string;

  constructor(options: { storage?: Storage | null; prefix?: string } = {}) {
    this.#storage = options.storage === undefined ? safeLocalStorage() : options.storage;
    this.#prefix = options.prefix ?? 'hr-connect-elements:draft:';
  }

  get<T>(key: string, options: { persist?: boolean } = {}): T | undefined {
    if (this.#memory.has(key)) return this.#memory.get(key) as T;
    if (!options.persist || !this.#storage) return undefined;
    try {
      const raw = this.#storage.getItem(this.#prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  }

  set<T>(key: string, value: T, options: { persist?: boolean } = {}): void {
    this.#memory.set(key, value);
    if (!options.persist || !this.#storage) return;
    try {
      this.#storage.setItem(this.#prefix + key, JSON.stringify(value));
    } catch {
      // storage full or denied: the memory copy still survives a re-mount
    }
  }

  delete(key: string): void {
    this.#memory.delete(key);
    try {
      this.#storage?.removeItem(this.#prefix + key);
    } catch {
      // ignore
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
