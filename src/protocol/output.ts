import type { ServiceModel, Shape } from '../api/model.js';

type Writer = (value: unknown) => unknown;

const identity: Writer = (value) => value;

/**
 * Turns a handler's output into the wire form of its shape: timestamps become epoch seconds
 * (or ISO-8601 where the model says so) and absent members are left out, never sent as null.
 * Shapes with no timestamp anywhere below them pass through untouched.
 */
export class ShapeWriters {
  private readonly writers = new Map<string, Writer>();
  private readonly hasTimestamp = new Map<string, boolean>();

  constructor(private readonly model: ServiceModel) {}

  writer(shapeName: string): Writer {
    let writer = this.writers.get(shapeName);
    if (!writer) {
      this.writers.set(shapeName, (value) => this.writers.get(shapeName)!(value));
      writer = this.containsTimestamp(shapeName, new Set()) ? this.compile(this.model.shapes[shapeName]!) : identity;
      this.writers.set(shapeName, writer);
    }
    return writer;
  }

  private containsTimestamp(shapeName: string, seen: Set<string>): boolean {
    const known = this.hasTimestamp.get(shapeName);
    if (known !== undefined) return known;
    if (seen.has(shapeName)) return false;
    seen.add(shapeName);
    const shape = this.model.shapes[shapeName]!;
    const children = [
      ...Object.values(shape.members ?? {}),
      ...[shape.member, shape.key, shape.value].filter((ref) => ref !== undefined),
    ];
    const result = shape.type === 'timestamp' || children.some((ref) => this.containsTimestamp(ref.shape, seen));
    this.hasTimestamp.set(shapeName, result);
    return result;
  }

  private compile(shape: Shape): Writer {
    switch (shape.type) {
      case 'structure': {
        const members = Object.entries(shape.members ?? {}).map(([name, ref]) => ({ name, write: this.writer(ref.shape) }));
        return (value) => {
          const source = value as Record<string, unknown>;
          const out: Record<string, unknown> = {};
          for (const { name, write } of members) {
            const child = source[name];
            if (child !== undefined && child !== null) out[name] = write(child);
          }
          return out;
        };
      }
      case 'list': {
        const write = this.writer(shape.member!.shape);
        return (value) => (value as unknown[]).map(write);
      }
      case 'map': {
        const write = this.writer(shape.value!.shape);
        return (value) =>
          Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, write(v)]));
      }
      case 'timestamp':
        return shape.timestampFormat === 'iso8601'
          ? (value) => toDate(value).toISOString()
          : (value) => toDate(value).getTime() / 1000;
      default:
        return identity;
    }
  }
}

function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date((value as number) * 1000);
}
