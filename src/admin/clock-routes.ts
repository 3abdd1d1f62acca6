import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock/clock.js';
import { jsonBody, refuse } from './admin-http.js';

/**
 * The emulator clock, in epoch seconds: GET reads it; POST sets, advances or changes its rate, and
 * answers once the change is stored (`saved`). Both tell when the next scheduled change of any
 * record falls due (`nextChange`), so a caller can move the clock straight to it.
 */
export function registerClockRoutes(app: FastifyInstance, clock: Clock, saved: () => Promise<void>, nextChangeMs: () => number | undefined): void {
  const state = () => {
    const next = nextChangeMs();
    return { now: clock.nowMs() / 1000, rate: clock.state().rate, ...(next !== undefined ? { nextChange: next / 1000 } : {}) };
  };

  app.get('/_local/clock', async () => state());
  app.post('/_local/clock', async (request, reply) => {
    // An empty body is an empty request (told what to give below), not malformed JSON.
    const body = (request.body as Buffer | undefined)?.length ? jsonBody(request) : { value: {} };
    if (!body) return refuse(reply, 400, 'The body must be JSON: {"set": epochSeconds} | {"advanceSeconds": n} | {"rate": r}');
    const { set, advanceSeconds, rate } = (typeof body.value === 'object' && body.value !== null ? body.value : {}) as Record<string, unknown>;
    const given = [set, advanceSeconds, rate].filter((value) => value !== undefined);
    if (given.length === 0) return refuse(reply, 400, 'Give one of set (epoch seconds), advanceSeconds or rate');
    if (given.some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
      return refuse(reply, 400, 'set, advanceSeconds and rate must be finite numbers');
    }
    try {
      if (set !== undefined) clock.set((set as number) * 1000);
      if (advanceSeconds !== undefined) clock.advance(advanceSeconds as number);
      if (rate !== undefined) clock.setRate(rate as number);
    } catch (error) {
      if (error instanceof RangeError) return refuse(reply, 400, error.message);
      throw error;
    }
    await saved();
    return state();
  });
}
