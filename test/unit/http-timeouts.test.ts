// The product's HTTP server cuts off clients that send their headers or body too slowly, instead of
// holding the connection for Node's defaults (minutes). Small limits here so the test stays short;
// the assertions are about what the server does, not how fast.
import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, HTTP_TIMEOUTS, listen } from '../../server/listen.ts';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function slowClient(send: (socket: Socket) => void): Promise<string> {
  server = createHttpServer({ requestMs: 1_500, headersMs: 1_000 });
  server.on('request', (req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  const port = await listen(server, 0, '127.0.0.1');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => send(socket));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('HTTP timeouts', () => {
  it('are at most 30 s for a request and 20 s for its headers by default', () => {
    const defaults = createHttpServer();
    expect(defaults.requestTimeout).toBe(HTTP_TIMEOUTS.requestMs);
    expect(defaults.headersTimeout).toBe(HTTP_TIMEOUTS.headersMs);
    expect(HTTP_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000);
    expect(HTTP_TIMEOUTS.headersMs).toBeLessThanOrEqual(30_000);
  });

  it('answers 408 and closes when the headers never finish', async () => {
    const answer = await slowClient((socket) => socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n'));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 15_000);

  it('answers 408 and closes when the body never finishes', async () => {
    const answer = await slowClient((socket) =>
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"query":'),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 15_000);
});
