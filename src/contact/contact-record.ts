import type { OperationContext } from '../api/context.js';
import type {
  DataflowDetail,
  EphemerisResponseData,
  TrackingOverrides,
  VersionFailureReasonCode,
  VersionStatus,
} from '../api/shapes.js';
import { arnFor } from '../api/arn.js';
import { ResourceNotFoundException } from '../api/errors.js';
import type { ConfigRecord } from '../config/config-record.js';
import type { MissionProfileRecord } from '../mission-profile/mission-profile-record.js';
import type { Scope, StoredResource } from '../store/resources.js';

export const CONTACT_KIND = 'contact';

/** A dataflow endpoint group a contact holds, with the group's own pre/post pass times. */
export interface HeldGroup {
  id: string;
  arn: string;
  region: string;
  prePassMs: number;
  postPassMs: number;
}

/** The terminal statuses only the fault-injection hook reaches (SEMANTICS §2.1, our choice). */
export const FAULT_STATUSES = ['FAILED', 'AWS_FAILED', 'AWS_CANCELLED'] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export interface ContactVersionRecord {
  versionId: number;
  status: VersionStatus;
  createdMs: number;
  activatedMs?: number;
  supersededMs?: number;
  lastUpdatedMs: number;
  failureCodes?: VersionFailureReasonCode[];
  failureMessage?: string;
  /** Absent only for a contact an az-el ephemeris points, reserved without a satellite. */
  satelliteArn?: string;
  trackingOverrides?: TrackingOverrides;
  clientToken?: string;
}

/**
 * A reserved contact: its schedule, fixed at reservation, from which its status at any instant is
 * derived (contact-timeline.ts), plus the snapshot of what it was reserved with. Times are epoch ms.
 * Which of its changes are published is the schedule's to keep (schedule/published-changes.ts).
 */
export interface ContactRecord {
  arn: string;
  missionProfileArn: string;
  /** Absent only for a contact an az-el ephemeris points, reserved without a satellite. */
  satelliteArn?: string;
  groundStation: string;
  prePassStartMs: number;
  startMs: number;
  endMs: number;
  postPassEndMs: number;
  reservedMs: number;
  /** Why the reservation fails (FAILED_TO_SCHEDULE); absent when it succeeds. */
  schedulingFailure?: string;
  /** When CancelContact was accepted. */
  cancelledMs?: number;
  /** A fault injected through /_local: the status the contact ended in, when, and why. */
  fault?: { status: FaultStatus; atMs: number; errorMessage: string };
  maximumElevationDeg: number;
  /** The pass at the mask that contains the contact, when there is one: at reservation, then as frozen. */
  visibility?: { startMs: number; endMs: number };
  /** Set once the contact reaches startTime or ends: `visibility` no longer follows the ephemeris. */
  visibilityFrozen?: true;
  ephemeris: EphemerisResponseData;
  /** Which of the station's antennas it holds (from 1), when scheduled. */
  antenna?: number;
  heldGroups: HeldGroup[];
  /** Frozen at reservation: later profile and config updates never reach the contact. */
  snapshot: { profile: MissionProfileRecord; configs: Record<string, ConfigRecord> };
  dataflowList: DataflowDetail[];
  versions: ContactVersionRecord[];
  /** SCHEDULING (and CANCELLING) lasts this long: the setting at reservation, kept across restarts. */
  schedulingDelayMs: number;
}

export const contactArn = (scope: Scope, id: string) => arnFor(scope, `${CONTACT_KIND}/${id}`);

export function getContactRecord(context: OperationContext, contactId: string): StoredResource<ContactRecord> {
  const contact = context.store.get<ContactRecord>(context.scope, CONTACT_KIND, contactId);
  if (!contact) throw new ResourceNotFoundException(`Contact ${contactId} was not found`);
  return contact;
}

export const activeVersion = (contact: ContactRecord): ContactVersionRecord =>
  [...contact.versions].reverse().find((version) => version.status === 'ACTIVE') ?? contact.versions[0]!;
