import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger, metrics } from '../observability/logger.js';
import { HttpError } from './errors.js';
import { baseSecurityHeaders } from './security-headers.js';

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

/** Adds the security headers without overriding what a route set on purpose. */
export function securityHeaders(
  extra: Record<string, string> = {},
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  const defaults = { ...baseSecurityHeaders, ...extra };
  const securityHeadersAfter = (request: Request) => {
    if (!request.response) return;
    request.response.headers = { ...defaults, ...(request.response.headers ?? {}) };
  };
  return { after: securityHeadersAfter, onError: securityHeadersAfter };
}

/** Tags every log line with the API Gateway request id, so one request can be followed. */
export function requestLogging(): middy.MiddlewareObj<
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2
> {
  const requestLoggingBefore = (request: Request) => {
    logger.appendKeys({ requestId: request.event.requestContext?.requestId, route: request.event.routeKey });
  };
  const requestLoggingAfter = (request: Request) => {
    const status = request.response?.statusCode ?? 200;
    logger.info('request handled', { status });
    metrics.addMetric(`Http${Math.floor(status / 100)}xx`, MetricUnit.Count, 1);
    logger.removeKeys(['requestId', 'route']);
  };
  return { before: requestLoggingBefore, after: requestLoggingAfter, onError: requestLoggingAfter };
}

/**
 * Turns errors into responses: HttpErrors as they are, anything else as a 500 that says
 * nothing about internals (the details go to the log, with the request id).
 */
export function httpErrors(
  render: (
    status: number,
    message: string,
    details: HttpError['details'],
    requestId: string,
    event: APIGatewayProxyEventV2,
    /** The error itself (pages word it in the reader's language). */
    error: unknown,
  ) => APIGatewayProxyStructuredResultV2,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  const httpErrorsOnError = (request: Request) => {
    if (request.response !== undefined && request.error === null) return;
    const error = request.error;
    const requestId = request.event.requestContext?.requestId ?? '';
    if (error instanceof HttpError) {
      if (error.statusCode >= 500) logger.error('request failed', { error });
      else logger.info('request refused', { status: error.statusCode, message: error.message });
      request.response = render(
        error.statusCode,
        error.message,
        error.details,
        requestId,
        request.event,
        error,
      );
      return;
    }
    logger.error('unhandled error', { error });
    request.response = render(500, 'Internal error', [], requestId, request.event, error);
  };
  return { onError: httpErrorsOnError };
}
