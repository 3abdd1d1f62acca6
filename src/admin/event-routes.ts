import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../events/bus.js';
import { parseLastEventId, streamEvents } from '../events/sse.js';

/** GET /_local/events: every event, live, as server-sent events. */
export function registerEventRoutes(app: FastifyInstance, bus: EventBus): void {
  app.get('/_local/events', (request, reply) => {
    const header = request.headers['last-event-id'];
    const afterSeq = parseLastEventId(Array.isArray(header) ? header[0] : header);
    if (Number.isNaN(afterSeq)) {
      return reply
        .code(400)
        .header('content-type', 'application/json')
        .send(JSON.stringify({ message: `Last-Event-ID must be an event id sent by this stream, not ${String(header)}` }));
    }
    reply.hijack();
    streamEvents(bus, reply.raw, afterSeq);
    return reply;
  });
}
