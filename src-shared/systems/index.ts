// Business systems, their owners, outages, maintenance windows, uptime and
// operational notices (R10, R13, R14, R20–R24, R26): the rules every layer uses.
export * from './register';
export * from './outages';
export * from './windows';
export * from './notices';
export * from './uptimeReport';
export * from './restore';
