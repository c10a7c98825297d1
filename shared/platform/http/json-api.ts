import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import {
  identityFromAuthorizer,
  type OperatorIdentity,
  operatorFromAuthorizer,
  type Role,
  requireRole,
  type StaffIdentity,
} from '../identity/staff.js';
import { logger, metrics } from '../observability/logger.js';
import { forbidden, HttpError, notFound } from './errors.js';
import { httpErrors, requestLogging, securityHeaders } from './middlewares.js';
import { parseJsonBody, validate } from './request.js';

export interface JsonResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface StaffRequest<B, P, Q> {
  body: B;
  path: P;
  query: Q;
  identity: StaffIdentity;
  event: APIGatewayProxyEventV2;
  /** The invocation's Lambda context (`getRemainingTimeInMillis` bounds long work), when invoked as Lambda. */
  context?: Context;
}

export interface StaffRouteSpec<
  B extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
> {
  /** Least role allowed; defaults to `viewer` for GET and `editor` for writes. */
  role?: Role;
  body?: B;
  path?: P;
  query?: Q;
}

export type RouteHandler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<JsonResult>;

/**
 * A staff JSON route: identity from the authorizer, role check, then every part of the request
 * validated before the domain sees it, so bad input never reaches a write.
 */
export function staffRoute<
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  spec: StaffRouteSpec<B, P, Q>,
  run: (request: StaffRequest<Infer<B>, Infer<P>, Infer<Q>>) => Promise<JsonResult>,
): RouteHandler {
  return async (event, context) => {
    const identity = identityFromAuthorizer(event);
    const isRead = event.requestContext.http.method === 'GET';
    requireRole(identity, spec.role ?? (isRead ? 'viewer' : 'editor'));
    // Path ids are checked first: an unknown or malformed id is a 404, never a hint.
    const path = spec.path ? validateOr404(spec.path, event.pathParameters ?? {}) : undefined;
    const query = spec.query ? validate('query', spec.query, event.queryStringParameters ?? {}) : undefined;
    const body = spec.body ? validate('body', spec.body, parseJsonBody(event)) : undefined;
    return run({ body, path, query, identity, event, context } as StaffRequest<Infer<B>, Infer<P>, Infer<Q>>);
  };
}

/**
 * A platform operator's JSON route (what the tenants share: the account's sending health, the
 * shared dead letters). Tenant staff, whatever their role, get 403.
 */
export function operatorRoute<B extends z.ZodType | undefined = undefined>(
  spec: { body?: B },
  run: (request: {
    body: Infer<B>;
    operator: OperatorIdentity;
    event: APIGatewayProxyEventV2;
    context?: Context;
  }) => Promise<JsonResult>,
): RouteHandler {
  return async (event, context) => {
    const operator = operatorFromAuthorizer(event);
    if (!operator) {
      identityFromAuthorizer(event); // 401 when not signed in at all
      throw forbidden('This is for the platform operators');
    }
    const body = spec.body ? validate('body', spec.body, parseJsonBody(event)) : undefined;
    return run({ body: body as Infer<B>, operator, event, context });
  };
}

/** One route key served two ways: to a platform operator, and to a tenant's staff. */
export function operatorOrStaff(operator: RouteHandler, staff: RouteHandler): RouteHandler {
  return (event, context) => (operatorFromAuthorizer(event) ? operator : staff)(event, context);
}

function validateOr404<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw notFound();
  return result.data;
}

function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

export type JsonApiHandler = middy.MiddyfiedHandler<
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Error,
  Context
> & {
  /** The route keys this module serves, checked against the wiring in the tests. */
  routeKeys: string[];
};

/**
 * The middy stack for JSON APIs. One Lambda serves several routes; it dispatches on
 * `routeKey` (`GET /api/programmes/{programmeId}`), which both runtimes set.
 */
export function jsonApi(routes: Record<string, RouteHandler>): JsonApiHandler {
  const dispatch = async (
    event: APIGatewayProxyEventV2,
    context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes[event.routeKey];
    if (!route) throw new HttpError(404, 'Not found');
    const result = await route(event, context);
    return jsonResponse(result.status ?? 200, result.body, result.headers);
  };
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(requestLogging())
    .use(securityHeaders({ 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" }))
    .use(
      httpErrors((status, message, details, requestId) =>
        jsonResponse(status, { error: message, details, requestId }),
      ),
    )
    .handler(dispatch);
  return Object.assign(handler, { routeKeys: Object.keys(routes) });
}
