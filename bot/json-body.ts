import { gunzipSync, inflateSync } from 'node:zlib';
import type restify from 'restify';

// Reads JSON request bodies with one size limit that holds for what is parsed, not only
// for what arrives: a compressed body is inflated with the same cap, so a small gzip
// body can never expand into hundreds of megabytes before anything has been checked.
// restify's own body parser counts only the compressed bytes.

export interface JsonBodyOptions {
  /** The most bytes read from the wire, and the most bytes a compressed body may inflate to */
  maxBytes: number;
}

type Refusal = { status: 400 | 413 | 415; code: string; message: string };
type Read<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (refusal: Refusal): Read<never> => ({ ok: false, refusal });

function refuse(res: restify.Response, r: Refusal): void {
  res.send(r.status, { error: { code: r.code, message: r.message } });
}

const tooLarge = (max: number): Refusal => ({
  status: 413,
  code: 'PayloadTooLarge',
  message: `The body may be at most ${max} bytes, also after decompression.`,
});

function decode(raw: Buffer, encoding: string, max: number): Read<Buffer> {
  if (encoding === '' || encoding === 'identity') return ok(raw);
  if (encoding !== 'gzip' && encoding !== 'deflate') {
    return no({ status: 415, code: 'UnsupportedMediaType', message: 'Content-Encoding may be gzip, deflate or none.' });
  }
  try {
    // maxOutputLength stops inflating as soon as the cap is passed.
    return ok(
      encoding === 'gzip' ? gunzipSync(raw, { maxOutputLength: max }) : inflateSync(raw, { maxOutputLength: max }),
    );
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return no(tooLarge(max));
    return no({ status: 400, code: 'BadArgument', message: `The body is not valid ${encoding} data.` });
  }
}

function parse(text: Buffer, contentType: string): Read<unknown> {
  if (text.length === 0) return ok(undefined);
  if (contentType !== '' && !/^application\/([a-z.+-]*\+)?json$/.test(contentType)) {
    return no({
      status: 415,
      code: 'UnsupportedMediaType',
      message: 'The body must be JSON (Content-Type: application/json).',
    });
  }
  try {
    return ok(JSON.parse(text.toString('utf8')) as unknown);
  } catch {
    return no({ status: 400, code: 'BadArgument', message: 'The body is not valid JSON.' });
  }
}

/** Collects the raw body, stopping (and refusing) as soon as it passes the limit. */
function collect(req: restify.Request, max: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too-large' | 'aborted') => {
      req.removeAllListeners('data');
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        finish('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => finish(Buffer.concat(chunks, size)));
    req.once('error', () => finish('aborted'));
    req.once('aborted', () => finish('aborted'));
  });
}

/** A restify handler that sets `req.body` to the parsed JSON, or answers 400/413/415. */
export function jsonBody(options: JsonBodyOptions): restify.RequestHandler {
  const max = options.maxBytes;
  const refuseAndClose = (req: restify.Request, res: restify.Response, refusal: Refusal) => {
    refuse(res, refusal);
    // The rest of an oversized body is not read: the connection closes after the answer.
    res.once('finish', () => req.destroy());
  };
  const read = async (req: restify.Request, res: restify.Response): Promise<boolean> => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const raw = Number.isFinite(declared) && declared > max ? 'too-large' : await collect(req, max);
    if (raw === 'aborted') return false;
    if (raw === 'too-large') {
      refuseAndClose(req, res, tooLarge(max));
      return false;
    }
    const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
    const [contentType = ''] = (req.headers['content-type'] ?? '').split(';');
    const decoded = decode(raw, encoding, max);
    const body = decoded.ok ? parse(decoded.value, contentType.trim().toLowerCase()) : decoded;
    if (body.ok) req.body = body.value;
    else refuse(res, body.refusal);
    return body.ok;
  };
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      next();
      return;
    }
    read(req, res).then(
      (go) => next(go ? undefined : false),
      () => next(false),
    );
  };
}
