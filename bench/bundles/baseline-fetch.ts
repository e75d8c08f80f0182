/** Baseline: a Lambda handler that calls an API with plain fetch, unsigned. */
export const handler = async (): Promise<number> => (await fetch(process.env.API_URL!)).status;
