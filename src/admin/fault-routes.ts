import type { FastifyInstance } from 'fastify';
import type { Services } from '../api/context.js';
import { FaultRefused, injectFault } from '../contact/contact-fault.js';
import { FAULT_STATUSES, type FaultStatus } from '../contact/contact-record.js';
import { keyIdAsAccount, scopeQueryProblem, signedScope, signedScopeConflict, type AccountOfKey } from '../protocol/identity.js';
import type { Scope } from '../store/resources.js';
import { jsonBody, refuse } from './admin-http.js';

export interface FaultRouteOptions {
  services: Services;
  defaultScope: Scope;
  accountOf?: AccountOfKey;
  /** Runs the change as one durable unit of work, as API operations are run. */
  transaction<T>(work: () => T): Promise<T>;
}

const USAGE = `The body must be JSON: {"status": ${FAULT_STATUSES.map((s) => `"${s}"`).join(' | ')}, "errorMessage"?: string}`;

/**
 * POST /_local/contacts/{contactId}/fault: ends a non-terminal contact in FAILED, AWS_FAILED or
 * AWS_CANCELLED (SEMANTICS §2.1). The contact is looked up as the API would for the request's
 * SigV4 credentials; `?account=` and `?region=` name them for unsigned callers. A signed caller's
 * identity wins: naming another account or region is refused (403).
 */
export function registerFaultRoutes(app: FastifyInstance, options: FaultRouteOptions): void {
  app.post<{ Params: { contactId: string }; Querystring: { account?: string; region?: string } }>(
    '/_local/contacts/:contactId/fault',
    async (request, reply) => {
      const problem = scopeQueryProblem(request.query);
      if (problem) return refuse(reply, 400, problem);
      const signed = signedScope(request.headers.authorization, options.defaultScope, options.accountOf ?? keyIdAsAccount);
      const conflict = signed && signedScopeConflict(signed, request.query);
      if (conflict) return refuse(reply, 403, conflict);
      const { account, region } = request.query;
      const scope = signed ?? { account: account ?? options.defaultScope.account, region: region ?? options.defaultScope.region };

      const body = jsonBody(request);
      if (!body) return refuse(reply, 400, USAGE);
      const { status, errorMessage } = (typeof body.value === 'object' && body.value !== null ? body.value : {}) as Record<string, unknown>;
      if (!FAULT_STATUSES.includes(status as FaultStatus)) return refuse(reply, 400, `status must be one of ${FAULT_STATUSES.join(', ')}, not ${JSON.stringify(status)}`);
      if (errorMessage !== undefined && (typeof errorMessage !== 'string' || errorMessage === '')) {
        return refuse(reply, 400, 'errorMessage, when given, must be a non-empty string');
      }
      try {
        return await options.transaction(() => injectFault(options.services, scope, request.params.contactId, status as FaultStatus, errorMessage));
      } catch (error) {
        if (error instanceof FaultRefused) return refuse(reply, error.statusCode, error.message);
        throw error;
      }
    },
  );
}
