import type { ResourceStore, Scope, StoredResource } from '../store/resources.js';
import { InvalidParameterException } from './errors.js';

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

export const DEFAULT_PAGE_SIZE = 100;

// A token is an opaque numeric cursor: the last position returned. It uses only the
// PaginationToken alphabet and is never shorter than 3 characters, as boto3 requires.
const TOKEN = /^gsl\.([0-9a-z]{1,12})$/;

export function encodePageToken(cursor: number): string {
  return `gsl.${cursor.toString(36)}`;
}

/** The cursor a request continues from: 0 for the first page. */
export function decodePageToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const match = TOKEN.exec(token);
  if (!match) throw new InvalidParameterException(`Invalid nextToken: ${token}`, 'nextToken');
  return parseInt(match[1]!, 36);
}

/**
 * Pages a list held in memory: `cursor` is the count of items already returned.
 */
export function pageArray<T>(items: readonly T[], request: PageRequest): { items: T[]; nextToken?: string } {
  const start = decodePageToken(request.nextToken);
  const end = start + (request.maxResults ?? DEFAULT_PAGE_SIZE);
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: encodePageToken(end) } : {}) };
}

/** Pages stored resources of one kind in insertion order; the cursor is the last item's seq. */
export function pageResources<T, R>(
  store: ResourceStore,
  scope: Scope,
  kind: string,
  request: PageRequest,
  toItem: (resource: StoredResource<T>) => R,
): { items: R[]; nextToken?: string } {
  const limit = request.maxResults ?? DEFAULT_PAGE_SIZE;
  const rows = store.page<T>(scope, kind, decodePageToken(request.nextToken), limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(toItem),
    ...(rows.length > limit ? { nextToken: encodePageToken(page[page.length - 1]!.seq) } : {}),
  };
}
