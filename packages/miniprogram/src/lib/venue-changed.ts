/**
 * "This venue's public profile changed" (the person just rated it): the venue page listens and reloads, so the
 * new summary shows on return. Pages of one app share this module, on WeChat and in the browser alike.
 */
type Listener = (publicCode: string) => void;

const listeners = new Set<Listener>();

export function onVenueChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyVenueChanged(publicCode: string): void {
  for (const listener of listeners) listener(publicCode);
}
