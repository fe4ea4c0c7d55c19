// Binds the HTTP server and turns the common failure (port taken) into a message a person can act on.
import type { Server } from 'node:http';
import { StartupError } from './errors.ts';

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
