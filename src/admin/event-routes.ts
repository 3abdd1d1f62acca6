import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../events/bus.js';
import { parseLastEventId, streamEvents } from '../events/sse.js';
import { EVERY_ACCOUNT, keyIdAsAccount, scopeQueryProblem, signedScope, signedScopeConflict, type AccountOfKey } from '../protocol/identity.js';
import type { Scope } from '../store/resources.js';
import { refuse } from './admin-http.js';

export interface EventRouteOptions {
  /** The account of unsigned callers, as for API requests. */
  defaultScope: Scope;
  accountOf?: AccountOfKey;
}

/**
 * GET /_local/events: events, live, as server-sent events. Each caller sees its own account's, as
 * with EventBridge: a signed caller those of the account it signs for (naming another is refused),
 * an unsigned one those of the default account, or of the account `?account=` names; only an
 * unsigned caller may ask for every account's, with `?account=*` (strict mode refuses unsigned
 * callers). `?region=` keeps one region's.
 */
export function registerEventRoutes(app: FastifyInstance, bus: EventBus, options: EventRouteOptions): void {
  app.get<{ Querystring: { account?: string; region?: string } }>('/_local/events', (request, reply) => {
    const header = request.headers['last-event-id'];
    const afterSeq = parseLastEventId(Array.isArray(header) ? header[0] : header);
    if (Number.isNaN(afterSeq)) return refuse(reply, 400, `Last-Event-ID must be an event id sent by this stream, not ${String(header)}`);
    const { region } = request.query;
    const problem = scopeQueryProblem(request.query, { everyAccount: true });
    if (problem) return refuse(reply, 400, problem);
    const signed = signedScope(request.headers.authorization, options.defaultScope, options.accountOf ?? keyIdAsAccount);
    const conflict = signed && signedScopeConflict(signed, request.query, { regionIsFilter: true });
    if (conflict) return refuse(reply, 403, conflict);
    const named = request.query.account ?? options.defaultScope.account;
    const account = signed ? signed.account : named === EVERY_ACCOUNT ? undefined : named;
    reply.hijack();
    streamEvents(bus, reply.raw, afterSeq, { account, region });
    return reply;
  });
}
