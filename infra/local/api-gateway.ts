import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteSpec } from '../wiring/types.js';

export interface CompiledRoute {
  route: RouteSpec;
  routeKey: string;
  regex: RegExp;
  params: string[];
  /** Static segments win over parameters, as in API Gateway. */
  specificity: number;
}

export function compileRoute(route: RouteSpec): CompiledRoute {
  const params: string[] = [];
  let specificity = 0;
  const pattern = route.path
    .split('/')
    .map((segment) => {
      const greedy = /^\{(\w+)\+\}$/.exec(segment);
      if (greedy?.[1]) {
        params.push(greedy[1]);
        return '(.+)';
      }
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param?.[1]) {
        params.push(param[1]);
        specificity += 1;
        return '([^/]+)';
      }
      specificity += 100;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return {
    route,
    routeKey: `${route.method} ${route.path}`,
    regex: new RegExp(`^${pattern}$`),
    params,
    specificity,
  };
}

export function matchRoute(routes: CompiledRoute[], method: string, path: string) {
  let best: { compiled: CompiledRoute; pathParameters: Record<string, string> } | undefined;
  for (const compiled of routes) {
    if (compiled.route.method !== method) continue;
    const match = compiled.regex.exec(path);
    if (!match) continue;
    if (best && best.compiled.specificity >= compiled.specificity) continue;
    const pathParameters: Record<string, string> = {};
    compiled.params.forEach((name, i) => {
      pathParameters[name] = decodeURIComponent(match[i + 1] ?? '');
    });
    best = { compiled, pathParameters };
  }
  return best;
}

const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|.*\+json|.*\+xml)/i;

/** The API Gateway HTTP API (payload format 2.0) event for a request, as Lambda receives it. */
export function toApiGatewayEvent(
  request: IncomingMessage,
  body: Buffer,
  compiled: CompiledRoute,
  pathParameters: Record<string, string>,
  authorizer?: { jwt: { claims: Record<string, string>; scopes: string[] | null } },
): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', 'http://local');
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === 'cookie') continue;
    headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams)
    query[key] = query[key] === undefined ? value : `${query[key]},${value}`;
  const cookieHeader = request.headers.cookie;
  const cookies = cookieHeader
    ? cookieHeader
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean)
    : undefined;
  const contentType = headers['content-type'] ?? '';
  const isText = body.length === 0 || TEXT_TYPES.test(contentType);
  const now = new Date();
  return {
    version: '2.0',
    routeKey: compiled.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: compiled.params.length ? pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: compiled.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(authorizer ? { authorizer } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    body: body.length ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** API Gateway's reading of a Lambda result (format 2.0), including the bare-object shortcut. */
export function fromLambdaResult(result: unknown): {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
} {
  if (result && typeof result === 'object' && 'statusCode' in result) {
    const r = result as APIGatewayProxyStructuredResultV2;
    const headers: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(r.headers ?? {})) headers[key.toLowerCase()] = String(value);
    if (r.cookies?.length) headers['set-cookie'] = r.cookies;
    const body = r.body ? Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
    return { status: r.statusCode ?? 200, headers, body };
  }
  const text = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(text) };
}
