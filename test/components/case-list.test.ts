import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanup, deferred, fakeApi, FakeSession, mountWith, signedInUser } from '../helpers/fakes.js';
import '../../src/components/case-list/define.js';
import type { EsCaseList } from '../../src/components/case-list/case-list.js';
import type { CaseQuery, CaseSummary, Page, Product } from '../../src/core/models.js';
import type { RequestOptions } from '../../src/core/api-types.js';
import { ApiError } from '../../src/core/errors.js';

const products: Product[] = [
  { id: 'p-vpn', name: 'Bastion VPN Gateway', family: 'Network security' },
  { id: 'p-edr', name: 'Sentinel EDR', family: 'Endpoint protection' },
];

function makeCases(n: number, subject = (i: number) => `Case subject ${i + 1}`): CaseSummary[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    id: `case-${i + 1}`, number: `CS-${String(100000 + i).padStart(7, '0')}`, subject: subject(i),
    productId: 'p-vpn', productName: 'Bastion VPN Gateway', severity: (['critical', 'high', 'medium', 'low'] as const)[i % 4],
    status: (['new', 'in_progress', 'closed'] as const)[i % 3],
    createdAt: new Date(now - (i + 10) * 3600_000).toISOString(), updatedAt: new Date(now - i * 3600_000).toISOString(),
  }));
}

const signedIn = () => new FakeSession({ status: 'signed-in', user: signedInUser });
const page = (items: CaseSummary[], nextCursor: string | null = null, total = items.length): Page<CaseSummary> => ({ items, nextCursor, total });
const rows = (el: EsCaseList) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('.row'));
const settle = async (el: EsCaseList) => { await waitUntil(() => !el.shadowRoot!.querySelector('[part=loading]'), 'still loading'); await el.updateComplete; };

describe('es-case-list', () => {
  afterEach(cleanup);

  it('is accessible with rows', async () => {
    const api = fakeApi({ listCases: async () => page(makeCases(5)), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    await settle(el);
    await expect(el).to.be.accessible();
    expect(rows(el)).to.have.length(5);
  });
});
