/** Waits until `predicate` holds (polling every 10 ms), or fails after `timeout` ms. */
export async function until(predicate: () => unknown, message = 'condition', timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Text of an element's shadow root (or the element), whitespace collapsed. */
export function textOf(element: Element): string {
  const root = element.shadowRoot ?? element;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}
