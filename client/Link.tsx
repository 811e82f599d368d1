/** An in-app link: a real `<a href>` that navigates without reloading the page. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './routing.js';

/** Props of `Link`: those of an anchor, with `href` required. */
export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A link that uses history navigation for plain left clicks and lets the browser handle the rest. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
