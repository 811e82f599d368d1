/**
 * Security headers on every answer, set by helmet. The content security policy fits the built
 * client: its scripts, styles, fonts and images come from the server itself (the favicon is a
 * `data:` URL); it connects only to its own origin (HTTP and the collaboration WebSocket, which
 * `'self'` covers as ws:/wss:); no inline script or style (the client styles elements through
 * the CSSOM, as ProseMirror and React do, which the policy does not restrict); nothing may frame
 * it, and no referrer leaves it.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The middleware. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Browsers heed it only over https; subdomains are left to their own servers.
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}
