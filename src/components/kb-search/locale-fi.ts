// Finnish translations for es-kb-search (ids 'kb-search.*').
export const templates = {};
