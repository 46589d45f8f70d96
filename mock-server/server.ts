import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createApp, type AppOptions } from './app.ts';

export interface MockServer {
  url: string;
  close(): Promise<void>;
}

export interface StartOptions extends AppOptions {
  port?: number;
}

export class PortTakenError extends Error {
  constructor(port: number, cause: Error) {
    super(
      `Port ${port} on 127.0.0.1 is already taken by another program: stop that program, or start the mock on another port (--port <number>, or --port 0 for any free one).`,
      { cause },
    );
    this.name = 'PortTakenError';
  }
}

/** Listens on loopback only; port 0 picks a free port. */
export async function startMockServer({
  port = 0,
  ...options
}: StartOptions): Promise<MockServer & ReturnType<typeof createApp>> {
  const built = createApp(options);
  const server = built.app.listen(port, '127.0.0.1');
  // Node hands CONNECT to this event instead of the app, and without a listener drops the connection unanswered.
  server.on('connect', (_req, socket: Duplex) => {
    socket.end(
      'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortTakenError(port, error) : error),
    );
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    ...built,
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
