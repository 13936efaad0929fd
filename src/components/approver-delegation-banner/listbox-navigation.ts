/**
 * The option a combobox key moves to (APG combobox with a listbox popup): arrows wrap,
 * PageUp/PageDown jump by `page`. -1 means no active option. Returns null for other keys.
 */
export function nextActiveIndex(key: string, current: number, count: number, page = 10): number | null {
  if (count <= 0) return key === 'ArrowDown' || key === 'ArrowUp' ? -1 : null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'PageDown':
      return Math.min(count - 1, Math.max(current, 0) + page);
    case 'PageUp':
      return Math.max(0, current - page);
    default:
      return null;
  }
}
