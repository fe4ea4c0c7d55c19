import { describe, expect, it } from 'vitest';
import {
  APPLICATION_JSON,
  GRAPHQL_RESPONSE_JSON,
  preferredResponseType,
  refusalFor,
  type HttpLevelError,
} from '../../server/http-errors.ts';

const limits = { small: '100kb', upload: '4mb' };
const failure = (fields: Partial<HttpLevelError>): HttpLevelError => Object.assign(new Error('x'), fields);

describe('preferredResponseType', () => {
  it('ranks by quality, then the more specific range, then the earlier one, then application/json', () => {
    expect(preferredResponseType('application/graphql-response+json, application/json;q=0.9')).toBe(
      GRAPHQL_RESPONSE_JSON,
    );
    expect(preferredResponseType('application/json, application/graphql-response+json')).toBe(
      APPLICATION_JSON,
    );
    expect(preferredResponseType('application/graphql-response+json, application/json')).toBe(
      GRAPHQL_RESPONSE_JSON,
    );
    expect(preferredResponseType('application/json;q=0.5, application/*')).toBe(GRAPHQL_RESPONSE_JSON);
    expect(preferredResponseType('*/*')).toBe(APPLICATION_JSON);
    expect(preferredResponseType('text/html, */*;q=0.1')).toBe(APPLICATION_JSON);
  });

  it('takes no header as application/json and refuses what accepts neither', () => {
    expect(preferredResponseType(undefined)).toBe(APPLICATION_JSON);
    expect(preferredResponseType('  ')).toBe(APPLICATION_JSON);
    expect(preferredResponseType('text/html')).toBeNull();
    expect(preferredResponseType('application/json;q=0, application/graphql-response+json;q=0')).toBeNull();
  });
});

describe('refusalFor', () => {
  it("gives each of body-parser's client errors its status and reason", () => {
    const cases: [Partial<HttpLevelError>, number, string][] = [
      [{ type: 'entity.too.large', status: 413 }, 413, 'REQUEST_TOO_LARGE'],
      [{ type: 'entity.parse.failed', status: 400 }, 400, 'BODY_NOT_JSON'],
      [{ type: 'charset.unsupported', status: 415, charset: 'latin1' }, 415, 'CHARSET_UNSUPPORTED'],
      [
        { type: 'encoding.unsupported', status: 415, encoding: 'compress' },
        415,
        'CONTENT_ENCODING_UNSUPPORTED',
      ],
      [{ type: 'request.aborted', status: 400 }, 400, 'REQUEST_ABORTED'],
      [{ type: 'request.size.invalid', status: 400 }, 400, 'BODY_LENGTH_MISMATCH'],
      [{ status: 400, code: 'Z_DATA_ERROR' }, 400, 'BODY_NOT_DECODABLE'],
      [{ status: 400 }, 400, 'BAD_REQUEST'],
    ];
    for (const [fields, status, reason] of cases) {
      expect(refusalFor(failure(fields), limits), JSON.stringify(fields)).toMatchObject({ status, reason });
    }
    expect(refusalFor(failure({ type: 'charset.unsupported', charset: 'latin1' }), limits)?.message).toBe(
      'The charset "latin1" is not supported. Send the body as UTF-8 JSON with Content-Type: application/json.',
    );
  });

  it('leaves our own faults (no status, a 5xx) to the 500 answer', () => {
    expect(refusalFor(failure({}), limits)).toBeNull();
    expect(refusalFor(failure({ type: 'stream.encoding.set', status: 500 }), limits)).toBeNull();
  });
});
