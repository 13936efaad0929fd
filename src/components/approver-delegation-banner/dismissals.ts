/** Default localStorage key of the dismissed absences. */
export const DEFAULT_STORAGE_KEY = 'hr-delegation-banner';

/** Keeps the list bounded: the oldest dismissals go first. */
const MAX_REMEMBERED = 200;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The absence ids dismissed under `key`; an unreadable entry counts as none. */
export function readDismissed(key: string, store: Storage | null = storage()): Set<string> {
  try {
    const raw = store?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Whether a `storage` event (another tab of the same origin wrote localStorage) may have changed
 * the dismissals under `key`: a write or removal of that key, or `localStorage.clear()` (key
 * `null`). Writes to sessionStorage and to other keys do not.
 */
export function touchesDismissals(event: StorageEvent, key: string, store: Storage | null = storage()): boolean {
  return store !== null && event.storageArea === store && (event.key === null || event.key === key);
}

/** True when both sets hold the same ids. */
export function sameDismissed(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

/** Remembers one more dismissed absence under `key`; returns the new set. */
export function rememberDismissed(key: string, absenceId: string, store: Storage | null = storage()): Set<string> {
  const ids = readDismissed(key, store);
  ids.delete(absenceId);
  ids.add(absenceId);
  const kept = [...ids].slice(-MAX_REMEMBERED);
  try {
    store?.setItem(key, JSON.stringify(kept));
  } catch {
    // storage full or denied: the dismissal holds until the page reloads
  }
  return new Set(kept);
}
