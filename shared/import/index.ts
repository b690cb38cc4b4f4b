/** Bill import: parsers for Alipay, WeChat, JD, OFX, QIF and mapped CSV, format detection, preparation. */
export * from './types';
export * from './errors';
export * from './text';
export * from './alipay';
export * from './wechat';
export * from './jd';
export * from './generic-csv';
export * from './detect';
export * from './ofx';
export * from './qif';
export * from './prepare';
