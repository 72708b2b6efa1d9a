// Finnish translations for es-documents (ids 'documents.*').
export const templates = {};
