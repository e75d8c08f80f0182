/**
 * The endpoint-prefix → signing-name table (src/scope/signingNames.ts, generated from botocore's data)
 * against botocore's own endpoint resolution, run at test time: every host botocore sends to is
 * inferred with botocore's signing name and region, and every row of the table signs a request
 * with the name botocore uses for a host of that row.
 */
import { createSigner, inferSigningScope } from 'aws-sigv4-interceptor';
import { TEST_CREDENTIALS } from 'aws-sigv4-interceptor/testing';
import { awsEndpointOf } from '../../src/scope/awsEndpoint';
import { REGION_PATTERN } from '../../src/constants';
import {
  ENDPOINT_PREFIXES,
  GLOBAL_ENDPOINTS,
  SIGNING_NAMES_SOURCE,
} from '../../src/scope/signingNames';
import { botocoreMissing } from '../support/botocoreOracle';
import {
  loadBotocoreEndpoints,
  type BotocoreEndpoint,
  type BotocoreEndpoints,
} from '../support/botocoreEndpoints';

const rowsOf = (table: string) =>
  table
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => entry.split('=')[0]);
const PREFIX_ROWS = rowsOf(ENDPOINT_PREFIXES);
const GLOBAL_ROWS = rowsOf(GLOBAL_ENDPOINTS);

/**
 * botocore's answers per host. Deprecated pseudo-region keys (`fips-us-east-1` without a
 * credential scope) make botocore sign for the key itself; the real region answer stands beside
 * it, so answers whose region is no region are dropped where another exists.
 */
function answersByHost(endpoints: readonly BotocoreEndpoint[]): Map<string, BotocoreEndpoint[]> {
  const byHost = new Map<string, BotocoreEndpoint[]>();
  for (const endpoint of endpoints) {
    byHost.set(endpoint.host, [...(byHost.get(endpoint.host) ?? []), endpoint]);
  }
  for (const [host, answers] of byHost) {
    const regional = answers.filter((answer) => REGION_PATTERN.test(answer.region));
    byHost.set(host, regional.length > 0 ? regional : answers);
  }
  return byHost;
}

const agrees = (ours: { service: string; region: string }, answer: BotocoreEndpoint) =>
  ours.service === answer.service &&
  (ours.region === answer.region || !REGION_PATTERN.test(answer.region));

/** The table row a host falls in: a global host, its prefix, or the prefix's `*.` row. */
function rowOf(host: string): string | undefined {
  if (GLOBAL_ROWS.includes(host)) return host;
  const prefix = awsEndpointOf(host)?.prefix;
  if (prefix === undefined) return undefined;
  if (PREFIX_ROWS.includes(prefix)) return prefix;
  const wildcard = `*${prefix.slice(prefix.indexOf('.'))}`;
  return prefix.includes('.') && PREFIX_ROWS.includes(wildcard) ? wildcard : undefined;
}

/**
 * Signing names move between botocore releases (`iot` signs as execute-api in 1.29, as iot in
 * 1.43): the table is checked by the botocore it was generated from. Another one counts as no
 * oracle: a warning, or a failure where CI sets REQUIRE_BOTOCORE, unless BOTOCORE_TABLE_ORACLE
 * is `optional` (.ci/run sets it when no python on the machine has the table's botocore; every
 * other botocore oracle stays required).
 */
async function sameBotocore(): Promise<BotocoreEndpoints | undefined> {
  const loaded = await loadBotocoreEndpoints();
  if (!loaded || SIGNING_NAMES_SOURCE === `botocore ${loaded.version}`) return loaded;
  const reason = `src/scope/signingNames.ts comes from ${SIGNING_NAMES_SOURCE}, the oracle runs botocore ${loaded.version}: set BOTOCORE_PYTHON to a python with the former, or regenerate the table with scripts/generate-signing-names.py`;
  if (process.env.BOTOCORE_TABLE_ORACLE === 'optional') {
    console.warn(`signing names table oracle SKIPPED (BOTOCORE_TABLE_ORACLE=optional): ${reason}`);
    return undefined;
  }
  return botocoreMissing(reason);
}

let botocore: BotocoreEndpoints | undefined;
let byHost: Map<string, BotocoreEndpoint[]>;
beforeAll(async () => {
  botocore = await sameBotocore();
  byHost = answersByHost(botocore?.endpoints ?? []);
}, 120_000);

test('botocore resolves every endpoint of every partition (the oracle covers the table)', () => {
  if (!botocore) return;
  expect(byHost.size).toBeGreaterThan(10_000);
});

test("every host botocore sends to: botocore's signing name and region, never another", () => {
  if (!botocore) return;
  const wrong: string[] = [];
  const notInferred: string[] = [];
  for (const [host, answers] of byHost) {
    const ours = inferSigningScope(host);
    if (!ours) notInferred.push(host);
    else if (!answers.some((answer) => agrees(ours, answer))) {
      wrong.push(`${host}: ours ${ours.service}/${ours.region}, botocore ${answers[0].service}`);
    }
  }
  expect(wrong).toEqual([]);
  // DynamoDB local, botocore's one endpoint outside AWS's DNS suffixes.
  expect(notInferred).toEqual(['localhost:8000']);
});

test("every row of the table signs with botocore's signing name for a host of that row", async () => {
  if (!botocore) return;
  const hostsOfRow = new Map<string, string>();
  for (const host of [...byHost.keys()].sort()) {
    const row = rowOf(host);
    if (row !== undefined && !hostsOfRow.has(row)) hostsOfRow.set(row, host);
  }
  expect([...PREFIX_ROWS, ...GLOBAL_ROWS].filter((row) => !hostsOfRow.has(row))).toEqual([]);
  const signer = createSigner({ credentials: TEST_CREDENTIALS });
  const mismatches: string[] = [];
  for (const [row, host] of hostsOfRow) {
    const { authorization } = await signer.sign({ method: 'GET', url: `https://${host}/` });
    const [, region, service] = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\//.exec(authorization)!;
    if (!byHost.get(host)!.some((answer) => agrees({ service, region }, answer))) {
      mismatches.push(`${row} (${host}): signed ${service}/${region}`);
    }
  }
  expect(mismatches).toEqual([]);
  expect(hostsOfRow.size).toBe(PREFIX_ROWS.length + GLOBAL_ROWS.length);
});
