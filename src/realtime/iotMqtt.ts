import { REGION_PATTERN } from '../constants';
import { checkExpiresIn, withPresignedQuery } from '../signing/presign';
import { createSigner, signerInternals } from '../signing/signer';
import { encodeQueryComponent, toWireUrl } from '../signing/wireUrl';
import { IOT_DEVICE_GATEWAY_SERVICE, MQTT_PATH, SECURITY_TOKEN_QUERY_PARAM } from './constants';
import type { IotMqttPresignOptions } from './types';

/** `<prefix>-ats.iot.<region>.amazonaws.com`: the region is the label after `iot`. */
const IOT_HOST = /\.iot\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/i;

/** `host`, `wss://host`, `https://host/mqtt`...: the wss URL of the MQTT path. */
function mqttUrl(endpoint: string | URL): URL {
  const text = String(endpoint);
  const url = toWireUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `wss://${text}`, 'GET');
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.pathname === '/' || url.pathname === '') url.pathname = MQTT_PATH;
  return url;
}

function regionOf(url: URL, region: string | undefined): string | undefined {
  const label = IOT_HOST.exec(url.hostname)?.[1];
  return region ?? (label && REGION_PATTERN.test(label) ? label : undefined);
}

/**
 * Presigns the `wss://<endpoint>/mqtt` URL of IoT Core's MQTT over WebSocket with SigV4 for the
 * service `iotdevicegateway` ("MQTT over the WebSocket protocol" in the IoT Core developer guide).
 * The session token is NOT signed: IoT Core wants it appended to the URL after the signature
 * (`&X-Amz-Security-Token=...`), as its guide and the IoT device SDK (`omit_session_token`) do.
 * So the keys are signed without their token, and the token of those very keys (from the same
 * cache entry) is appended afterwards. Open the URL with the `mqtt` subprotocol.
 * @param endpoint - your account's endpoint (`aws iot describe-endpoint --endpoint-type iot:Data-ATS`), a host or a URL
 * @example
 * const url = await presignIotMqtt('a1b2c3-ats.iot.eu-west-1.amazonaws.com');
 * const client = mqtt.connect(url, { protocolVersion: 5 }); // or new WebSocket(url, 'mqtt')
 */
export async function presignIotMqtt(
  endpoint: string | URL,
  options: IotMqttPresignOptions = {},
): Promise<string> {
  const { expiresIn, ...signerOptions } = options;
  const settings = { expiresIn: checkExpiresIn(expiresIn), omitSessionToken: true };
  const url = mqttUrl(endpoint);
  const region = regionOf(url, signerOptions.region);
  const signer = createSigner({ ...signerOptions, region, service: IOT_DEVICE_GATEWAY_SERVICE });
  const signed = await signerInternals(signer).sign({ method: 'GET', url }, { presign: settings });
  const presigned = withPresignedQuery(url, signed.query);
  const token = signed.credentials.sessionToken;
  return token === undefined
    ? presigned
    : `${presigned}&${SECURITY_TOKEN_QUERY_PARAM}=${encodeQueryComponent(token)}`;
}
