import type { FastifyInstance } from 'fastify';

export interface AdminOptions {
  storage: 'sqlite' | 'memory';
}

/** Control endpoints under /_local, outside the AWS API. */
export function registerAdminRoutes(app: FastifyInstance, options: AdminOptions): void {
  app.get('/_local/health', async () => ({ status: 'ok', service: 'groundstation-local', storage: options.storage }));
}
