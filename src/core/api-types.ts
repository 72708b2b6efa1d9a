import type {
  AccountRequestInput, AccountRequestReceipt, Attachment, CaseQuery, CaseSummary, Comment, CommentQuery, Contacts,
  DocumentInfo, DocumentQuery, KbArticle, KbQuery, KbSearchHit, Me, NewCase, NewComment, Page, Product, SupportCase,
} from './models.js';

/** Options every call takes. Aborting rejects with an ApiError of kind `abort`. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** Options of creating calls: the same key + same body returns the first result instead of creating twice. */
export interface CreateOptions extends RequestOptions {
  idempotencyKey: string;
}

export interface UploadOptions extends RequestOptions {
  /** Called as bytes go out. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * The typed support API every component uses (through the `apiContext`). The real one is `createApiClient()`
 * (ky); tests and Storybook provide fakes of this interface. Every method rejects with `ApiError`.
 */
export interface SupportApi {
  me(o?: RequestOptions): Promise<Me>;
  listCases(query: CaseQuery, o?: RequestOptions): Promise<Page<CaseSummary>>;
  createCase(input: NewCase, o: CreateOptions): Promise<SupportCase>;
  getCase(id: string, o?: RequestOptions): Promise<SupportCase>;
  /**
   * A page of the case's comments, oldest first (`order: 'desc'`: newest first, then `cursor: page.nextCursor` for
   * the older ones). `since` (ISO time) returns only newer comments, for polling.
   */
  listComments(caseId: string, o?: RequestOptions & CommentQuery): Promise<Page<Comment>>;
  addComment(caseId: string, input: NewComment, o: CreateOptions): Promise<Comment>;
  closeCase(id: string, input: { reason?: string }, o?: RequestOptions): Promise<SupportCase>;
  reopenCase(id: string, input: { reason: string }, o?: RequestOptions): Promise<SupportCase>;
  escalateCase(id: string, input: { reason: string }, o?: RequestOptions): Promise<SupportCase>;
  uploadAttachment(file: File, o?: UploadOptions): Promise<Attachment>;
  /** Fetches the file with the bearer token (downloads are not public). */
  downloadAttachment(id: string, o?: RequestOptions): Promise<Blob>;
  listProducts(o?: RequestOptions): Promise<Product[]>;
  searchKb(query: KbQuery, o?: RequestOptions): Promise<Page<KbSearchHit>>;
  getArticle(id: string, o?: RequestOptions): Promise<KbArticle>;
  sendArticleFeedback(id: string, input: { helpful: boolean }, o?: RequestOptions): Promise<void>;
  getContacts(o?: RequestOptions): Promise<Contacts>;
  listDocuments(query: DocumentQuery, o?: RequestOptions): Promise<DocumentInfo[]>;
  requestAccount(input: AccountRequestInput, o?: RequestOptions): Promise<AccountRequestReceipt>;
}
