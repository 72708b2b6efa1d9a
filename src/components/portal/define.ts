// Defines es-portal and every element it composes (the npm build; the CDN loader loads each one lazily instead).
import '../login/define.js';
import '../account-request/define.js';
import '../case-list/define.js';
import '../case-detail/define.js';
import '../case-form/define.js';
import '../kb-search/define.js';
import '../contact-card/define.js';
import '../documents/define.js';
import { EsPortal } from './portal.js';

EsPortal.define();

export { EsPortal };
