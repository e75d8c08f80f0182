import type { Diagnosis } from './types';

/**
 * The diagnosis an axios error of a signed request carries (`error.diagnosis`), typed: axios's
 * `AxiosError` does not declare the field, and this package does not augment axios's types (axios
 * is an optional peer; fetch users need not install it). Synchronous, unlike {@link diagnose}.
 * @returns the diagnosis, or undefined when `error` carries none (not a refusal of a signed
 * request, or not an error from a signed axios instance)
 * @example
 * try {
 *   await api.get('/orders');
 * } catch (error) {
 *   const diagnosis = diagnosisOf(error);
 *   if (diagnosis) console.error(formatDiagnosis(diagnosis));
 * }
 */
export function diagnosisOf(error: unknown): Diagnosis | undefined {
  if (typeof error !== 'object' || error === null || !('diagnosis' in error)) return undefined;
  const { diagnosis } = error as { diagnosis: unknown };
  return isDiagnosis(diagnosis) ? diagnosis : undefined;
}

const isDiagnosis = (value: unknown): value is Diagnosis =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Diagnosis).kind === 'string' &&
  typeof (value as Diagnosis).status === 'number';
