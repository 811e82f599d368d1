/** A failed request or action, in words, with an optional way to try again. */
import { ApiError, isRetryable } from './api.js';
import { errorMessage, messages } from './i18n/messages.js';

/** Props of `ErrorNotice`. */
export interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
}

/** The readable message for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return errorMessage(error.code);
  return messages.errors.unknown;
}

/** Announces an error, and offers a retry when trying again may help. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  return (
    <div className="notice error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && isRetryable(error) && (
        <button type="button" onClick={onRetry}>
          {messages.errors.retry}
        </button>
      )}
    </div>
  );
}
