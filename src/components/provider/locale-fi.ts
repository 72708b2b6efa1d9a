import { str } from '@lit/localize';

/** Finnish texts of es-provider (ids 'provider.*'). */
export const templates = {
  'provider.config-error-title': 'Tukipalvelun komponentit eivät voi käynnistyä.',
  'provider.config-error': str`Tarkista es-provider-asetus "${0}": ${1}`,
};
