/** Sets the browser tab's title for the current page. */
import { useEffect } from 'react';
import { messages } from './i18n/messages.js';

/** Shows `title` (followed by the app name) in the browser tab while the calling page is shown. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? messages.documentTitle(title) : messages.appName;
  }, [title]);
}
