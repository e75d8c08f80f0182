import { describeType } from '../describeType';
import { SigV4RequestError } from '../errors';
import { bodyProblem, headersProblem, methodProblem } from './requestChecks';
import type { SignableRequest } from '../types';

/**
 * Throws a typed INVALID_REQUEST error for what `signer.sign()` cannot sign as given: no request
 * object, a method that is not an HTTP token, headers that are not a plain object of strings,
 * a body that is not bytes (an object would be signed as `[object Object]`).
 * @internal
 */
export function assertSignableRequest(request: unknown): asserts request is SignableRequest {
  if (typeof request !== 'object' || request === null) {
    throw new SigV4RequestError(
      'INVALID_REQUEST',
      `Cannot sign \`request\`: it is ${describeType(request)}`,
      'pass { method, url, headers?, body? }',
    );
  }
  const { method, url, headers, body } = request as Record<string, unknown>;
  const problem = methodProblem(method) ?? headersProblem(headers) ?? bodyProblem(body);
  if (!problem) return;
  throw new SigV4RequestError(
    'INVALID_REQUEST',
    `Cannot sign \`request.${problem.part}\`: ${problem.what}`,
    problem.fix,
    {
      method: methodProblem(method) ? undefined : (method as string),
      url: typeof url === 'string' || url instanceof URL ? url : undefined,
    },
  );
}
