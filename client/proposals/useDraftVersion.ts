/** Re-render on changes of a Y.Doc, at most once per animation frame. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** A number that changes after every change of `doc`. */
export function useDraftVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const bump = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    doc.on('update', bump);
    return () => {
      doc.off('update', bump);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return version;
}
