/** The grace period as a whole number of days from 0 to 30, or null when the text is not one. */
export function validateGraceDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days <= 30 ? days : null;
}
