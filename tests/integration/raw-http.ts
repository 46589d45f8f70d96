import { connect } from 'node:net';

/** The status line's code of a raw HTTP/1.1 exchange, or 0 when the server closed without answering. */
export interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends bytes as they are: fetch and http.request refuse a bad Host, an unknown method or a broken path, which are
 * exactly what a protocol test must send.
 */
export function rawRequest(port: number, request: string, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    // Written, not ended: a client that half-closes may see a streamed answer (a static file) cut off.
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), head, body });
    };
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', () => undefined);
  });
}

/** A request with `Connection: close`, so the answer ends with the socket. */
export function requestText(method: string, target: string, headers: [string, string][], body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
