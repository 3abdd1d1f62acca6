import type { FastifyInstance } from 'fastify';
import type { Services } from '../api/context.js';
import { scopeQueryProblem } from '../protocol/identity.js';
import { refuse } from './admin-http.js';

/**
 * Forgets every resource (configs, mission profiles, endpoint groups, contacts, ephemerides, agents,
 * and their tags) of one account, or of all when none is named. The clock, the satellite catalog and
 * events already published stay: they are not any account's.
 */
export function resetAccounts(services: Services, account?: string): void {
  services.store.clear(account);
  services.contactIndex.clear(account);
  services.ephemerisSchedule.clear(account);
  services.satelliteTags.clear(account);
  services.agentHeartbeats.clear(account);
}

export interface ResetRouteOptions {
  services: Services;
  /** Runs the change as one durable unit of work, as API operations are run. */
  transaction<T>(work: () => T): Promise<T>;
}

/** POST /_local/reset[?account=ID]: lets tests isolate themselves without a restart. */
export function registerResetRoutes(app: FastifyInstance, options: ResetRouteOptions): void {
  app.post<{ Querystring: Record<string, string | undefined> }>('/_local/reset', async (request, reply) => {
    const { account, ...rest } = request.query;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) return refuse(reply, 400, `reset takes only ?account=, not ${unknown.join(', ')}`);
    const problem = scopeQueryProblem({ account });
    if (problem) return refuse(reply, 400, problem);
    await options.transaction(() => resetAccounts(options.services, account));
    return { reset: account ?? 'all' };
  });
}
