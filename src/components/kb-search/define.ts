import { EsKbSearch } from './kb-search.js';

EsKbSearch.define();

export { EsKbSearch };
