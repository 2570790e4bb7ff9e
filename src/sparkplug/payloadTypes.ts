// What decodeSparkplugPayload returns: the wire payload, aliases not yet resolved.

export type SpScalar = number | string | boolean | null;

export interface SpDataSet {
  readonly columns: readonly string[];
  /** Datatype codes per column (datatypes.ts). */
  readonly types: readonly number[];
  readonly rows: readonly (readonly SpScalar[])[];
}

export interface SpTemplate {
  readonly version?: string;
  readonly templateRef?: string;
  readonly isDefinition: boolean;
  readonly metrics: readonly SpMetric[];
  readonly parameters: readonly { readonly name: string; readonly type: number; readonly value: SpScalar }[];
}

export interface SpPropertyValue {
  readonly type: number;
  readonly value: SpValue;
}

/** Keys are untrusted text: a Map, so `__proto__` is only a key. */
export type SpPropertySet = ReadonlyMap<string, SpPropertyValue>;

export interface SpMetaData {
  readonly contentType?: string;
  readonly fileName?: string;
  readonly fileType?: string;
  readonly size?: number;
  readonly md5?: string;
  readonly description?: string;
}

/** Int64/UInt64 beyond 2^53 are exact decimal text; Bytes/File a copy of the bytes; arrays of scalars. */
export type SpValue = SpScalar | Uint8Array | readonly SpScalar[] | SpDataSet | SpTemplate | SpPropertySet | readonly SpPropertySet[];

export interface SpMetric {
  /** Absent in DATA that carries only the alias. */
  readonly name: string | undefined;
  readonly alias: number | undefined;
  readonly timestamp: number | undefined;
  /** Datatype code; 0 in DATA, where the BIRTH's datatype applies. */
  readonly datatype: number;
  readonly value: SpValue;
  readonly isNull: boolean;
  readonly historical: boolean;
  readonly transient: boolean;
  readonly properties: SpPropertySet | undefined;
  readonly metadata: SpMetaData | undefined;
}

export interface SpPayload {
  readonly timestamp: number | undefined;
  readonly seq: number | undefined;
  readonly uuid: string | undefined;
  readonly body: Uint8Array | undefined;
  readonly metrics: readonly SpMetric[];
}
