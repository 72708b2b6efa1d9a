import { EsCaseForm } from './case-form.js';

EsCaseForm.define();
export { EsCaseForm };
