// Requests refused before GraphQL sees them (the body cannot be read, decoded or parsed), answered the
// way the GraphQL-over-HTTP spec asks: a 4xx status, a GraphQL-shaped body with a stable code and a
// message a person can act on, and a warn-level log line without a stack, since the fault is the client's.
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

export const APPLICATION_JSON = 'application/json; charset=utf-8';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/** The body limits, for the message that names them (set in server/app.ts). */
export interface BodyLimits {
  small: string;
  upload: string;
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function mediaRanges(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part, order) => {
    const [range = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = range.split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q, order }] : [];
  });
}

/** How well one range matches `type/subtype`: 2 exactly, 1 by its type, 0 as any type, -1 not at all. */
function specificity(range: MediaRange, type: string, subtype: string): number {
  if (range.type === type && range.subtype === subtype) return 2;
  if (range.type === type && range.subtype === '*') return 1;
  if (range.type === '*' && range.subtype === '*') return 0;
  return -1;
}

/**
 * Which of the two GraphQL response types the Accept header prefers, ranked as Apollo's negotiator
 * ranks them (quality, then the more specific range, then the earlier range, then application/json),
 * so our status and Apollo's content type agree. No header means application/json (the spec's
 * advice during its watershed); null when the client accepts neither.
 */
export type ResponseType = typeof APPLICATION_JSON | typeof GRAPHQL_RESPONSE_JSON;

export function preferredResponseType(accept: string | undefined | null): ResponseType | null {
  if (!accept?.trim()) return APPLICATION_JSON;
  const ranges = mediaRanges(accept);
  const candidates: { media: ResponseType; subtype: string }[] = [
    { media: APPLICATION_JSON, subtype: 'json' },
    { media: GRAPHQL_RESPONSE_JSON, subtype: 'graphql-response+json' },
  ];
  const ranked = candidates.flatMap(({ media, subtype }, index) => {
    let best: { q: number; s: number; order: number } | undefined;
    for (const range of ranges) {
      const s = specificity(range, 'application', subtype);
      if (s > (best?.s ?? -1)) best = { q: range.q, s, order: range.order };
    }
    return best && best.q > 0 ? [{ media, index, ...best }] : [];
  });
  ranked.sort((a, b) => b.q - a.q || b.s - a.s || a.order - b.order || a.index - b.index);
  return ranked[0]?.media ?? null;
}

/** What a body-parser (or other HTTP-level) error means for the client, or null for our own fault. */
export interface Refusal {
  status: number;
  /** Stable, under extensions.reason; extensions.code is BAD_USER_INPUT like every other client error. */
  reason: string;
  message: string;
}

/** The fields body-parser and raw-body (through http-errors) put on what they pass to `next`. */
export interface HttpLevelError extends Error {
  status?: number;
  type?: string;
  code?: string;
  charset?: string;
  encoding?: string;
}

const SEND_UTF8 = 'Send the body as UTF-8 JSON with Content-Type: application/json.';

export function refusalFor(error: HttpLevelError, limits: BodyLimits): Refusal | null {
  switch (error.type) {
    case 'entity.too.large':
      return {
        status: 413,
        reason: 'REQUEST_TOO_LARGE',
        message: `The request is larger than ${limits.small} (${limits.upload} for a signed-in counsellor's import). Send a smaller query, sign in to import, or split the import into smaller files.`,
      };
    case 'entity.parse.failed':
      return {
        status: 400,
        reason: 'BODY_NOT_JSON',
        message: `The request body is not valid JSON. ${SEND_UTF8}`,
      };
    case 'charset.unsupported':
      return {
        status: 415,
        reason: 'CHARSET_UNSUPPORTED',
        message: `The charset "${error.charset ?? 'given'}" is not supported. ${SEND_UTF8}`,
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        reason: 'CONTENT_ENCODING_UNSUPPORTED',
        message: `The Content-Encoding "${error.encoding ?? 'given'}" is not supported. Send the body uncompressed, or as gzip, deflate or br.`,
      };
    case 'request.aborted':
      return {
        status: 400,
        reason: 'REQUEST_ABORTED',
        message: 'The connection closed before the whole request body arrived. Send the request again.',
      };
    case 'request.size.invalid':
      return {
        status: 400,
        reason: 'BODY_LENGTH_MISMATCH',
        message: 'The request body is not as long as its Content-Length says. Send the request again.',
      };
  }
  const status = error.status ?? 500;
  if (status < 400 || status >= 500) return null;
  // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR…), which body-parser passes on as 400 without a type.
  if (error.code?.startsWith('Z_')) {
    return {
      status: 400,
      reason: 'BODY_NOT_DECODABLE',
      message:
        'The request body could not be decompressed as its Content-Encoding says. Send it uncompressed, or compress it with that encoding.',
    };
  }
  // Another 4xx from Express or its middleware (a path that does not decode, say): still the client's.
  return {
    status,
    reason: 'BAD_REQUEST',
    message: 'The request could not be read. Check its URL, headers and body, and send it again.',
  };
}

/** Express's last handler: a client's fault is a 4xx in GraphQL's shape, anything else a bare 500. */
export function httpErrorHandler(logger: Logger, limits: BodyLimits): ErrorRequestHandler {
  return (error: HttpLevelError, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const contentType = preferredResponseType(req.headers.accept) ?? APPLICATION_JSON;
    const refusal = refusalFor(error, limits);
    if (refusal) {
      // Not the error's message: JSON.parse quotes the body it choked on, and a body can hold a password.
      logger.warn(
        { requestId, type: error.type ?? refusal.reason, status: refusal.status },
        'refused a malformed request',
      );
      res
        .status(refusal.status)
        .type(contentType)
        .send(
          JSON.stringify({
            errors: [
              {
                message: refusal.message,
                extensions: { code: 'BAD_USER_INPUT', reason: refusal.reason, requestId },
              },
            ],
          }),
        );
      return;
    }
    logger.error({ err: error, requestId }, 'unhandled HTTP error');
    res
      .status(500)
      .type(contentType)
      .send(
        JSON.stringify({
          errors: [
            {
              message:
                'Something went wrong on our side. Try again; if it keeps happening, report it with the request id.',
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
            },
          ],
        }),
      );
  };
}
