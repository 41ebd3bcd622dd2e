import { useEffect, useRef, type RefObject } from 'react';

type KeyFacts = Pick<KeyboardEvent, 'key' | 'repeat' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/** Enter and Space act on a focused box as a click does; a held key or a shortcut with a modifier does not. */
export function activates(e: KeyFacts): boolean {
  return (e.key === 'Enter' || e.key === ' ') && !e.repeat && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
}

/**
 * Enter and Space on a focused box click it, so the keyboard takes the one path a click takes (select, unfold a
 * folded group). React Flow focuses its own wrapper around the box and takes no key handlers through its node
 * options, so the listener goes on that wrapper; the ref goes on the box's outer element.
 */
export function useActivateKeys<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const wrapper = ref.current?.closest<HTMLElement>('.react-flow__node');
    if (!wrapper) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== wrapper || !activates(e)) return;
      // Space would scroll the page.
      e.preventDefault();
      wrapper.click();
    };
    wrapper.addEventListener('keydown', onKey);
    return () => wrapper.removeEventListener('keydown', onKey);
  }, []);
  return ref;
}
