import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.ts';

export interface MockServer {
  url: string;
  close(): Promise<void>;
}

export interface StartOptions extends AppOptions {
  port?: number;
}

/** Listens on loopback only; port 0 picks a free port. */
export async function startMockServer({
  port = 0,
  ...options
}: StartOptions): Promise<MockServer & ReturnType<typeof createApp>> {
  const built = createApp(options);
  const server = built.app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
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
