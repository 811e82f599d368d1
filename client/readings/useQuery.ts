/**
 * Query-string state of a page (`?mode=compilation`, `?from=…&to=…`): read from the address,
 * written back to it without a new history entry, so that a link to the page shows the same.
 */
import { useCallback, useEffect, useState } from 'react';
import { navigate } from '../routing.js';

/** The current query string and a setter that replaces it (keeping the path). */
export function useQuery(): [URLSearchParams, (params: Record<string, string>) => void] {
  const [search, setSearch] = useState(() => location.search);
  useEffect(() => {
    const reread = () => setSearch(location.search);
    window.addEventListener('popstate', reread);
    return () => window.removeEventListener('popstate', reread);
  }, []);
  const set = useCallback((params: Record<string, string>) => {
    const query = new URLSearchParams(params).toString();
    const next = query ? `?${query}` : '';
    navigate(`${location.pathname}${next}`, { replace: true });
    setSearch(next);
  }, []);
  return [new URLSearchParams(search), set];
}
