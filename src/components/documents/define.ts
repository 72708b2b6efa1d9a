import { EsDocuments } from './documents.js';

EsDocuments.define();

export { EsDocuments };
