import type { Services } from '../api/context.js';
import type { Scope } from '../store/resources.js';
import { contactIndex } from './contact-index.js';
import { changeEvent, dueChanges, recordPublished } from './contact-events.js';
import { CONTACT_KIND, type ContactRecord } from './contact-record.js';
import type { TimelineEntry } from './contact-timeline.js';

export interface ContactScheduler {
  /** Re-reads when the next change is due; call after anything that may add or move one. */
  rearm(): void;
  /** Publishes everything due now; resolves once it is committed. */
  run(): Promise<void>;
  stop(): void;
}

interface DueContact {
  contactId: string;
  scope: Scope;
  contact: ContactRecord;
}

type Transaction = <T>(work: () => T) => T | Promise<T>;

interface Logger {
  error(details: object, message: string): void;
}

const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * Publishes contact changes as the clock reaches them. Statuses are derived from the clock, so
 * this only turns due timeline entries into events, in time order across contacts, in one
 * transaction that also records the progress: a restart neither loses nor repeats an event.
 */
export function startContactScheduler(services: Services, transaction: Transaction, log: Logger): ContactScheduler {
  const index = contactIndex(services.store);
  let cancelWakeup: (() => void) | undefined;
  let armedAtMs: number | undefined;
  let running: Promise<void> | undefined;
  let runAgain = false;
  let stopped = false;

  const publishDue = () => {
    const nowMs = services.clock.nowMs();
    const changes: (DueContact & { entry: TimelineEntry })[] = [];
    const progress: (DueContact & { count: number })[] = [];
    for (const due of index.dueBy(nowMs)) {
      const scope = { account: due.account, region: due.region };
      const contact = services.store.get<ContactRecord>(scope, CONTACT_KIND, due.contactId)?.doc;
      if (!contact) continue;
      const entries = dueChanges(contact, nowMs);
      for (const entry of entries) changes.push({ contactId: due.contactId, scope, contact, entry });
      if (entries.length > 0) progress.push({ contactId: due.contactId, scope, contact, count: entries.length });
    }
    changes.sort((a, b) => a.entry.atMs - b.entry.atMs);
    for (const { contactId, scope, contact, entry } of changes) services.events.publish(changeEvent(scope, contactId, contact, entry));
    for (const { contactId, scope, contact, count } of progress) recordPublished(services, scope, contactId, contact, count);
  };

  const arm = (atMs: number | undefined) => {
    if (stopped || atMs === armedAtMs) return;
    cancelWakeup?.();
    armedAtMs = atMs;
    cancelWakeup = atMs === undefined ? undefined : services.clock.wakeAt(atMs, () => {
      armedAtMs = undefined;
      void run();
    });
  };

  const run = (): Promise<void> => {
    if (running) {
      runAgain = true;
      return running;
    }
    running = (async () => {
      do {
        runAgain = false;
        try {
          await transaction(publishDue);
          arm(index.nextChangeMs());
        } catch (error) {
          log.error({ err: error }, 'publishing contact changes failed; retrying');
          arm(services.clock.nowMs() + RETRY_AFTER_FAILURE_MS);
        }
      } while (runAgain && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const stopListening = services.clock.onChange(() => void run());
  void run();
  return {
    rearm: () => arm(index.nextChangeMs()),
    run,
    stop() {
      stopped = true;
      stopListening();
      cancelWakeup?.();
    },
  };
}
