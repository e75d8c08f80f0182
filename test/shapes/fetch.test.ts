import { describeFetchShapes } from './fetchSuite';

describeFetchShapes('global fetch');
