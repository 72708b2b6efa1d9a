import { EsCaseDetail } from './case-detail.js';

EsCaseDetail.define();
export { EsCaseDetail };
