/**
 * A vendor's own adapters, loaded at start from the modules BK_ADAPTERS names (a path, relative to the
 * working directory, or a package name). Each module exports `adapters` (an array) or a default export (an
 * adapter or an array); each is registered beside the built-in ones (`registerAdapter` checks it). A module
 * that is missing or holds no adapter stops the start with a message that says which and why.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerAdapter } from '@brightkitchen/device-adapters';
import type { Adapter } from '@brightkitchen/sdk';

function specifierOf(name: string): string {
  const isPath = name.startsWith('.') || isAbsolute(name);
  return isPath ? pathToFileURL(resolve(name)).href : name;
}

/** Loads and registers the adapters of each module; answers the vendor names registered. */
export async function loadAdapterModules(modules: readonly string[]): Promise<string[]> {
  const vendors: string[] = [];
  for (const name of modules) {
    let exported: { adapters?: unknown; default?: unknown };
    try {
      exported = (await import(specifierOf(name))) as typeof exported;
    } catch (error) {
      throw new Error(`BK_ADAPTERS: cannot load ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const found = exported.adapters ?? exported.default;
    const adapters = (Array.isArray(found) ? found : found ? [found] : []) as Adapter<unknown>[];
    if (adapters.length === 0) throw new Error(`BK_ADAPTERS: ${name} exports no adapter (\`adapters\` or default)`);
    for (const adapter of adapters) {
      try {
        registerAdapter(adapter);
      } catch (error) {
        throw new Error(`BK_ADAPTERS: ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      vendors.push(adapter.vendor);
    }
  }
  return vendors;
}
