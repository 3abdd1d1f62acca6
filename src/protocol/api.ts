import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HandlerMap, OperationContext, Services } from '../api/context.js';
import type { OperationModel, ServiceModel } from '../api/model.js';
import type { OperationName } from '../api/shapes.js';
import { readOnlyServices } from '../api/read-only.js';
import { FixedNow, type UnitClock } from '../clock/clock.js';
import type { Scope } from '../store/resources.js';
import { DependencyException, ProtocolError, ServiceError } from '../api/errors.js';
import { scopeFromAuthorization, type AccountOfKey } from './identity.js';
import { coerceText, ShapeReaders, type Reader } from './input.js';
import { ShapeWriters } from './output.js';
import { RouteTable } from './routes.js';

export interface ApiOptions {
  model: ServiceModel;
  handlers: HandlerMap;
  services: Services;
  defaultScope: Scope;
  /** The account an access key signs for (a 12-digit key id is the account, when not given). */
  accountOf?: AccountOfKey;
  /**
   * Runs one operation as one unit of work: all of it is stored, or none of it; settles once durable.
   * Operations the model marks read-only run at once: they change nothing, and see only durable state.
   */
  transaction<T>(work: () => T): Promise<T>;
  /** Turns failures of the server's own dependencies into modelled errors. */
  classifyFailure(error: unknown): ServiceError | undefined;
}

interface CompiledOperation {
  name: OperationName;
  readonly: boolean;
  bind(labels: Record<string, string>, query: URLSearchParams | undefined, body: Record<string, unknown>): unknown;
  /** The output's JSON body. */
  serialize(output: unknown): string;
}

const JSON_CONTENT_TYPE = /^application\/(x-amz-json-1\.[01]|json)\s*(;|$)/i;

/** restJson1 over fastify: route, bind, validate once, invoke, serialize. Knows no operation. */
export function registerApi(app: FastifyInstance, options: ApiOptions): void {
  const { model, handlers } = options;
  const missing = Object.keys(model.operations).filter((name) => typeof (handlers as Record<string, unknown>)[name] !== 'function');
  if (missing.length > 0) throw new Error(`no handler for modelled operations: ${missing.join(', ')}`);

  const routes = new RouteTable(Object.values(model.operations));
  const readers = new ShapeReaders(model);
  const writers = new ShapeWriters(model);
  const answersThisTurn = new TurnBatch();
  const readServices = readOnlyServices(options.services);
  const compiled = new Map<OperationModel, CompiledOperation>();
  for (const operation of Object.values(model.operations)) {
    compiled.set(operation, compileOperation(model, operation, readers, writers));
  }

  // A plain (not async) handler: a read answered from memory goes out in the same tick, with no
  // promise in between; only work that waits for a commit answers from a continuation.
  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    url: '/*',
    handler: (request, reply) => {
      const { path, query } = splitUrl(request.raw.url ?? '/');
      const { operation, labels } = routes.match(request.method, path);
      const op = compiled.get(operation)!;
      const input = op.bind(labels, query, parseBody(request));
      const context = new RequestContext(
        op.readonly ? readServices : options.services,
        scopeFromAuthorization(request.headers.authorization, options.defaultScope, options.accountOf),
        request.id as string,
      );
      const handler = handlers[op.name] as (input: unknown, context: OperationContext) => unknown;
      const invoke = () => handler(input, context);
      const output = op.readonly ? invoke() : options.transaction(invoke);
      if (output instanceof Promise) {
        // Answers released by a commit already leave together, as its waiters settle. A failure of
        // the work or of its serialization reaches the error handler, as a thrown one does.
        output.then((value) => sendJson(reply, 200, op.serialize(value))).catch((error: unknown) => reply.send(error));
      } else {
        answersThisTurn.add(reply, op.serialize(output));
      }
    },
  });

  app.setNotFoundHandler((request, reply) => {
    sendError(reply, new ProtocolError(404, 'UnknownOperationException', `No operation matches ${request.method} ${request.url}`));
  });

  app.setErrorHandler((error, request, reply) => {
    const failure = toServiceError(error, options);
    // fastify closes the connection on a body over the limit while the client may still be sending
    // it, and the client then sees a broken pipe instead of the 413. Left open, node reads the rest
    // of the body and drops it (within the server's request timeout).
    if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') reply.removeHeader('connection');
    // A refusal (also one fastify made, such as an empty Content-Type) is the caller's business, not a failure.
    if (error instanceof ServiceError || failure.status < 500) request.log.debug({ reqId: request.id, code: failure.code, message: failure.message }, 'request refused');
    else request.log.error({ reqId: request.id, err: error }, 'request failed');
    sendError(reply, failure);
  });
}

/** What a handler sees: the shared services, the clock as its unit of work reads it, and who is calling. */
class RequestContext implements OperationContext {
  readonly store: Services['store'];
  readonly clock: UnitClock;
  readonly events: Services['events'];
  readonly settings: Services['settings'];
  readonly caches: Services['caches'];
  readonly satellites: Services['satellites'];
  readonly contactIndex: Services['contactIndex'];
  readonly publishedChanges: Services['publishedChanges'];
  readonly satelliteTags: Services['satelliteTags'];

  constructor(
    services: Services,
    readonly scope: Scope,
    readonly requestId: string,
  ) {
    this.store = services.store;
    this.clock = new FixedNow(services.clock);
    this.events = services.events;
    this.settings = services.settings;
    this.caches = services.caches;
    this.satellites = services.satellites;
    this.contactIndex = services.contactIndex;
    this.publishedChanges = services.publishedChanges;
    this.satelliteTags = services.satelliteTags;
  }
}

/**
 * Answers computed while the event loop works through a burst of requests are written together at
 * the end of that turn, not one by one between requests. Interleaved, every write found the client
 * asleep and paid to wake it; in a burst only the first does (the README's benchmark notes).
 */
class TurnBatch {
  private replies: FastifyReply[] = [];
  private bodies: string[] = [];

  add(reply: FastifyReply, body: string): void {
    if (this.replies.length === 0) setImmediate(() => this.flush());
    this.replies.push(reply);
    this.bodies.push(body);
  }

  private flush(): void {
    const { replies, bodies } = this;
    this.replies = [];
    this.bodies = [];
    for (let i = 0; i < replies.length; i++) sendJson(replies[i]!, 200, bodies[i]!);
  }
}

function compileOperation(
  model: ServiceModel,
  operation: OperationModel,
  readers: ShapeReaders,
  writers: ShapeWriters,
): CompiledOperation {
  const inputShape = operation.input ? model.shapes[operation.input.shape]! : undefined;
  const members = Object.entries(inputShape?.members ?? {});
  // The query string cannot tell an empty list from none, and SDKs send an empty list as nothing:
  // a required query list that may be empty (UntagResource's tagKeys) binds as [] when absent.
  const emptyWhenAbsent = new Set(
    members
      .filter(([name, ref]) => {
        const shape = model.shapes[ref.shape]!;
        return ref.location === 'querystring' && shape.type === 'list' && (shape.min ?? 0) === 0 && inputShape!.required?.includes(name);
      })
      .map(([name]) => name),
  );
  const read: Reader = operation.input ? readers.reader(operation.input.shape) : () => ({});
  const write = operation.output ? writers.writer(operation.output.shape) : () => ({});
  // A frozen output never changes (a handler returns one for a stored view), so its JSON is made once.
  const serialized = new WeakMap<object, string>();
  return {
    name: operation.name as OperationName,
    readonly: operation.readonly === true,
    bind(labels, query, body) {
      const raw: Record<string, unknown> = {};
      for (const [name, ref] of members) {
        const wireName = ref.locationName ?? name;
        if (ref.location === 'uri') {
          if (labels[wireName] !== undefined) raw[name] = coerceText(model, ref, labels[wireName]);
        } else if (ref.location === 'querystring') {
          const values = query?.getAll(wireName) ?? [];
          if (values.length > 0) raw[name] = coerceText(model, ref, values);
          else if (emptyWhenAbsent.has(name)) raw[name] = [];
        } else if (body[name] !== undefined) {
          raw[name] = body[name];
        }
      }
      return read(raw, '');
    },
    serialize(output) {
      if (typeof output !== 'object' || output === null || !Object.isFrozen(output)) return JSON.stringify(write(output ?? {}));
      let body = serialized.get(output);
      if (body === undefined) serialized.set(output, (body = JSON.stringify(write(output))));
      return body;
    },
  };
}

// The query is everything after the first '?': a later '?' is part of a value.
function splitUrl(url: string): { path: string; query: URLSearchParams | undefined } {
  const mark = url.indexOf('?');
  return mark < 0
    ? { path: url, query: undefined }
    : { path: url.slice(0, mark), query: new URLSearchParams(url.slice(mark + 1)) };
}

function parseBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body as Buffer | undefined;
  if (!body || body.length === 0) return {};
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType)) {
    throw new ProtocolError(415, 'UnsupportedMediaTypeException', `Content-Type ${contentType} is not supported; send application/json`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ProtocolError(400, 'SerializationException', 'The request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ProtocolError(400, 'SerializationException', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function toServiceError(error: unknown, options: ApiOptions): ServiceError {
  if (error instanceof ServiceError) return error;
  const classified = options.classifyFailure(error);
  if (classified) return classified;
  const code = (error as { code?: string }).code;
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new ProtocolError(413, 'RequestEntityTooLargeException', 'The request body is larger than the server accepts');
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_EMPTY_TYPE') {
    return new ProtocolError(415, 'UnsupportedMediaTypeException', 'The request has a body but no usable Content-Type; send application/json');
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return new ProtocolError(statusCode, 'BadRequestException', (error as Error).message);
  }
  // Never a bare 500: an internal failure is reported as the model's server fault.
  return new DependencyException('Ground Station Local failed internally; its log has the details');
}

/**
 * Fastify refuses some requests before any route runs (a path that is not valid percent-encoding);
 * pass this as its `frameworkErrors` option so those answers keep our wire form too.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-amzn-RequestId', request.id);
  sendError(
    reply,
    error.code === 'FST_ERR_BAD_URL'
      ? new ProtocolError(400, 'SerializationException', `Malformed percent-encoding in the request path: ${request.raw.url}`)
      : new ProtocolError(error.statusCode ?? 400, 'BadRequestException', error.message),
  );
}

/**
 * Node's HTTP parser refuses some requests before fastify sees them (a NUL in a header, both
 * Content-Length and Transfer-Encoding, headers over 16 KiB, a byte outside ASCII in the path).
 * Pass this as fastify's `clientErrorHandler`: the answer keeps our wire form (X-Amzn-ErrorType,
 * a request id, a JSON message) and closes the connection, whose framing can no longer be trusted.
 */
export function clientErrorHandler(newRequestId: () => string) {
  return (error: Error & { code?: string; reason?: string }, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) socket.write(rawErrorResponse(clientErrorOf(error), newRequestId()));
    socket.destroy(error);
  };
}

function clientErrorOf(error: Error & { code?: string; reason?: string }): ServiceError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ProtocolError(408, 'RequestTimeoutException', 'The request did not arrive in full in time');
    // Not HTTP's 431: in this API a 431 is an InvalidParameterException.
    case 'HPE_HEADER_OVERFLOW':
      return new ProtocolError(400, 'RequestHeaderFieldsTooLargeException', 'The request line and headers are larger than the 16 KiB the server reads');
    default:
      return new ProtocolError(400, 'BadRequestException', `The request is not valid HTTP/1.1: ${error.reason ?? error.message}`);
  }
}

/**
 * Answers an `Expect` header the server does not meet (anything but 100-continue, which node
 * answers itself): pass it to the node server's 'checkExpectation' event.
 */
export function refuseExpectation(newRequestId: () => string) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const error = new ProtocolError(417, 'ExpectationFailedException', `The server cannot meet Expect: ${request.headers.expect}; send no Expect header, or 100-continue`);
    response.writeHead(error.status, errorHeaders(error, newRequestId(), errorBody(error)));
    response.end(errorBody(error));
  };
}

/** A whole HTTP/1.1 error response, for a connection fastify never took over. */
function rawErrorResponse(error: ServiceError, requestId: string): string {
  const body = errorBody(error);
  const headers = Object.entries(errorHeaders(error, requestId, body)).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\n${headers.join('')}\r\n${body}`;
}

function errorHeaders(error: ServiceError, requestId: string, body: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Amzn-ErrorType': error.code,
    'x-amzn-RequestId': requestId,
    Connection: 'close',
  };
}

function errorBody(error: ServiceError): string {
  const body: Record<string, string> = { message: error.message };
  if (error.parameterName !== undefined) body.parameterName = error.parameterName;
  return JSON.stringify(body);
}

export function sendError(reply: FastifyReply, error: ServiceError): FastifyReply {
  reply.header('X-Amzn-ErrorType', error.code);
  return sendJson(reply, error.status, errorBody(error));
}

export function sendJson(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send(body);
}
