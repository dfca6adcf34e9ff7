import pino, { type DestinationStream, type Logger } from 'pino';

// Structured JSON logs (pino). What must never reach a log file is removed here, by
// configuration, and not by care at each call site: fields are redacted by path, and as
// a second line of defence every message and error text has personnummer, bearer tokens
// and signed links masked before it is written.

export type { Logger };

export interface LogOptions {
  level: string;
  /** Human-readable lines (pino-pretty) instead of JSON */
  pretty: boolean;
  /** Field paths whose values are never written, in pino's path syntax */
  redact: readonly string[];
  /** Where lines go; stdout when not given */
  destination?: DestinationStream;
}

/** Fields that hold who a resident is, what they said or a credential. */
export const REDACTED_FIELDS = [
  'personnummer',
  'patientId',
  'residentId',
  'token',
  'authToken',
  'reason',
  'text',
  'authorization',
  '*.personnummer',
  '*.patientId',
  '*.token',
  '*.authToken',
  '*.reason',
  '*.text',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'channelData.authToken',
  'activity.text',
  'activity.channelData',
] as const;

const PERSONNUMMER = /\b(?:19|20)?\d{6}[-+]?\d{4}\b/g;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const BEARER = /\b(Bearer\s+)[\w.~+/=-]+/gi;
const SIGNED_LINK = /([?&]t=)[^&\s"]+/g;

/** A text with personnummer, tokens and link signatures masked. */
export function scrub(text: string): string {
  return text
    .replace(JWT, '[token]')
    .replace(BEARER, '$1[token]')
    .replace(SIGNED_LINK, '$1[redacted]')
    .replace(PERSONNUMMER, '[personnummer]');
}

const scrubError = (error: unknown): unknown => {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrub(error) : error;
  const serialized = pino.stdSerializers.err(error);
  return {
    ...serialized,
    message: scrub(serialized.message),
    stack: scrub(serialized.stack),
  };
};

export function createLogger(options: LogOptions): Logger {
  const config: pino.LoggerOptions = {
    level: options.level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...options.redact], censor: '[redacted]' },
    serializers: { err: scrubError, error: scrubError },
    hooks: {
      // Messages are often built from values; mask what slipped into them.
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as typeof args;
        method.apply(this, scrubbed);
      },
    },
  };
  if (options.destination) return pino(config, options.destination);
  if (options.pretty) return pino({ ...config, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(config);
}

/** A logger that writes nothing, for tools and tests that do not look at logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });

const perRequest = new WeakMap<object, Logger>();
let fallback: Logger | undefined;

/** Gives a request its own logger (with the request id), for everything said about it. */
export function bindRequestLog(req: object, log: Logger): void {
  perRequest.set(req, log);
}

/** The logger of a request: with its id once bound, or one that writes nothing. */
export function requestLog(req: object): Logger {
  return perRequest.get(req) ?? (fallback ??= silentLogger());
}
