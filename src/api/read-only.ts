import type { Services } from './context.js';

// The methods of each service that change the database or publish.
const WRITES: { [K in keyof Services]?: readonly (keyof Services[K])[] } = {
  store: ['insert', 'replace', 'setTags', 'delete', 'setReferences', 'clear'],
  events: ['publish'],
  contactIndex: ['save', 'clear'],
  publishedChanges: ['save', 'forget', 'clear'],
  satellites: ['save', 'setOption'],
  satelliteTags: ['set', 'clear'],
};

/**
 * The services as a readonly operation gets them: every read as usual, every write refused. Such an
 * operation runs outside any unit of work, so a write there would be neither atomic nor durable.
 */
export function readOnlyServices(services: Services): Services {
  const view = { ...services };
  for (const [name, methods] of Object.entries(WRITES) as [keyof Services, readonly string[]][]) {
    // Reads go through the prototype to the service itself; only the writes are shadowed.
    const service = Object.create(services[name]) as Record<string, unknown>;
    for (const method of methods) {
      service[method] = () => {
        throw new Error(`a readonly operation tried to write (${name}.${method})`);
      };
    }
    (view as Record<string, unknown>)[name] = service;
  }
  return view;
}
