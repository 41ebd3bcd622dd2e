import { useEffect, useState } from 'react';

/**
 * A message that stays `ms` after it was last said, even when the next render has nothing to say: a note about one
 * live update must not vanish at the next one a second later.
 */
export function useLingering(text: string | undefined, ms: number): string | undefined {
  const [shown, setShown] = useState<{ text: string } | undefined>(undefined);
  useEffect(() => {
    if (text !== undefined) setShown({ text });
  }, [text]);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(undefined), ms);
    return () => clearTimeout(timer);
  }, [shown, ms]);
  return shown?.text;
}
