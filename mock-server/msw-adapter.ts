import type {
  NextFunction,
  Request as ExpressRequest,
  RequestHandler as ExpressHandler,
  Response as ExpressResponse,
} from 'express';
import { getResponse, type RequestHandler } from 'msw';

export class PayloadTooLargeError extends Error {}

/**
 * Runs MSW request handlers inside Express. Written over msw's public `getResponse` instead of
 * @mswjs/http-middleware, whose process-wide cookie store leaks one client's cookies into another's requests.
 */
export function mswMiddleware(
  handlers: RequestHandler[],
  { bodyLimitBytes }: { bodyLimitBytes: number },
): ExpressHandler {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(new URL(req.originalUrl, origin), {
        method: req.method,
        headers: toHeaders(req.headers),
        body: hasBody ? await readBody(req, bodyLimitBytes) : null,
      });
      const response = await getResponse(handlers, request, { baseUrl: origin });
      if (!response) {
        next();
        return;
      }
      res.status(response.status);
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') res.setHeader(name, value);
      });
      for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  };
}

function toHeaders(incoming: ExpressRequest['headers']): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}

async function readBody(req: ExpressRequest, limit: number): Promise<Blob> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new PayloadTooLargeError();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new PayloadTooLargeError();
    chunks.push(new Uint8Array(chunk));
  }
  return new Blob(chunks);
}
