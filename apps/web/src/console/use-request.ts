import { useCallback, useEffect, useRef, useState } from 'react';
import { apiErrorMessage } from '../api/error-messages.ts';

/** The server's refusal in the console's language (its English sentence for codes not translated). */
export const errorMessage = apiErrorMessage;

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
}

/**
 * A GET the console shows, optionally re-asked every `pollMs` (counts that the server keeps,
 * such as drafts and votes, reach no shared document the console could observe).
 */
export function useRequest<T>(load: () => Promise<T>, pollMs = 0, enabled = true): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const live = useRef(true);
  // Set on every mount, not only at creation: StrictMode (development) mounts, unmounts and
  // mounts again, and a flag left false would drop every answer.
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const d = await loadRef.current();
      if (!live.current) return;
      setData(d);
      setError(null);
    } catch (err) {
      if (live.current) setError(errorMessage(err));
    } finally {
      if (live.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    void reload();
    if (!pollMs) return;
    const id = setInterval(() => void reload(), pollMs);
    return () => clearInterval(id);
  }, [reload, pollMs, enabled]);

  return { data, error, loading, reload };
}
