// Finnish translations for es-case-detail (ids 'case-detail.*').
export const templates = {};
