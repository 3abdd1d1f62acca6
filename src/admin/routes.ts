import type { FastifyInstance } from 'fastify';

export interface AdminOptions {
  storage: 'sqlite' | 'memory';
}

export const HEALTH_ROUTE = '/_local/health';

/** Control endpoints under /_local, outside the AWS API. */
export function registerAdminRoutes(app: FastifyInstance, options: AdminOptions): void {
  // The pid tells a launcher that the answer came from the process it started, not from another on the port.
  app.get(HEALTH_ROUTE, async () => ({ status: 'ok', service: 'groundstation-local', storage: options.storage, pid: process.pid }));
}
