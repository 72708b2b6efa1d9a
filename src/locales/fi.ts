/**
 * Finnish templates for @lit/localize runtime mode: every component's `locale-fi.ts`, merged. Loaded by
 * `src/core/i18n.ts` only when the locale switches to `fi`.
 */
import { templates as common } from '../base/locale-fi.js';
import { templates as provider } from '../components/provider/locale-fi.js';
import { templates as login } from '../components/login/locale-fi.js';
import { templates as accountRequest } from '../components/account-request/locale-fi.js';
import { templates as caseList } from '../components/case-list/locale-fi.js';
import { templates as caseDetail } from '../components/case-detail/locale-fi.js';
import { templates as caseForm } from '../components/case-form/locale-fi.js';
import { templates as kbSearch } from '../components/kb-search/locale-fi.js';
import { templates as contactCard } from '../components/contact-card/locale-fi.js';
import { templates as documents } from '../components/documents/locale-fi.js';
import { templates as portal } from '../components/portal/locale-fi.js';

export const templates = {
  ...common, ...provider, ...login, ...accountRequest, ...caseList, ...caseDetail, ...caseForm, ...kbSearch,
  ...contactCard, ...documents, ...portal,
};
