export * from './network';
export * from './resources';
export * from './topology';
export * from './snapshot';
export * from './cidr';
export * from './ids';
