/**
 * REGION_PATTERN (src/constants.ts), which decides which label of a host is its region, against
 * botocore's endpoints.json: every region of every partition matches (the European Sovereign
 * Cloud's eusc-de-east-1 included) and no other endpoint key does. The generator of the signing
 * names table (scripts/generate-signing-names.py) reads hosts with the same pattern.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION_PATTERN } from '../../src/constants';
import { loadBotocoreRegions, type BotocoreRegions } from '../support/botocoreEndpoints';

const REGIONS = [
  'us-east-1',
  'ap-southeast-7',
  'us-gov-west-1',
  'cn-northwest-1',
  'us-iso-east-1',
  'us-isob-east-1',
  'eu-isoe-west-1',
  'us-isof-south-1',
  'eusc-de-east-1',
];
/** Labels next to a service label that are no region: a region read from them signs wrongly. */
const NOT_REGIONS = [
  'execute-api',
  'notaregion',
  'eu-west',
  'eusc-de',
  'us-gov',
  'global',
  'dualstack',
  's3-external-1',
  'aws-global',
  'fips-us-east-1',
  'us-east-1-fips',
  'eusc-de-east-1-fips',
  'US-EAST-1',
];

test.each(REGIONS)('%s is a region', (region) => {
  expect(REGION_PATTERN.test(region)).toBe(true);
});

test.each(NOT_REGIONS)('%s is no region', (label) => {
  expect(REGION_PATTERN.test(label)).toBe(false);
});

test("the generator's REGION is REGION_PATTERN", () => {
  const script = readFileSync(join(__dirname, '../../scripts/generate-signing-names.py'), 'utf8');
  expect(/^REGION = re\.compile\(r"([^"]+)"\)$/m.exec(script)?.[1]).toBe(REGION_PATTERN.source);
});

describe("botocore's endpoints.json", () => {
  let botocore: BotocoreRegions | undefined;
  beforeAll(async () => {
    botocore = await loadBotocoreRegions();
  }, 60_000);

  test('every region of every partition matches', () => {
    if (!botocore) return;
    expect(botocore.regions.length).toBeGreaterThan(20);
    expect(botocore.regions.filter((region) => !REGION_PATTERN.test(region))).toEqual([]);
  });

  test('no other endpoint key matches (aws-global, fips-us-east-1, us-east-1-fips, ...)', () => {
    if (!botocore) return;
    expect(botocore.otherKeys.length).toBeGreaterThan(100);
    expect(botocore.otherKeys.filter((key) => REGION_PATTERN.test(key))).toEqual([]);
  });
});
