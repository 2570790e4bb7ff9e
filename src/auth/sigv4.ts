/**
 * AWS Signature Version 4, as far as a browser needs it to open an AWS IoT Core WebSocket:
 * a presigned URL computed with WebCrypto from temporary credentials the user pastes.
 * Spec: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 * Checked against AWS's published examples in sigv4.test.ts.
 */
import { brokerHost, brokerScheme } from '../config';
import { toHex } from '../payload';
import { hmacSha256, sha256Hex } from './webCrypto';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials (STS, Cognito) come with a session token. */
  readonly sessionToken?: string;
}

/** SHA-256 of an empty body: what a GET signs as its payload. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** RFC 3986 percent-encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "20150830T123600Z" and "20150830" for a time. */
export function amzDate(at: Date): { amzDate: string; dateStamp: string } {
  const iso = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return { amzDate: iso, dateStamp: iso.slice(0, 8) };
}

export interface CanonicalRequest {
  readonly method: string;
  /** Already-encoded absolute path, e.g. "/mqtt". */
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  /** Lower-case names; values are trimmed. */
  readonly headers: Readonly<Record<string, string>>;
  readonly payloadHash: string;
}

export function canonicalQuery(query: CanonicalRequest['query']): string {
  return query
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export function signedHeaderNames(headers: CanonicalRequest['headers']): string {
  return Object.keys(headers).map((h) => h.toLowerCase()).sort().join(';');
}

export function canonicalRequest(r: CanonicalRequest): string {
  const names = Object.keys(r.headers).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const headerLines = names.map((h) => `${h.toLowerCase()}:${r.headers[h].trim().replace(/\s+/g, ' ')}\n`).join('');
  return [r.method, r.path || '/', canonicalQuery(r.query), headerLines, signedHeaderNames(r.headers), r.payloadHash].join('\n');
}

export async function stringToSign(amz: string, scope: string, canonical: string): Promise<string> {
  return ['AWS4-HMAC-SHA256', amz, scope, await sha256Hex(canonical)].join('\n');
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export async function signingKey(secret: string, dateStamp: string, region: string, service: string): Promise<Uint8Array> {
  let k = await hmacSha256(`AWS4${secret}`, dateStamp);
  for (const part of [region, service, 'aws4_request']) k = await hmacSha256(k, part);
  return k;
}

export async function signature(secret: string, dateStamp: string, region: string, service: string, toSign: string): Promise<string> {
  return toHex(await hmacSha256(await signingKey(secret, dateStamp, region, service), toSign), { separator: '' });
}

export interface PresignOptions {
  readonly protocol: string;
  readonly host: string;
  readonly path: string;
  readonly service: string;
  readonly region: string;
  readonly credentials: AwsCredentials;
  readonly at: Date;
  /** X-Amz-Expires in seconds; omitted when undefined. */
  readonly expiresS?: number;
  readonly payloadHash?: string;
  /**
   * Where the session token goes. S3 signs it ("signed"); AWS IoT wants it appended after
   * signing ("appended"), the well-known exception in the IoT SigV4 docs.
   */
  readonly sessionToken?: 'signed' | 'appended';
  readonly extraQuery?: readonly (readonly [string, string])[];
}

/** A presigned URL (query-string authentication, signed headers: host). */
export async function presignUrl(o: PresignOptions): Promise<string> {
  const { amzDate: amz, dateStamp } = amzDate(o.at);
  const scope = `${dateStamp}/${o.region}/${o.service}/aws4_request`;
  const query: [string, string][] = [
    ...(o.extraQuery ?? []).map(([k, v]) => [k, v] as [string, string]),
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${o.credentials.accessKeyId}/${scope}`],
    ['X-Amz-Date', amz],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (o.expiresS !== undefined) query.push(['X-Amz-Expires', String(o.expiresS)]);
  const token = o.credentials.sessionToken;
  if (token && o.sessionToken === 'signed') query.push(['X-Amz-Security-Token', token]);
  const canonical = canonicalRequest({ method: 'GET', path: o.path, query, headers: { host: o.host }, payloadHash: o.payloadHash ?? EMPTY_SHA256 });
  const sig = await signature(o.credentials.secretAccessKey, dateStamp, o.region, o.service, await stringToSign(amz, scope, canonical));
  let url = `${o.protocol}://${o.host}${o.path}?${canonicalQuery(query)}&X-Amz-Signature=${sig}`;
  if (token && o.sessionToken === 'appended') url += `&X-Amz-Security-Token=${uriEncode(token)}`;
  return url;
}

/** `xxxx-ats.iot.eu-west-1.amazonaws.com` → `eu-west-1`. */
export function regionFromIotEndpoint(host: string): string | undefined {
  return /\.iot\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/i.exec(host)?.[1]?.toLowerCase();
}

/**
 * The WebSocket URL for AWS IoT Core with SigV4 (service "iotdevicegateway", path /mqtt).
 * The signature is checked when the WebSocket opens; a reconnect needs a fresh URL.
 */
export async function awsIotPresignedUrl(o: { endpoint: string; region?: string; credentials: AwsCredentials; at: Date; expiresS?: number }): Promise<string> {
  const host = brokerHost(o.endpoint);
  // AWS always wants wss://; a ws:// endpoint (a local test bridge) keeps its scheme.
  const protocol = brokerScheme(o.endpoint) ?? 'wss';
  const region = o.region || regionFromIotEndpoint(host);
  if (!region) throw new Error(`cannot tell the AWS region from "${host}": enter it`);
  if (!o.credentials.accessKeyId || !o.credentials.secretAccessKey) throw new Error('AWS access key ID and secret access key are needed');
  return presignUrl({
    protocol, host, path: '/mqtt', service: 'iotdevicegateway', region, credentials: o.credentials, at: o.at,
    expiresS: o.expiresS ?? 86_400, sessionToken: 'appended',
  });
}
