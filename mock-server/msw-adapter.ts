import type {
  NextFunction,
  Request as ExpressRequest,
  RequestHandler as ExpressHandler,
  Response as ExpressResponse,
} from 'express';
import { getResponse, HttpHandler, matchRequestUrl, type RequestHandler } from 'msw';

export class PayloadTooLargeError extends Error {}

/**
 * Runs MSW request handlers inside Express. Written over msw's public `getResponse` instead of
 * @mswjs/http-middleware, whose process-wide cookie store leaks one client's cookies into another's requests.
 */
export function mswMiddleware(
  handlers: RequestHandler[],
  { bodyLimitBytes }: { bodyLimitBytes: number },
): ExpressHandler {
  const candidates = candidateHandlers(handlers);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      // The Host header is the client's to say (`u:p@h`, `[::1`…); the socket's own port is not, so the URL the
      // handlers see is built on it. The test-control handlers compare the two.
      const origin = `${req.protocol}://127.0.0.1:${req.socket.localPort ?? 80}`;
      const url = new URL(origin + pathAndQuery(req.originalUrl));
      if (!decodes(url.pathname)) {
        res
          .status(400)
          .json({ error: 'The address has a broken percent-encoding (a % not followed by two hex digits).' });
        return;
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(url, {
        method: req.method,
        headers: toHeaders(req.headers),
        body: hasBody ? await readBody(req, bodyLimitBytes) : null,
      });
      const response = await getResponse(candidates(req.method, url, origin), request, { baseUrl: origin });
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

const REMEMBERED_PATHS = 1000;

/**
 * The handlers that can answer a method and path, remembered per method and path. MSW's getResponse tries every
 * handler in turn, and each try parses the cookies and matches the URL again: with the site's dozen handlers that
 * was most of an API call's cost (measured in the benchmark's mock lines). MSW still decides among the candidates,
 * with its own matching, so the answer is the one it would give with all handlers.
 */
function candidateHandlers(handlers: RequestHandler[]) {
  const remembered = new Map<string, RequestHandler[]>();
  return (method: string, url: URL, baseUrl: string): RequestHandler[] => {
    const key = `${method} ${url.pathname}`;
    let found = remembered.get(key);
    if (!found) {
      found = handlers.filter(
        (handler) => !(handler instanceof HttpHandler) || canAnswer(handler, method, url, baseUrl),
      );
      // Paths carry ids, so there is no end to them: start over rather than grow without bound.
      if (remembered.size >= REMEMBERED_PATHS) remembered.clear();
      remembered.set(key, found);
    }
    return found;
  };
}

function canAnswer(handler: HttpHandler, method: string, url: URL, baseUrl: string): boolean {
  const { method: handles, path } = handler.info;
  const methodMatches =
    handles instanceof RegExp ? handles.test(method) : handles.toUpperCase() === method.toUpperCase();
  // A custom predicate stays a candidate: only MSW can run it.
  return methodMatches && (typeof path === 'function' || matchRequestUrl(url, path, baseUrl).matches);
}

/** The path and query of a request target, also of the absolute form (`GET http://host/path`). */
function pathAndQuery(target: string): string {
  if (target.startsWith('/')) return target;
  try {
    const { pathname, search } = new URL(target);
    return pathname + search;
  } catch {
    return '/';
  }
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
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
