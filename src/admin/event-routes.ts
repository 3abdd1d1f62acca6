import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../events/bus.js';
import { parseLastEventId, streamEvents } from '../events/sse.js';
import { scopeQueryProblem } from '../protocol/identity.js';
import { refuse } from './admin-http.js';

/**
 * GET /_local/events: every event, live, as server-sent events; `?account=` and `?region=` keep
 * only the events of one account or region (each account sees its own, as with EventBridge).
 */
export function registerEventRoutes(app: FastifyInstance, bus: EventBus): void {
  app.get<{ Querystring: { account?: string; region?: string } }>('/_local/events', (request, reply) => {
    const header = request.headers['last-event-id'];
    const afterSeq = parseLastEventId(Array.isArray(header) ? header[0] : header);
    if (Number.isNaN(afterSeq)) return refuse(reply, 400, `Last-Event-ID must be an event id sent by this stream, not ${String(header)}`);
    const { account, region } = request.query;
    const problem = scopeQueryProblem(request.query);
    if (problem) return refuse(reply, 400, problem);
    reply.hijack();
    streamEvents(bus, reply.raw, afterSeq, (envelope) => (account === undefined || envelope.account === account) && (region === undefined || envelope.region === region));
    return reply;
  });
}
