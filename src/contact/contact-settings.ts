// Timings the service does not publish (SEMANTICS §2.2, §2.3, §6): our choices, configurable.
export interface ContactSettings {
  /** SCHEDULING lasts this long before SCHEDULED or FAILED_TO_SCHEDULE; CANCELLING as well. Each contact keeps the value it was reserved with. */
  transitionDelayMs: number;
  /** How far ahead contacts can be listed and reserved. */
  horizonMs: number;
  /** A dataflow endpoint group's pre/post pass time when it sets none. */
  defaultGroupPrePostMs: number;
  /** Cancelling later than this before startTime still bills the contact (§2.6). */
  lateCancellationMs: number;
}

const DAY_MS = 86_400_000;

export const DEFAULT_CONTACT_SETTINGS: Readonly<ContactSettings> = Object.freeze({
  transitionDelayMs: 1000,
  horizonMs: 7 * DAY_MS,
  defaultGroupPrePostMs: 120_000,
  lateCancellationMs: 15 * 60_000,
});
