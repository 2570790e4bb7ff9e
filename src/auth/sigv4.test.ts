import { describe, expect, it } from 'vitest';
import { awsIotPresignedUrl, canonicalRequest, presignUrl, regionFromIotEndpoint, signature, signingKey, stringToSign, uriEncode } from './sigv4';
import { toHex } from '../payload';

// AWS's published examples. Secret keys are AWS's documented example keys.
const GET_VANILLA_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('SigV4', () => {
  it('derives the signing key of the IAM guide example ("Examples of how to derive a signing key")', async () => {
    expect(toHex(await signingKey(GET_VANILLA_SECRET, '20120215', 'us-east-1', 'iam'), { separator: '' })).toBe('f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d');
  });

  it('signs the aws-sig-v4-test-suite "get-vanilla" request', async () => {
    const canonical = canonicalRequest({
      method: 'GET', path: '/', query: [], headers: { Host: 'example.amazonaws.com', 'X-Amz-Date': '20150830T123600Z' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    expect(canonical).toBe('GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const toSign = await stringToSign('20150830T123600Z', '20150830/us-east-1/service/aws4_request', canonical);
    expect(toSign).toBe('AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63');
    expect(await signature(GET_VANILLA_SECRET, '20150830', 'us-east-1', 'service', toSign)).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('reproduces the S3 presigned-URL example (query-string authentication, GET test.txt)', async () => {
    const url = await presignUrl({
      protocol: 'https', host: 'examplebucket.s3.amazonaws.com', path: '/test.txt', service: 's3', region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: S3_SECRET }, at: new Date('2013-05-24T00:00:00Z'),
      expiresS: 86400, payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('presigns an AWS IoT WebSocket URL with the session token appended after signing', async () => {
    // Same example credentials; the token is not part of the signature (AWS IoT's documented exception),
    // so the signature equals the one without a token. Cross-checked with the aws-signature-v4 npm package.
    const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: S3_SECRET, sessionToken: 'EXAMPLE/SESSION+TOKEN=' };
    const at = new Date('2013-05-24T00:00:00Z');
    const url = await awsIotPresignedUrl({ endpoint: 'example.iot.us-east-1.amazonaws.com', credentials, at, expiresS: 86400 });
    expect(url).toBe(
      'wss://example.iot.us-east-1.amazonaws.com/mqtt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fiotdevicegateway%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=3ec863617e7e6afa53fc5669c7db4983300818ddc18e72db53c6408d00f60d94' +
        '&X-Amz-Security-Token=EXAMPLE%2FSESSION%2BTOKEN%3D',
    );
    const withoutToken = await awsIotPresignedUrl({ endpoint: 'wss://example.iot.us-east-1.amazonaws.com/mqtt', credentials: { ...credentials, sessionToken: undefined }, at, expiresS: 86400 });
    expect(withoutToken).toBe(url.replace(/&X-Amz-Security-Token=.*$/, ''));
  });

  it('needs credentials and a region', async () => {
    await expect(awsIotPresignedUrl({ endpoint: 'broker.example.com', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, at: new Date() })).rejects.toThrow(/region/);
    await expect(awsIotPresignedUrl({ endpoint: 'x-ats.iot.eu-west-1.amazonaws.com', credentials: { accessKeyId: '', secretAccessKey: '' }, at: new Date() })).rejects.toThrow(/access key/);
  });

  it.each([
    ['a1b2c3-ats.iot.eu-west-1.amazonaws.com', 'eu-west-1'],
    ['a1b2c3.iot.cn-north-1.amazonaws.com.cn', 'cn-north-1'],
    ['broker.example.com', undefined],
  ])('region of %s is %s', (host, region) => expect(regionFromIotEndpoint(host)).toBe(region));

  it('encodes like RFC 3986', () => expect(uriEncode("a b/c!'()*~")).toBe('a%20b%2Fc%21%27%28%29%2A~'));
});
