/**
 * The main heading of a page. After an in-app navigation it takes the focus, so that keyboard and
 * screen-reader users start reading the new page from its heading instead of from a link that is
 * gone; on the first page the browser's own focus order is left alone.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { navigationCount } from './routing.js';

/** Props of `PageHeading`. */
export interface PageHeadingProps {
  children: ReactNode;
  className?: string;
}

let focusedFor = 0;

/** True when a heading mounting now should take the focus. */
function shouldTakeFocus(): boolean {
  const seq = navigationCount();
  if (seq === 0) return false;
  const active = document.activeElement;
  // A new navigation, or the focused element vanished with the previous page's content.
  return seq !== focusedFor || active === null || active === document.body;
}

/** An `h1` that receives the focus when its page is reached by navigation. */
export function PageHeading({ children, className }: PageHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!shouldTakeFocus()) return;
    focusedFor = navigationCount();
    heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
