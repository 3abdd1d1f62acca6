import type { Clock } from '../clock/clock.js';
import type { EventPublisher } from '../events/types.js';
import type { ResourceStore, Scope } from '../store/resources.js';
import type { OperationInputs, OperationName, OperationOutputs } from './shapes.js';

/** What every operation may use; app.ts builds it once. */
export interface Services {
  store: ResourceStore;
  clock: Clock;
  events: EventPublisher;
}

export interface OperationContext extends Services {
  scope: Scope;
  requestId: string;
}

export type Handler<Op extends OperationName> = (
  input: OperationInputs[Op],
  context: OperationContext,
) => OperationOutputs[Op];

/** Every modelled operation must have a handler: the server refuses to start otherwise. */
export type HandlerMap = { [Op in OperationName]: Handler<Op> };
