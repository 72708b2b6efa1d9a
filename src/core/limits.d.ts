export declare const MAX_ATTACHMENT_BYTES: number;
export declare const MAX_ATTACHMENTS_PER_ITEM: number;
export declare const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>>;
export declare const FIELD_LIMITS: {
  readonly subject: { min: number; max: number };
  readonly description: { min: number; max: number };
  readonly comment: { min: number; max: number };
  readonly reason: { min: number; max: number };
  readonly contactPhone: { max: number };
  readonly firstName: { min: number; max: number };
  readonly lastName: { min: number; max: number };
  readonly email: { max: number };
  readonly accountRequestMessage: { max: number };
  readonly kbQuery: { min: number; max: number };
};
export declare const ACCOUNT_ID_PATTERN: string;
export declare function checkAttachment(file: { name: string; size: number; type?: string }): null | 'empty' | 'too-large' | 'type';
