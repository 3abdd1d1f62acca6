import type { OperationModel } from '../api/model.js';
import { ProtocolError } from '../api/errors.js';

type Segment = { literal: string } | { label: string };

interface Route {
  operation: OperationModel;
  method: string;
  segments: Segment[];
  literalCount: number;
}

export interface RouteMatch {
  operation: OperationModel;
  labels: Record<string, string>;
}

const unknownOperation = (method: string, path: string) =>
  new ProtocolError(404, 'UnknownOperationException', `No operation matches ${method} ${path}`);

/** The model's URI templates, compiled once. Labels are matched per segment, then percent-decoded. */
export class RouteTable {
  private readonly bySegmentCount = new Map<number, Route[]>();

  constructor(operations: Iterable<OperationModel>) {
    for (const operation of operations) {
      const segments = splitPath(operation.http.requestUri).map((part): Segment => {
        const label = /^\{([^}+]+)\+?\}$/.exec(part);
        return label ? { label: label[1]! } : { literal: part };
      });
      const route: Route = {
        operation,
        method: operation.http.method,
        segments,
        literalCount: segments.filter((s) => 'literal' in s).length,
      };
      const routes = this.bySegmentCount.get(segments.length) ?? [];
      routes.push(route);
      // The most specific template wins when two could match.
      routes.sort((a, b) => b.literalCount - a.literalCount);
      this.bySegmentCount.set(segments.length, routes);
    }
  }

  match(method: string, rawPath: string): RouteMatch {
    const parts = splitPath(rawPath);
    for (const route of this.bySegmentCount.get(parts.length) ?? []) {
      if (route.method !== method) continue;
      const labels = matchSegments(route.segments, parts);
      if (labels) return { operation: route.operation, labels };
    }
    throw unknownOperation(method, rawPath);
  }
}

// Segments after the leading slash; an empty segment stays (it matches no label).
function splitPath(path: string): string[] {
  return (path.startsWith('/') ? path.slice(1) : path).split('/');
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      if (part === '') return undefined;
      labels[segment.label] = decodeSegment(part);
    }
  }
  return labels;
}

function decodeSegment(part: string): string {
  if (!part.includes('%')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ProtocolError(400, 'SerializationException', `Malformed percent-encoding in path segment: ${part}`);
  }
}
