import type { MemberRef, ServiceModel, Shape } from '../api/model.js';
import { InvalidParameterException } from '../api/errors.js';

/**
 * Reads a value of a shape: checks every model constraint (required, type, length, range, pattern,
 * reserved prefix, enum, list size, union) and returns it in handler form (timestamps become Dates,
 * unknown members are dropped). The first violation becomes an InvalidParameterException naming the
 * field and rule.
 */
export type Reader = (value: unknown, path: string) => unknown;

export function violation(path: string, value: unknown, rule: string): InvalidParameterException {
  return new InvalidParameterException(
    `1 validation error detected: Value ${describe(value)} at '${path}' failed to satisfy constraint: Member must ${rule}`,
    path,
  );
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const text = typeof value === 'string' ? value : preview(value, 100);
  return `'${text.length > 100 ? `${text.slice(0, 100)}…` : text}'`;
}

/**
 * JSON text of a value, cut off near `budget` characters. Never the whole value: a request may nest
 * thousands of levels deep (JSON.stringify would overflow the stack) or carry megabytes.
 */
function preview(value: unknown, budget: number): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? String(value);
  const array = Array.isArray(value);
  let text = array ? '[' : '{';
  for (const [key, child] of Object.entries(value)) {
    if (text.length > budget) return `${text}…`;
    if (text.length > 1) text += ',';
    text += (array ? '' : `${JSON.stringify(key)}:`) + preview(child, budget - text.length);
  }
  return text + (array ? ']' : '}');
}

const memberPath = (path: string, member: string) => (path ? `${path}.${member}` : member);

export class ShapeReaders {
  private readonly readers = new Map<string, Reader>();

  constructor(private readonly model: ServiceModel) {}

  /** A reader per shape, compiled once (patterns included) and reused for every request. */
  reader(shapeName: string): Reader {
    let reader = this.readers.get(shapeName);
    if (!reader) {
      // Placeholder first, so recursive shapes resolve to the finished reader.
      this.readers.set(shapeName, (value, path) => this.readers.get(shapeName)!(value, path));
      reader = this.compile(this.model.shapes[shapeName]!);
      this.readers.set(shapeName, reader);
    }
    return reader;
  }

  private compile(shape: Shape): Reader {
    switch (shape.type) {
      case 'structure':
        return this.structure(shape);
      case 'list':
        return this.list(shape);
      case 'map':
        return this.map(shape);
      case 'string':
        return stringReader(shape);
      case 'integer':
      case 'long':
        return numberReader(shape, true);
      case 'double':
      case 'float':
        return numberReader(shape, false);
      case 'boolean':
        return (value, path) => {
          if (typeof value !== 'boolean') throw violation(path, value, 'be a boolean');
          return value;
        };
      case 'timestamp':
        return timestampReader(shape);
    }
  }

  private structure(shape: Shape): Reader {
    const members = Object.entries(shape.members ?? {}).map(([name, ref]) => ({
      name,
      read: this.reader(ref.shape),
      required: shape.required?.includes(name) ?? false,
    }));
    const union = shape.union === true;
    return (value, path) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw violation(path, value, 'be an object');
      }
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const set: string[] = [];
      for (const member of members) {
        const child = source[member.name];
        const childPath = memberPath(path, member.name);
        if (child === undefined || child === null) {
          if (member.required) throw violation(childPath, child, 'not be null');
          continue;
        }
        out[member.name] = member.read(child, childPath);
        set.push(member.name);
      }
      if (union && set.length !== 1) {
        throw violation(
          path,
          value,
          `have exactly one member set (one of ${members.map((m) => m.name).join(', ')}), found ${set.length}`,
        );
      }
      return out;
    };
  }

  private list(shape: Shape): Reader {
    const readMember = this.reader(shape.member!.shape);
    const sizeRule = sizeRuleOf(shape);
    return (value, path) => {
      if (!Array.isArray(value)) throw violation(path, value, 'be a list');
      const rule = sizeRule(value.length);
      if (rule) throw violation(path, value, rule);
      return value.map((item, index) => {
        if (item === null || item === undefined) throw violation(`${path}[${index}]`, item, 'not be null');
        return readMember(item, `${path}[${index}]`);
      });
    };
  }

  private map(shape: Shape): Reader {
    const readKey = this.reader(shape.key!.shape);
    const readValue = this.reader(shape.value!.shape);
    const sizeRule = sizeRuleOf(shape);
    return (value, path) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw violation(path, value, 'be a map');
      const entries = Object.entries(value as Record<string, unknown>);
      const rule = sizeRule(entries.length);
      if (rule) throw violation(path, value, rule);
      const out: Record<string, unknown> = {};
      for (const [key, child] of entries) {
        const childPath = `${path}.${key}`;
        if (child === null || child === undefined) throw violation(childPath, child, 'not be null');
        const name = readKey(key, childPath) as string;
        const read = readValue(child, childPath);
        // Assigning `__proto__` would set the prototype (and drop a string): it must stay an ordinary key.
        if (name === '__proto__') Object.defineProperty(out, name, { value: read, enumerable: true, writable: true, configurable: true });
        else out[name] = read;
      }
      return out;
    };
  }
}

// Coral words the size of a list or map as its length, like a string's.
function sizeRuleOf(shape: Shape): (size: number) => string | undefined {
  return (size) => {
    if (shape.min !== undefined && size < shape.min) return `have length greater than or equal to ${shape.min}`;
    if (shape.max !== undefined && size > shape.max) return `have length less than or equal to ${shape.max}`;
    return undefined;
  };
}

function stringReader(shape: Shape): Reader {
  // botocore strips the anchors; every pattern is a full-string match.
  const pattern = shape.pattern ? new RegExp(`^(?:${shape.pattern})$`) : undefined;
  const allowed = shape.enum ? new Set(shape.enum) : undefined;
  const reserved = shape.reservedPrefix?.toLowerCase();
  return (value, path) => {
    if (typeof value !== 'string') throw violation(path, value, 'be a string');
    if (shape.min !== undefined && value.length < shape.min) {
      throw violation(path, value, `have length greater than or equal to ${shape.min}`);
    }
    if (shape.max !== undefined && value.length > shape.max) {
      throw violation(path, value, `have length less than or equal to ${shape.max}`);
    }
    if (pattern && !pattern.test(value)) {
      throw violation(path, value, `satisfy regular expression pattern: ${shape.pattern}`);
    }
    if (reserved && value.toLowerCase().startsWith(reserved)) {
      throw violation(path, value, `not begin with ${shape.reservedPrefix} (that prefix is reserved for AWS use)`);
    }
    if (allowed && !allowed.has(value)) {
      throw violation(path, value, `satisfy enum value set: [${shape.enum!.join(', ')}]`);
    }
    return value;
  };
}

function numberReader(shape: Shape, integer: boolean): Reader {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw violation(path, value, integer ? 'be an integer' : 'be a number');
    }
    if (integer && !Number.isInteger(value)) throw violation(path, value, 'be an integer');
    if (shape.min !== undefined && value < shape.min) {
      throw violation(path, value, `have value greater than or equal to ${shape.min}`);
    }
    if (shape.max !== undefined && value > shape.max) {
      throw violation(path, value, `have value less than or equal to ${shape.max}`);
    }
    return value;
  };
}

/**
 * The instants a request may name, in epoch milliseconds: from 1970 to the start of year 9999.
 * boto3 reads answers into Python datetimes, which end with year 9999, and some answers add
 * padding to a given time (a contact's post-pass end), so the last year stays free.
 */
export const TIMESTAMP_RANGE_MS = { min: 0, max: Date.UTC(9999, 0, 1) };
export const TIMESTAMP_RANGE_TEXT = 'between 1970-01-01T00:00:00Z and 9999-01-01T00:00:00Z (0 and 253370764800 epoch seconds)';

function timestampReader(shape: Shape): Reader {
  const expects = shape.timestampFormat === 'iso8601' ? 'an ISO-8601 timestamp' : 'a timestamp in epoch seconds';
  return (value, path) => {
    const date = toDate(value);
    if (!date) throw violation(path, value, `be ${expects}`);
    const ms = date.getTime();
    if (!(ms >= TIMESTAMP_RANGE_MS.min && ms <= TIMESTAMP_RANGE_MS.max)) throw violation(path, value, `be ${TIMESTAMP_RANGE_TEXT}`);
    return date;
  };
}

// Epoch seconds (number or numeric text, as query strings carry them) or an ISO-8601 string.
function toDate(value: unknown): Date | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value * 1000;
  else if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) ms = Date.parse(value);
  else return undefined;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/** Query-string and path values arrive as text; convert them to the member's type where they parse. */
export function coerceText(model: ServiceModel, ref: MemberRef, raw: string | string[]): unknown {
  const shape = model.shapes[ref.shape]!;
  if (shape.type === 'list') {
    return (Array.isArray(raw) ? raw : [raw]).map((item) => coerceText(model, shape.member!, item));
  }
  const text = Array.isArray(raw) ? raw[raw.length - 1]! : raw;
  switch (shape.type) {
    case 'integer':
    case 'long':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'double':
    case 'float':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}
