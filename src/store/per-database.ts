import type { Db } from './database.js';

/**
 * A component's SQL (tables it migrates, statements it prepares) set up once per database, on
 * first use, and shared by every caller holding that database.
 */
export function perDatabase<T>(create: (db: Db) => T): (store: { db: Db }) => T {
  const instances = new WeakMap<Db, T>();
  return (store) => {
    let instance = instances.get(store.db);
    if (instance === undefined) {
      instance = create(store.db);
      instances.set(store.db, instance);
    }
    return instance;
  };
}
