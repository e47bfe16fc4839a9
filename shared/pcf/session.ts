/**
 * Banners a user closed in this browser session. sessionStorage keeps them across form loads
 * until the tab closes; where storage is blocked (privacy modes, embedded hosts) memory is used.
 */
export interface Dismissals {
  has(key: string): boolean;
  add(key: string): void;
}

const memory = new Map<string, Set<string>>();

export function sessionDismissals(userId: string, storage: Storage | null = safeSessionStorage()): Dismissals {
  const slot = `relationshipIntelligence.dismissed.${userId}`;
  const read = (): Set<string> => {
    try {
      const stored = storage?.getItem(slot);
      const parsed: unknown = stored ? JSON.parse(stored) : [];
      return new Set(Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === "string") : []);
    } catch {
      return memory.get(slot) ?? new Set();
    }
  };
  return {
    has: (key) => read().has(key) || (memory.get(slot)?.has(key) ?? false),
    add: (key) => {
      const keys = read();
      keys.add(key);
      memory.set(slot, keys);
      try {
        storage?.setItem(slot, JSON.stringify([...keys]));
      } catch {
        // Memory already holds it for this page.
      }
    },
  };
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}
