// Makes the HTTP server, binds it, and turns the common failure (port taken) into a message a person
// can act on.
import { createServer, type Server } from 'node:http';
import { StartupError } from './errors.ts';

export interface HttpTimeouts {
  /** The whole request, body included, must arrive within this. */
  requestMs: number;
  /** The request line and headers must arrive within this. */
  headersMs: number;
}

/**
 * Node's defaults (300 s for a request, 60 s for headers, checked every 30 s) let a client that sends
 * a byte now and then hold a connection for minutes; a slow-body or slow-header attack needs many
 * such connections, so each is cut off early. A 4 MB import over a slow school line still fits in 30 s.
 */
export const HTTP_TIMEOUTS: HttpTimeouts = { requestMs: 30_000, headersMs: 20_000 };

export function createHttpServer(timeouts: HttpTimeouts = HTTP_TIMEOUTS): Server {
  return createServer({
    requestTimeout: timeouts.requestMs,
    headersTimeout: timeouts.headersMs,
    // How often Node looks for connections past those limits; its 30 s default would add up to 30 s.
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${port} is already in use. Stop the program using it, or choose another port: PORT=${port + 1} npm start`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(
            `Not allowed to listen on port ${port}. Choose a port above 1023: PORT=4000 npm start`,
          ),
        );
      } else {
        reject(new StartupError(`Cannot listen on ${host}:${port}: ${error.message}`));
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
