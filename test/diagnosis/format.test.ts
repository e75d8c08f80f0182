/** formatDiagnosis: the lines a person reads, per kind. */
import { analyzeFailure } from '../../src/diagnosis/analyze';
import { formatDiagnosis } from '../../src/diagnosis/format';
import type { Diagnosis } from '../../src/diagnosis/types';
import { canonical, mismatchMessage, recordOf, stringToSign } from './support';

const RESOURCE = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/items';

describe('formatDiagnosis', () => {
  test('first lines: kind, status and cause; the fix; AWS message', () => {
    const diagnosis = analyzeFailure({ status: 500, message: 'Internal server error' })!;
    expect(formatDiagnosis(diagnosis).split('\n')).toEqual([
      `integration-error (HTTP 500): ${diagnosis.cause}`,
      `Fix: ${diagnosis.fix}`,
      'AWS: Internal server error',
    ]);
  });

  test('access-denied: principal, action, resource and the statement to paste', () => {
    const message = `User: arn:aws:sts::123456789012:assumed-role/Caller/s is not authorized to perform: execute-api:Invoke on resource: ${RESOURCE}`;
    const text = formatDiagnosis(analyzeFailure({ status: 403, message })!);
    expect(text).toContain('\nPrincipal: arn:aws:sts::123456789012:assumed-role/Caller/s\n');
    expect(text).toContain('\nAction: execute-api:Invoke\n');
    expect(text).toContain(`\nResource: ${RESOURCE}\n`);
    expect(text).toContain(
      `\nPolicy statement: {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"${RESOURCE}"}`,
    );
  });

  test('wrong-scope: the expected region', () => {
    const message = "Credential should be scoped to a valid region, not 'us-east-1'. ";
    const record = recordOf(canonical({ headers: [['host', 'h']] }));
    const text = formatDiagnosis(analyzeFailure({ status: 403, message }, record)!);
    expect(text).toContain('\nExpected region: eu-west-1');
  });

  test('signature-mismatch: a pair of lines per difference, "(absent)" for a missing side', () => {
    const signed = canonical({ query: 'a=1', headers: [['host', 'h']] });
    const server = canonical({ query: 'b=2', headers: [['host', 'proxy']] });
    const message = mismatchMessage(server, stringToSign());
    const text = formatDiagnosis(analyzeFailure({ status: 403, message }, recordOf(signed))!);
    const diff = text.slice(text.indexOf('Differences'));
    expect(diff.split('\n')).toEqual([
      'Differences (what we signed vs what the server computed):',
      '  query a',
      '  - signed: 1',
      '  + server: (absent)',
      '  query b',
      '  - signed: (absent)',
      '  + server: 2',
      '  header host',
      '  - signed: h',
      '  + server: proxy',
    ]);
    expect(text).not.toContain('Canonical String');
  });

  test('signature-mismatch without a record: the server canonical request, indented', () => {
    const server = canonical({ headers: [['host', 'h']] });
    const text = formatDiagnosis(
      analyzeFailure({ status: 403, message: mismatchMessage(server, stringToSign()) })!,
    );
    expect(text).toContain(
      ["The server's canonical request:", ...server.split('\n').map((l) => `  ${l}`)].join('\n'),
    );
  });

  test('no differences (a wrong secret): no diff block', () => {
    const same = canonical({ headers: [['host', 'h']] });
    const diagnosis = analyzeFailure(
      { status: 403, message: mismatchMessage(same, stringToSign()) },
      recordOf(same),
    ) as Diagnosis;
    expect(diagnosis.differences).toEqual([]);
    expect(formatDiagnosis(diagnosis)).not.toMatch(/Differences|canonical request:/);
  });
});
