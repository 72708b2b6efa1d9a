import { EsProvider } from './provider.js';

EsProvider.define();

export { EsProvider };
