import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody } from '../shared/sync-api/errors';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

// PostgreSQL refusing a value the request carried (22xxx data exception, 54xxx program limit):
// the request is at fault, not the server.
const isDataError = (error: unknown): boolean =>
  /^(22|54)[0-9A-Z]{3}$/.test(String((error as { code?: unknown }).code));

// 4xx bodies say what was wrong; 5xx bodies say nothing internal, and the log keeps the detail.
export const installErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .code(error.statusCode)
        .headers(error.headers)
        .send({ error: error.code, message: error.message } satisfies ErrorBody);
    }
    if (isDataError(error)) {
      return reply.code(400).send({
        error: 'bad-request',
        message:
          'The request holds a value out of the range this server can take (a number or date too large); check what was sent.',
      } satisfies ErrorBody);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send({
        error: 'too-large',
        message: `The request body is larger than this server accepts (${request.routeOptions.bodyLimit ?? 0} bytes); send fewer events per batch.`,
      } satisfies ErrorBody);
    }
    if (status >= 400 && status < 500) {
      const code =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'bad-json'
          : 'bad-request';
      return reply.code(status).send({
        error: code,
        message: `The request could not be read: ${error.message}`,
      } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({
      error: 'internal',
      message: 'The server failed to handle this request; it was logged.',
    } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: 'not-found',
      message: `There is nothing at ${request.method} ${request.url.split('?')[0]}.`,
    } satisfies ErrorBody),
  );
};
