// Uptime against the agreement's 99.8 % (R20–R23): intervals, the Oslo
// calendar periods and weekly windows, and the figure itself.
export * from './intervals';
export * from './periods';
export * from './uptime';
export * from './yearTable';
