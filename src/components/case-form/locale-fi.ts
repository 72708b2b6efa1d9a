// Finnish translations for es-case-form (ids 'case-form.*').
export const templates = {};
