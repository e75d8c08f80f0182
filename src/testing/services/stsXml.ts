import { randomUUID } from 'node:crypto';
import type { IssuedCredentials } from './credentialServiceTypes';
import type { LocalResponse } from '../server/serve';

/**
 * The XML of STS's query protocol: the `<Action>Response` envelope and the `ErrorResponse`.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */

/** The namespace of every STS response. @internal */
const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
/** The only API version STS has. @internal */
export const STS_VERSION = '2011-06-15';

const XML_CONTENT_TYPE = 'text/xml';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for an XML element. @internal */
const xmlText = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** `<name>escaped text</name>`. @internal */
export const element = (name: string, text: string): string =>
  `<${name}>${xmlText(text)}</${name}>`;

/** The `AssumedRoleUser` and `Credentials` elements shared by every AssumeRole* result. @internal */
export function roleResultElements(
  assumedRoleArn: string,
  assumedRoleId: string,
  issued: IssuedCredentials,
): string {
  return (
    `<AssumedRoleUser>${element('Arn', assumedRoleArn)}${element('AssumedRoleId', assumedRoleId)}</AssumedRoleUser>` +
    '<Credentials>' +
    element('AccessKeyId', issued.accessKeyId) +
    element('SecretAccessKey', issued.secretAccessKey) +
    element('SessionToken', issued.sessionToken) +
    element('Expiration', issued.expiration.toISOString()) +
    '</Credentials>'
  );
}

const requestIdHeader = (requestId: string) => ({
  'content-type': XML_CONTENT_TYPE,
  'x-amzn-requestid': requestId,
});

/** A 200 `<Action>Response` around `<Action>Result`, whose inner XML is already built. @internal */
export function stsResult(action: string, resultXml: string): LocalResponse {
  const requestId = randomUUID();
  const body =
    `<${action}Response xmlns="${STS_XMLNS}">` +
    `<${action}Result>${resultXml}</${action}Result>` +
    `<ResponseMetadata>${element('RequestId', requestId)}</ResponseMetadata>` +
    `</${action}Response>`;
  return { status: 200, headers: requestIdHeader(requestId), body };
}

/** An STS error as the query protocol sends it. Messages never hold a secret. @internal */
export function stsError(status: number, code: string, message: string): LocalResponse {
  const requestId = randomUUID();
  const type = status >= 500 ? 'Receiver' : 'Sender';
  const body =
    `<ErrorResponse xmlns="${STS_XMLNS}">` +
    `<Error>${element('Type', type)}${element('Code', code)}${element('Message', message)}</Error>` +
    element('RequestId', requestId) +
    '</ErrorResponse>';
  return { status, headers: requestIdHeader(requestId), body };
}
