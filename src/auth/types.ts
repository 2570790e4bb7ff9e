// Type-only (no runtime code): src/engine/protocol.ts reaches this through ConnectionSettings.

/** Computed-credential styles; plain user name/password connections have none. Kept in config.json as `auth`. */
export type AuthSpec =
  | { readonly kind: 'aws-sigv4'; readonly region?: string }
  | { readonly kind: 'azure-sas'; readonly hub: string; readonly deviceId: string; readonly ttlS: number };
