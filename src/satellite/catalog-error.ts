/** Bad catalog input (an onboarding request, a satellites file), reported to the user as is. */
export class CatalogError extends Error {}
