// Finnish translations for es-case-list (ids 'case-list.*').
export const templates = {};
