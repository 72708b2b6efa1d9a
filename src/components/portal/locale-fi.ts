// Finnish translations for es-portal (ids 'portal.*').
export const templates = {};
