/** Hash routes (`#/overview`, `#/venue/{id}`): the server serves one index.html at /console/. */
import { useEffect, useState } from 'react';

const read = () => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);

export function useRoute(): string[] {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const go = (path: string) => {
  location.hash = `#/${path}`;
};
