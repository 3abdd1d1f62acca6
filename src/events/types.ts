// An event as a resource module publishes it; the envelope (id, version, source) is added on delivery.
export interface GroundStationEvent {
  detailType: string;
  account: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
  /** The nominal moment of the change, on the emulator's clock. */
  time: Date;
}

export interface EventPublisher {
  /** Called inside a request's transaction; delivered only once that transaction commits. */
  publish(event: GroundStationEvent): void;
}
