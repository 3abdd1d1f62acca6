import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Clock } from '../clock/clock.js';

/**
 * The emulator clock, in epoch seconds: GET reads it; POST sets, advances or changes its rate, and
 * answers once the change is stored (`saved`).
 */
export function registerClockRoutes(app: FastifyInstance, clock: Clock, saved: () => Promise<void>): void {
  const state = () => ({ now: clock.nowMs() / 1000, rate: clock.state().rate });
  const refuse = (reply: FastifyReply, message: string) => reply.code(400).send({ message });

  app.get('/_local/clock', async () => state());
  app.post('/_local/clock', async (request, reply) => {
    let body: unknown;
    try {
      const raw = request.body as Buffer | undefined;
      body = raw && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      return refuse(reply, 'The body must be JSON: {"set": epochSeconds} | {"advanceSeconds": n} | {"rate": r}');
    }
    const { set, advanceSeconds, rate } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const given = [set, advanceSeconds, rate].filter((value) => value !== undefined);
    if (given.length === 0) return refuse(reply, 'Give one of set (epoch seconds), advanceSeconds or rate');
    if (given.some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
      return refuse(reply, 'set, advanceSeconds and rate must be finite numbers');
    }
    try {
      if (set !== undefined) clock.set((set as number) * 1000);
      if (advanceSeconds !== undefined) clock.advance(advanceSeconds as number);
      if (rate !== undefined) clock.setRate(rate as number);
    } catch (error) {
      if (error instanceof RangeError) return refuse(reply, error.message);
      throw error;
    }
    await saved();
    return state();
  });
}
