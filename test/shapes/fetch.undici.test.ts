import { fetch as undiciFetch } from 'undici';
import { describeFetchShapes } from './fetchSuite';

/** The same suite over the undici 7 package's fetch, injected with `options.fetch`. */
describeFetchShapes('undici fetch', undiciFetch as unknown as typeof fetch);
