import { EsCaseList } from './case-list.js';

EsCaseList.define();
export { EsCaseList };
