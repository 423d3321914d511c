export { Open311Module } from './open311.module';
export type { Open311Options } from './open311.options';
export { OPEN311_DEMO_API_KEY, seedOpen311DemoKey, issueOpen311ApiKey, hashApiKey } from './api-key/open311-api-keys';
export { Open311ApiKey } from './api-key/open311-api-key.entity';
export { Open311RequestRecord } from './requests/open311-request.entity';
export { FixedCategoryCatalogue, type CategoryCatalogue } from './catalogue/category-catalogue';
