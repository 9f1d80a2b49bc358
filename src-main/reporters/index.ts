// The reporters domain (R5): the reporter directory, its CSV import and the
// recognition of callers by number. Its one entry file.
import { defineDomain } from '../local/domain';
import { reporterImport } from './mutations';
import { reportersRouter } from './router';

export const reporters = defineDomain({ mutations: [reporterImport], router: reportersRouter });

export { recognizeCallers, storedNumber } from './recognize';
