import type { Clock, UnitClock } from '../clock/clock.js';
import type { ContactIndex } from '../contact/contact-index.js';
import type { ContactSettings } from '../contact/contact-settings.js';
import type { PassCache } from '../contact/pass-cache.js';
import type { TrajectoryCache } from '../ephemeris/trajectory-cache.js';
import type { EventPublisher } from '../events/types.js';
import type { PublishedChanges } from '../schedule/published-changes.js';
import type { SatelliteStore } from '../satellite/satellite-store.js';
import type { SatelliteTags } from '../satellite/satellite-tags.js';
import type { ResourceStore, Scope } from '../store/resources.js';
import type { OperationInputs, OperationName, OperationOutputs } from './shapes.js';

/** Settings one app was started with; another app in the same process may have others. */
export interface Settings {
  contacts: Readonly<ContactSettings>;
}

/** Computed results kept in memory, keyed by the immutable data they come from. */
export interface Caches {
  trajectories: TrajectoryCache;
  passes: PassCache;
}

/** What every operation may use; app.ts builds it once per app. */
export interface Services {
  store: ResourceStore;
  clock: Clock;
  events: EventPublisher;
  settings: Settings;
  caches: Caches;
  satellites: SatelliteStore;
  satelliteTags: SatelliteTags;
  contactIndex: ContactIndex;
  publishedChanges: PublishedChanges;
}

/** The services as one unit of work uses them: it reads now once. */
export interface WorkServices extends Omit<Services, 'clock'> {
  clock: UnitClock;
}

export interface OperationContext extends WorkServices {
  scope: Scope;
  requestId: string;
}

/**
 * One operation: a plain function of its input and context, run inside a unit of work. A write
 * handler may run again when its unit's commit is retried, so it has no effects outside the
 * database (events are written to the database too, and leave only once committed). A handler the
 * model marks readonly gets a context without write capabilities.
 */
export type Handler<Op extends OperationName> = (
  input: OperationInputs[Op],
  context: OperationContext,
) => OperationOutputs[Op];

/** Every modelled operation must have a handler: the server refuses to start otherwise. */
export type HandlerMap = { [Op in OperationName]: Handler<Op> };
