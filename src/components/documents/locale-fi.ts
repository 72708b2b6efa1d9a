// Finnish translations for es-documents (ids 'documents.*').
export const templates = {
  'documents.heading': 'Palvelukuvaukset',
  'documents.product': 'Tuote',
  'documents.all-products': 'Kaikki tuotteet',
  'documents.language': 'Kieli',
  'documents.all-languages': 'Kaikki kielet',
  'documents.empty-filtered': 'Mikään asiakirja ei vastaa näitä suodattimia.',
  'documents.empty': 'Asiakirjoja ei ole vielä saatavilla.',
  'documents.show-all': 'Näytä kaikki asiakirjat',
  'documents.title': 'Nimi',
  'documents.type': 'Tyyppi',
  'documents.size': 'Koko',
  'documents.published': 'Julkaistu',
};
