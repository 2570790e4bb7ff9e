/**
 * Connection presets for the brokers plants use. A preset only fills the connection form (URL,
 * port, path, MQTT version, auth style) and explains what goes where; every field stays editable.
 */
export type PresetId = 'custom' | 'mosquitto' | 'emqx' | 'hivemq' | 'hivemq-cloud' | 'aws-custom-authorizer' | 'aws-sigv4' | 'azure-iot-hub';

/** How the credentials are made: typed in, or computed in the browser before each connect. */
export type PresetAuth = 'password' | 'token' | 'aws-custom-authorizer' | 'aws-sigv4' | 'azure-sas';

export interface BrokerPreset {
  readonly id: PresetId;
  readonly label: string;
  /** URL template; `<…>` parts are for the user to replace. */
  readonly url: string;
  readonly protocolVersion: 4 | 5;
  readonly auth: PresetAuth;
  readonly help: string;
}

export const PRESETS: readonly BrokerPreset[] = [
  { id: 'custom', label: 'Custom', url: 'ws://127.0.0.1:9001', protocolVersion: 5, auth: 'password', help: 'Any MQTT broker with a WebSocket listener (ws:// or wss://).' },
  {
    id: 'mosquitto', label: 'Mosquitto', url: 'ws://<broker-host>:9001', protocolVersion: 5, auth: 'password',
    help: 'Mosquitto needs a WebSocket listener ("listener 9001" + "protocol websockets"; add certfile/keyfile for wss://, e.g. port 8081). ' +
      'User name and password come from its password_file (mosquitto_passwd), topic rights from its acl_file. ' +
      'Debian/Ubuntu Mosquitto 2.0.11 stalls on WebSocket messages over about 150 KB: use a newer build for big payloads.',
  },
  {
    id: 'emqx', label: 'EMQX', url: 'ws://<broker-host>:8083/mqtt', protocolVersion: 5, auth: 'token',
    help: 'EMQX listens on ws://…:8083/mqtt and wss://…:8084/mqtt. With JWT authentication, put the token in Password ' +
      '(and the user name the token\'s claims expect); otherwise use a built-in database user.',
  },
  {
    id: 'hivemq', label: 'HiveMQ', url: 'ws://<broker-host>:8000/mqtt', protocolVersion: 5, auth: 'password',
    help: 'HiveMQ\'s WebSocket listener (port 8000, path /mqtt) must be enabled in config.xml; wss:// needs a TLS WebSocket listener. ' +
      'With the enterprise security extension a JWT goes in Password.',
  },
  {
    id: 'hivemq-cloud', label: 'HiveMQ Cloud', url: 'wss://<cluster-id>.s1.eu.hivemq.cloud:8884/mqtt', protocolVersion: 5, auth: 'password',
    help: 'Use the cluster URL from the HiveMQ Cloud console (port 8884, path /mqtt, TLS only) and credentials created under Access Management.',
  },
  {
    id: 'aws-custom-authorizer', label: 'AWS IoT Core (custom authorizer)', url: 'wss://<prefix>-ats.iot.<region>.amazonaws.com/mqtt', protocolVersion: 5, auth: 'aws-custom-authorizer',
    help: 'Your endpoint is under AWS IoT → Settings. The authorizer name is added to the user name ' +
      '("user?x-amz-customauthorizer-name=NAME"); the token (e.g. a JWT) goes in Password. Use an authorizer without token signing, ' +
      'and a client ID your policy allows.',
  },
  {
    id: 'aws-sigv4', label: 'AWS IoT Core (SigV4, temporary credentials)', url: 'wss://<prefix>-ats.iot.<region>.amazonaws.com/mqtt', protocolVersion: 5, auth: 'aws-sigv4',
    help: 'Paste temporary credentials (e.g. from "aws sts get-session-token" or Cognito): access key ID, secret access key and session token. ' +
      'The signed WebSocket URL is computed in this browser (WebCrypto, SigV4) before each connect; the secret is never sent. ' +
      'When the credentials expire, the broker refuses the connection: paste new ones.',
  },
  {
    id: 'azure-iot-hub', label: 'Azure IoT Hub', url: 'wss://<hub>.azure-devices.net/$iothub/websocket', protocolVersion: 4, auth: 'azure-sas',
    help: 'Connects as one device (MQTT 3.1.1 only): client ID = device ID, user name "<hub>.azure-devices.net/<device>/?api-version=2021-04-12", ' +
      'password = a SAS token computed in this browser from the device key (WebCrypto HMAC-SHA256) and renewed before it expires. ' +
      'IoT Hub only allows the device\'s own topics (devices/<device>/messages/devicebound/#).',
  },
];

export function presetById(id: string | undefined): BrokerPreset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0];
}

export const CUSTOM_AUTHORIZER_PARAM = 'x-amz-customauthorizer-name';

/** `user?x-amz-customauthorizer-name=NAME` (keeps whatever else the user put after `?`). */
export function customAuthorizerUsername(username: string, authorizer: string): string {
  const [user, query = ''] = username.split('?', 2);
  const params = new URLSearchParams(query);
  if (authorizer) params.set(CUSTOM_AUTHORIZER_PARAM, authorizer);
  else params.delete(CUSTOM_AUTHORIZER_PARAM);
  const q = params.toString();
  return q ? `${user}?${q}` : user;
}

export function customAuthorizerOf(username: string | undefined): string {
  const query = (username ?? '').split('?', 2)[1];
  return query ? (new URLSearchParams(query).get(CUSTOM_AUTHORIZER_PARAM) ?? '') : '';
}
