import { str } from '@lit/localize';

/** Finnish texts of es-provider. */
export const templates = {};
void str;
