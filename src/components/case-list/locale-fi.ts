// Finnish translations for es-case-list (ids 'case-list.*'), plus the shared case pieces ('case.*', 'uploader.*').
import { str } from '@lit/localize';
import { templates as shared } from '../shared-case/locale-fi.js';

export const templates = {
  ...shared,
  'case-list.signed-out': 'Kirjaudu Business Account -tunnuksellasi nähdäksesi organisaatiosi tukipyynnöt.',
  'case-list.loading': 'Ladataan tukipyyntöjä…',
  'case-list.filter-region': 'Suodata tukipyyntöjä',
  'case-list.search': 'Hae tukipyyntöjä',
  'case-list.search-placeholder': 'Numero, aihe tai teksti',
  'case-list.product': 'Tuote',
  'case-list.all-products': 'Kaikki tuotteet',
  'case-list.status': 'Tila',
  'case-list.severity': 'Vakavuus',
  'case-list.all': 'kaikki',
  'case-list.sort': 'Järjestys',
  'case-list.clear-filters': 'Tyhjennä suodattimet',
  'case-list.count-partial': str`Näytetään ${0}/${1} tukipyyntöä`,
  'case-list.count.one': str`${0} tukipyyntö`,
  'case-list.count.other': str`${0} tukipyyntöä`,
  'case-list.empty-filtered': 'Suodattimia vastaavia tukipyyntöjä ei ole.',
  'case-list.empty': 'Organisaatiollasi ei ole vielä tukipyyntöjä.',
  'case-list.list-label': 'Tukipyynnöt',
  'case-list.col-number': 'Numero',
  'case-list.col-subject': 'Aihe',
  'case-list.col-updated': 'Päivitetty',
  'case-list.load-more': 'Lataa lisää',
};
