/**
 * Explains a 500 "Internal server error" after a valid signature: IAM authorization passed and the
 * integration failed (DOMAIN.md §3). Not a signing bug, but the usual cause is an IAM one.
 */
import type { Explanation } from '../types';

/** Cause and fix of an integration failure. @internal */
export function explainIntegrationError(): Explanation {
  return {
    cause:
      "IAM authorization passed but the integration failed, commonly one that invokes the Lambda function with the caller's credentials while the caller's role lacks lambda:InvokeFunction.",
    fix: "Allow lambda:InvokeFunction on the function to the caller's role (or let the integration use its own execution role); if that is not it, the integration's logs (API Gateway execution logging, the function's logs) name the error.",
  };
}
