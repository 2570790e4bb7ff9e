import { describe, expect, it } from 'vitest';
import type { ConnectionConfig } from '../../src/config';
import { blankConnection, checkConnectionDraft, persistentSession } from './connectionDraft';

const draft = (extra: Partial<ConnectionConfig> = {}): ConnectionConfig => ({ ...blankConnection(), id: 'c1', ...extra });
const checks = { subscriptionsText: '# 0', hasPassphrase: false, passphrase: '' };

describe('checkConnectionDraft', () => {
  it.each([
    ['bad subscriptions', draft(), { subscriptionsText: 'a/# 7' }, /^Subscriptions: line 1/],
    ['no subscriptions', draft(), { subscriptionsText: '' }, /^Subscriptions: add at least one/],
    ['not a ws URL', draft({ url: 'mqtt://host:1883' }), {}, 'Broker URL must start with ws:// or wss://'],
    ['preset placeholder left', draft({ url: 'wss://<endpoint>/mqtt' }), {}, 'Broker URL: replace the <…> parts of the preset with your broker'],
    ['encryption without a passphrase', draft({ rememberPassword: true, encryptPassword: true }), {}, 'Enter a passphrase to encrypt the remembered password'],
  ])('refuses %s', (_name, d, extra, error) => {
    const r = checkConnectionDraft(d, { ...checks, ...extra });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('trims the URL and takes the parsed subscriptions', () => {
    const r = checkConnectionDraft(draft({ url: '  ws://h:9001 ' }), { ...checks, subscriptionsText: 'a/# 1\nb 2' });
    expect(r).toEqual({ ok: true, encrypt: false, connection: expect.objectContaining({ url: 'ws://h:9001', subscriptions: [{ topic: 'a/#', qos: 1 }, { topic: 'b', qos: 2 }] }) });
  });

  it.each([
    [{ hasPassphrase: true, passphrase: '' }],
    [{ hasPassphrase: false, passphrase: 'secret' }],
  ])('encrypts the remembered password when a passphrase is known or typed (%o)', (extra) => {
    const r = checkConnectionDraft(draft({ rememberPassword: true, encryptPassword: true }), { ...checks, ...extra });
    expect(r).toMatchObject({ ok: true, encrypt: true });
  });
});

describe('persistentSession', () => {
  it('turns clean start off with a fixed client ID and, on MQTT 5, an hour of expiry', () => {
    const on = persistentSession(draft(), true);
    expect(on).toMatchObject({ clean: false, sessionExpiry: 3600 });
    expect(on.clientId).toMatch(/^sightglass-/);
    expect(persistentSession(draft({ protocolVersion: 4 }), true).sessionExpiry).toBeUndefined();
    expect(persistentSession(draft({ clientId: 'mine', sessionExpiry: 60 }), true)).toMatchObject({ clientId: 'mine', sessionExpiry: 60 });
  });

  it('turning it off keeps the client ID', () => {
    expect(persistentSession(draft({ clean: false, clientId: 'mine' }), false)).toMatchObject({ clean: true, clientId: 'mine' });
  });
});
