/**
 * The base of every link the server makes (sign-in links, calendar feeds, pages named in
 * calendars): `PUBLIC_URL` when configured, else the scheme and host the request came to, as
 * a trusted proxy reports them (`TRUST_PROXY`).
 */
import type { Application, Request } from 'express';

const PUBLIC_URL = 'publicUrl';

/** Records the configured public origin on the app, for `linkBase`. */
export function setPublicUrl(app: Application, publicUrl: string | undefined): void {
  app.locals[PUBLIC_URL] = publicUrl;
}

/** `https://host[:port]` that links made for this request start with. */
export function linkBase(req: Request): string {
  const configured = req.app.locals[PUBLIC_URL] as string | undefined;
  return configured ?? `${req.protocol}://${req.host}`;
}
