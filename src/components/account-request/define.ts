import { EsAccountRequest } from './account-request.js';

EsAccountRequest.define();

export { EsAccountRequest };
