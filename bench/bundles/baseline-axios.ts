/** Baseline: a Lambda handler that calls an API with plain axios, unsigned. */
import axios from 'axios';

export const handler = async (): Promise<number> => (await axios.get(process.env.API_URL!)).status;
