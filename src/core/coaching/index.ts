// The home safety check and lifestyle coaching of a physiotherapy practice: closed lists only (the
// advice itself is the core's lifestyle and calcium / vitamin D rules).
export * from './lists.js';
