export * from './chinese-similarity';
export * from './precision-recall';
