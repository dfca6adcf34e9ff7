import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type restify from 'restify';
import { requestLog } from './log.js';

// What every HTTP answer carries and what every client is allowed: security headers, a
// request id, and rate limits per client address (429 with Retry-After).

export interface HttpPolicyOptions {
  /** Who may show the page in a frame: the value of CSP frame-ancestors */
  frameAncestors: string;
  /** Behind a proxy that writes X-Forwarded-For, the client is its first address */
  trustProxy: boolean;
  requestsPerMinute: number;
  conversationsPerHour: number;
  /** Add Strict-Transport-Security (when served over https) */
  hsts: boolean;
}

/**
 * The page needs its own scripts and styles only; Web Chat injects style elements, so
 * inline styles are allowed, inline scripts never.
 */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export function clientAddress(req: restify.Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Seconds until the limiter lets this key through again, or undefined when it does now. */
export async function waitFor(limiter: RateLimiterMemory, key: string, points = 1): Promise<number | undefined> {
  try {
    await limiter.consume(key, points);
    return undefined;
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
    throw refused;
  }
}

export function tooMany(res: restify.Response, retryAfter: number): void {
  res.header('Retry-After', String(retryAfter));
  res.send(429, { error: { code: 'TooManyRequests', message: `Too many requests; try again in ${retryAfter} s.` } });
}

/** Not counted: the page and its assets (one visit loads several) and the health check. */
const UNCOUNTED = /^\/(?:$|assets\/|healthz$)/;

export class HttpPolicy {
  readonly conversationStarts: RateLimiterMemory;
  private readonly requests: RateLimiterMemory;
  private readonly csp: string;

  constructor(private readonly options: HttpPolicyOptions) {
    this.requests = new RateLimiterMemory({ points: options.requestsPerMinute, duration: 60 });
    this.conversationStarts = new RateLimiterMemory({ points: options.conversationsPerHour, duration: 3600 });
    this.csp = contentSecurityPolicy(options.frameAncestors);
  }

  client(req: restify.Request): string {
    return clientAddress(req, this.options.trustProxy);
  }

  /** A restify pre-handler: headers on every answer, then the client's rate limit. */
  handler(): restify.RequestHandler {
    return (req, res, next) => {
      res.header('X-Content-Type-Options', 'nosniff');
      res.header('Referrer-Policy', 'no-referrer');
      res.header('Content-Security-Policy', this.csp);
      res.header('Cross-Origin-Opener-Policy', 'same-origin');
      if (this.options.hsts) res.header('Strict-Transport-Security', 'max-age=31536000');
      if (UNCOUNTED.test(req.getPath())) {
        next();
        return;
      }
      waitFor(this.requests, this.client(req)).then(
        (retryAfter) => {
          if (retryAfter === undefined) {
            next();
            return;
          }
          requestLog(req).warn({ retryAfter }, 'client over its request limit');
          tooMany(res, retryAfter);
          next(false);
        },
        (error: unknown) => next(error as Error),
      );
    };
  }
}
