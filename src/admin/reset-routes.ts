import type { FastifyInstance } from 'fastify';
import type { Services } from '../api/context.js';
import { keyIdAsAccount, scopeQueryProblem, signedScope, signedScopeConflict, type AccountOfKey } from '../protocol/identity.js';
import type { Scope } from '../store/resources.js';
import { refuse } from './admin-http.js';

/**
 * Forgets every resource (configs, mission profiles, endpoint groups, contacts, ephemerides, agents,
 * and their tags) of one account, or of all when none is named. The clock, the satellite catalog and
 * events already published stay: they are not any account's.
 */
export function resetAccounts(services: Services, account?: string): void {
  services.store.clear(account);
  services.contactIndex.clear(account);
  services.publishedChanges.clear(account);
  services.satelliteTags.clear(account);
}

export interface ResetRouteOptions {
  services: Services;
  defaultScope: Scope;
  /** Who signed a request (strict mode verifies it); the key id's 12 digits otherwise. */
  accountOf?: AccountOfKey;
  /** Runs the change as one durable unit of work, as API operations are run. */
  transaction<T>(work: () => T): Promise<T>;
}

/**
 * POST /_local/reset[?account=ID]: lets tests isolate themselves without a restart. A signed caller
 * resets its own account only (naming another is refused with 403); forgetting every account is
 * for unsigned callers, as seeing every account's events is.
 */
export function registerResetRoutes(app: FastifyInstance, options: ResetRouteOptions): void {
  app.post<{ Querystring: Record<string, string | undefined> }>('/_local/reset', async (request, reply) => {
    const { account, ...rest } = request.query;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) return refuse(reply, 400, `reset takes only ?account=, not ${unknown.join(', ')}`);
    const problem = scopeQueryProblem({ account });
    if (problem) return refuse(reply, 400, problem);
    const signed = signedScope(request.headers.authorization, options.defaultScope, options.accountOf ?? keyIdAsAccount);
    const conflict = signed && signedScopeConflict(signed, { account });
    if (conflict) return refuse(reply, 403, conflict);
    const target = signed?.account ?? account;
    await options.transaction(() => resetAccounts(options.services, target));
    return { reset: target ?? 'all' };
  });
}
